import { act, fireEvent } from '@testing-library/react';
import { createMemoryHistory } from 'history';
import type { ScopedHistory } from '../../../types/osd';
import { toastLink } from './toast_link';

function mount(history: ScopedHistory) {
  const holder = document.createElement('div');
  document.body.appendChild(holder);
  let unmount = () => {};
  act(() => {
    unmount = toastLink('Deployed.', 'Open the model', history, { pathname: '/models/m1' })(holder);
  });
  const link = holder.querySelector('[data-test-subj="toastLink"]') as HTMLAnchorElement;
  return { link, done: () => (act(() => unmount()), holder.remove()) };
}

describe('toastLink', () => {
  it('navigates inside the app while the app is shown', () => {
    const history = createMemoryHistory();
    const { link, done } = mount(history as unknown as ScopedHistory);
    expect(link).toHaveAttribute('href', '/models/m1');
    // fireEvent returns false when the click's default (loading the href) was prevented.
    expect(fireEvent.click(link)).toBe(false);
    expect(history.location.pathname).toBe('/models/m1');
    done();
  });

  it("lets the href load the app once the user has left it (OSD's ScopedHistory throws then)", () => {
    const history = createMemoryHistory();
    const left = {
      ...history,
      createHref: history.createHref,
      push: () => {
        throw new Error('ScopedHistory instance has fell out of navigation scope for basePath: /app/mlModels');
      },
    };
    const { link, done } = mount(left as unknown as ScopedHistory);
    expect(fireEvent.click(link)).toBe(true);
    done();
  });
});
