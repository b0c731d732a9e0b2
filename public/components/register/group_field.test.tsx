import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import React, { useState } from 'react';
import { routePath } from '../../../common/routes';
import { modelGroup, page } from '../../../test/mocks/public_fixtures';
import { createFakeHttp, httpError } from '../../../test/mocks/public_http';
import { renderWithServices } from '../../../test/mocks/public_render';
import { CLUSTER_DEFAULT_ACCESS } from '../../lib/group_access';
import { GroupField } from './group_field';

describe('GroupField', () => {
  it('never shows the previously picked group under a newly picked one while the new one loads', async () => {
    let answerG2!: (g: unknown) => void;
    const http = createFakeHttp({
      get: {
        // g2 is not among the listed groups, so its name comes only from its own read.
        [routePath('modelGroups')]: page([modelGroup({ id: 'g1', name: 'embeddings' })]),
        [routePath('modelGroup', { groupId: 'g1' })]: modelGroup({ id: 'g1', name: 'embeddings' }),
        [routePath('modelGroup', { groupId: 'g2' })]: () => new Promise((r) => (answerG2 = r)),
      },
    });
    const props = { mode: 'existing' as const, newGroupName: '', newGroupDescription: '', newGroupAccess: CLUSTER_DEFAULT_ACCESS, accessControl: false, errors: {}, disabled: false, onChange: jest.fn() };
    let pick!: (id: string) => void;
    function Harness() {
      const [groupId, setGroupId] = useState('g1');
      pick = setGroupId;
      return <GroupField {...props} groupId={groupId} />;
    }
    renderWithServices(<Harness />, { http });
    await waitFor(() => expect(screen.getByTestId('groupSelect')).toHaveTextContent('embeddings'));
    act(() => pick('g2'));
    await waitFor(() => expect(http.get).toHaveBeenCalledWith(routePath('modelGroup', { groupId: 'g2' }), expect.anything()));
    expect(screen.getByTestId('groupSelect')).not.toHaveTextContent('embeddings');
    expect(screen.getByTestId('groupSelect')).toHaveTextContent('g2');
    answerG2(modelGroup({ id: 'g2', name: 'rerankers' }));
    await waitFor(() => expect(screen.getByTestId('groupSelect')).toHaveTextContent('rerankers'));
  });

  it('says so when the preselected group (?group=...) cannot be read, instead of offering it silently', async () => {
    const http = createFakeHttp({
      get: {
        [routePath('modelGroups')]: page([]),
        [routePath('modelGroup', { groupId: 'bogus' })]: httpError(404, 'Failed to find model group with the provided model group id: bogus'),
      },
    });
    const props = { mode: 'existing' as const, newGroupName: '', newGroupDescription: '', newGroupAccess: CLUSTER_DEFAULT_ACCESS, accessControl: false, errors: {}, disabled: false, onChange: jest.fn() };
    renderWithServices(<GroupField {...props} groupId="bogus" />, { http });
    expect(await screen.findByText('Group bogus cannot be used: Failed to find model group with the provided model group id: bogus')).toBeInTheDocument();
  });

  it('names its choice of group for assistive technology (a radio group named by its legend)', () => {
    const http = createFakeHttp({ get: { [routePath('modelGroups')]: page([]) } });
    const props = { mode: 'new' as const, groupId: '', newGroupName: '', newGroupDescription: '', newGroupAccess: CLUSTER_DEFAULT_ACCESS, accessControl: false, errors: {}, disabled: false, onChange: jest.fn() };
    renderWithServices(<GroupField {...props} />, { http });
    const group = screen.getByRole('group', { name: 'Model group' });
    expect(group).toContainElement(screen.getByRole('radio', { name: 'Create a new group' }));
  });

  it("lets a new group say who may use it when the cluster has model access control on, and only then", () => {
    const http = createFakeHttp({ get: { [routePath('modelGroups')]: page([]) } });
    const onChange = jest.fn();
    const props = { mode: 'new' as const, groupId: '', newGroupName: 'g', newGroupDescription: '', newGroupAccess: CLUSTER_DEFAULT_ACCESS, errors: {}, disabled: false, onChange };
    const off = renderWithServices(<GroupField {...props} accessControl={false} />, { http });
    expect(screen.queryByTestId('groupAccessInput')).toBeNull();
    off.unmount();
    const on = renderWithServices(<GroupField {...props} accessControl />, { http });
    fireEvent.change(screen.getByTestId('groupAccessInput'), { target: { value: 'public' } });
    expect(onChange).toHaveBeenCalledWith({ newGroupAccess: { access: 'public', roles: [], allRoles: false } });
    on.unmount();
    const restricted = { access: 'restricted' as const, roles: [], allRoles: false };
    renderWithServices(<GroupField {...props} accessControl newGroupAccess={restricted} errors={{ newGroupAccess: 'A restricted group needs backend roles, or "all my backend roles".' }} />, { http });
    expect(screen.getByText('A restricted group needs backend roles, or "all my backend roles".')).toBeInTheDocument();
  });
});
