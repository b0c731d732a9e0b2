import { fireEvent, screen } from '@testing-library/react';
import React, { useState } from 'react';
import { model } from '../../../test/mocks/public_fixtures';
import { createFakeHttp } from '../../../test/mocks/public_http';
import { renderWithServices } from '../../../test/mocks/public_render';
import { OrphanCleanup } from './orphan_cleanup';

describe('OrphanCleanup', () => {
  it('leaves unticked an upload that turns up while the dialog is open', () => {
    const o1 = model({ id: 'o1', name: 'old', model_state: 'REGISTERING' });
    const o2 = model({ id: 'o2', name: 'new', model_state: 'REGISTERING' });
    const http = createFakeHttp({});
    function Page() {
      const [orphans, setOrphans] = useState([o1]);
      return (
        <>
          <button data-test-subj="refresh" onClick={() => setOrphans([o1, o2])} />
          <OrphanCleanup orphans={orphans} minAgeMinutes={30} onCleaned={() => undefined} />
        </>
      );
    }
    renderWithServices(<Page />, { http });
    fireEvent.click(screen.getByTestId('orphanCleanupButton'));
    expect(screen.getByTestId('orphan-o1')).toBeChecked();
    // Auto-refresh finds another stuck upload (perhaps one still running in another tab).
    fireEvent.click(screen.getByTestId('refresh'));
    expect(screen.getByTestId('orphan-o2')).not.toBeChecked();
    expect(screen.getByTestId('confirmModalConfirmButton')).toHaveTextContent('Delete 1');
  });
});
