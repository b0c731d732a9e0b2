import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import React from 'react';
import { routePath } from '../../../common/routes';
import type { ReadinessResponse } from '../../../common/types';
import { createFakeHttp, httpError, sentBodies } from '../../../test/mocks/public_http';
import { renderWithServices } from '../../../test/mocks/public_render';
import { ClusterPage } from './cluster_page';

const READINESS = routePath('readiness');
const APPLY = routePath('readinessApply');
const P = 'plugins.ml_commons.';

const NOT_READY: ReadinessResponse = {
  settings: [
    { key: 'allow_registering_model_via_url', setting: `${P}allow_registering_model_via_url`, value: 'false', source: 'defaults' },
    { key: 'allow_registering_model_via_local_file', setting: `${P}allow_registering_model_via_local_file`, value: 'false', source: 'defaults' },
    { key: 'only_run_on_ml_node', setting: `${P}only_run_on_ml_node`, value: 'true', source: 'defaults' },
    { key: 'native_memory_threshold', setting: `${P}native_memory_threshold`, value: '90', source: 'defaults' },
    { key: 'allow_custom_deployment_plan', setting: `${P}allow_custom_deployment_plan`, value: 'false', source: 'persistent' },
  ],
  checks: [
    { id: 'register_via_local_file', ok: false, message: 'Uploading a local file is off.' },
    { id: 'eligible_nodes', ok: false, message: 'No node has the "ml" role.' },
  ],
  nodes: [],
};
const READY_NOW: ReadinessResponse = {
  settings: NOT_READY.settings.map((s) =>
    s.key === 'allow_registering_model_via_local_file' || s.key === 'allow_registering_model_via_url' || s.key === 'allow_custom_deployment_plan'
      ? { ...s, value: 'true', source: 'persistent' }
      : s.key === 'only_run_on_ml_node'
      ? { ...s, value: 'false', source: 'persistent' }
      : s
  ),
  checks: NOT_READY.checks.map((c) => ({ ...c, ok: true })),
  nodes: [{ id: 'n1', name: 'node-1', roles: ['data'] }],
};

function setup(apply: unknown) {
  let reads = 0;
  const http = createFakeHttp({ get: { [READINESS]: () => (reads++ === 0 ? NOT_READY : READY_NOW) }, put: { [APPLY]: apply } });
  return { http, ...renderWithServices(<ClusterPage />, { http, path: '/cluster' }) };
}

describe('ClusterPage', () => {
  it('explains every setting in plain words with its value and where it comes from', async () => {
    setup(READY_NOW);
    const row = await screen.findByTestId('settingRow-only_run_on_ml_node');
    expect(row).toHaveTextContent('Only on ML nodes');
    expect(row).toHaveTextContent('models run only on nodes with the "ml" role');
    expect(within(row).getByTestId('settingValue-only_run_on_ml_node')).toHaveTextContent('truenode or default');
    expect(screen.getByTestId('settingRow-native_memory_threshold')).toHaveTextContent('90');
    expect(screen.getByTestId('clusterCheck-eligible_nodes')).toHaveTextContent('No node has the "ml" role.');
    expect(screen.getByTestId('recommendation-only_run_on_ml_node')).toBeInTheDocument();
  });

  it('applies the ticked changes after confirming, then reads the settings again', async () => {
    const { http, toasts } = setup(READY_NOW);
    fireEvent.click(await screen.findByTestId('applySettingsButton'));
    // Needed changes are ticked; optional ones (URL download, node choice) are not.
    expect(screen.getByTestId('confirmModalConfirmButton')).toHaveTextContent('Apply 2 changes');
    fireEvent.click(screen.getByTestId('apply-allow_custom_deployment_plan'));
    expect(http.put).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    await waitFor(() =>
      expect(sentBodies(http.put, APPLY)).toEqual([
        { settings: { allow_registering_model_via_local_file: true, only_run_on_ml_node: false, allow_custom_deployment_plan: true } },
      ])
    );
    expect(toasts.addSuccess).toHaveBeenCalledWith({
      title: 'Cluster settings updated',
      text: 'allow_registering_model_via_local_file, only_run_on_ml_node, allow_custom_deployment_plan',
    });
    expect(await screen.findByTestId('clusterAllSet')).toBeInTheDocument();
  });

  it('does not call a cluster all set while a check fails that no setting here fixes (a full node)', async () => {
    const full: ReadinessResponse = {
      ...READY_NOW,
      checks: [...READY_NOW.checks, { id: 'model_capacity', ok: false, message: 'node-1 holds 10 of at most 10 models (plugins.ml_commons.max_model_on_node).' }],
    };
    renderWithServices(<ClusterPage />, { http: createFakeHttp({ get: { [READINESS]: full } }), path: '/cluster' });
    expect(await screen.findByTestId('clusterChecksOpen')).toHaveTextContent('No setting for this page to apply, but the checks marked above need attention.');
    expect(screen.queryByTestId('clusterAllSet')).toBeNull();
    expect(screen.getByTestId('clusterCheck-model_capacity')).toHaveTextContent('node-1 holds 10 of at most 10 models');
  });

  it("shows the cluster's own reason when the user may not change settings", async () => {
    const reason = 'no permissions for [cluster:admin/settings/update] and User [name=analyst, backend_roles=[], requestedTenant=null]';
    const { toasts } = setup(httpError(403, reason));
    fireEvent.click(await screen.findByTestId('applySettingsButton'));
    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    expect(await screen.findByTestId('applySettingsError')).toHaveTextContent(reason);
    expect(toasts.addDanger).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('confirmModalCancelButton'));
    expect(screen.getByTestId('clusterApplyError-message')).toHaveTextContent(reason);
    // Trying again opens a clean dialog.
    fireEvent.click(screen.getByTestId('applySettingsButton'));
    expect(screen.getByTestId('confirmModalConfirmButton')).toBeInTheDocument();
    expect(screen.queryByTestId('applySettingsError')).not.toBeInTheDocument();
  });
});
