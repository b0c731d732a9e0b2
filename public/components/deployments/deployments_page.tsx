import { EuiBasicTable, EuiBasicTableColumn, EuiButton, EuiFlexGroup, EuiFlexItem, EuiSpacer, EuiToolTip } from '@elastic/eui';
import React, { useCallback, useMemo, useState } from 'react';
import { DEPLOYMENT_STATES } from '../../../common/ml_commons';
import { Model, MODEL_SORT_FIELDS, ModelSortField } from '../../../common/types';
import { useModelProfiles } from '../../hooks/use_model_profiles';
import { useModels } from '../../hooks/use_models';
import { tablePagination, usePageWithin, useTablePaging } from '../../hooks/use_table_paging';
import { useAutoRefresh } from '../../hooks/use_auto_refresh';
import { useReadiness } from '../../hooks/use_readiness';
import { nodeNames } from '../cluster/readiness_values';
import { ScrollX } from '../common/scroll_x';
import { ErrorCallout, RefreshErrorCallout } from '../common/error_callout';
import { STATE_COLUMN_WIDTH, formatTime } from '../common/format';
import { ModelStateHealth } from '../common/model_state';
import { PageTitle } from '../common/page_title';
import { RefreshControl } from '../common/refresh_interval';
import { canUndeploy, undeployBlockedReason } from '../model_actions/model_action_buttons';
import { useModelActions } from '../model_actions/use_model_actions';
import { ModelNameCell, NodesResponding } from '../models/models_table';
import { NodeStatus } from './node_status';

export function DeploymentsPage() {
  const paging = useTablePaging<ModelSortField>({ field: 'last_deployed_time', direction: 'desc' }, MODEL_SORT_FIELDS);
  const models = useModels({
    states: DEPLOYMENT_STATES,
    ...paging.query,
  });
  usePageWithin(paging, models.data?.total);
  const ids = useMemo(() => models.data?.items.map((m) => m.id), [models.data]);
  const profiles = useModelProfiles(ids);
  const readiness = useReadiness();
  const names = useMemo(() => nodeNames(readiness.data), [readiness.data]);

  const [refreshMs, setRefreshMs] = useState(0);
  const { reload: reloadModels } = models;
  const { reload: reloadProfiles } = profiles;
  const refresh = useCallback(() => {
    reloadModels();
    reloadProfiles();
  }, [reloadModels, reloadProfiles]);
  useAutoRefresh(refreshMs, refresh, models.loading || profiles.loading);
  const actions = useModelActions({ onChanged: refresh });

  const columns: Array<EuiBasicTableColumn<Model>> = [
    {
      field: 'name',
      name: 'Model',
      sortable: true,
      render: (_name: string, model: Model) => (
        <div data-test-subj={`deploymentName-${model.id}`}>
          <ModelNameCell model={model} />
        </div>
      ),
    },
    { field: 'model_state', name: 'State', sortable: true, width: STATE_COLUMN_WIDTH, render: (state?: string) => <ModelStateHealth state={state} /> },
    { name: 'Nodes responding', render: (model: Model) => <NodesResponding model={model} /> },
    {
      name: 'Worker / target nodes',
      render: (model: Model) => <NodeStatus modelId={model.id} profile={profiles.data?.models?.[model.id]} loading={profiles.loading} names={names} modelState={model.model_state} />,
    },
    { field: 'last_deployed_time', name: 'Deployed', sortable: true, render: (t?: number) => formatTime(t) },
    {
      name: 'Actions',
      width: '120px',
      render: (model: Model) => (
        <EuiToolTip content={canUndeploy(model) ? undefined : undeployBlockedReason(model)}>
          <EuiButton
            size="s"
            color="danger"
            isDisabled={!canUndeploy(model)}
            onClick={() => actions.undeploy(model)}
            aria-label={canUndeploy(model) ? `Undeploy ${model.name}` : `Undeploy ${model.name}: not available, ${undeployBlockedReason(model)}`}
            data-test-subj={`undeployButton-${model.id}`}
          >
            Undeploy
          </EuiButton>
        </EuiToolTip>
      ),
    },
  ];

  return (
    <>
      <EuiFlexGroup alignItems="flexStart" responsive={false}>
        <EuiFlexItem>
          <PageTitle title="Deployments" description="Models that are running, or being loaded, on the cluster's nodes." />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <RefreshControl intervalMs={refreshMs} onChange={setRefreshMs} onRefresh={refresh} />
        </EuiFlexItem>
      </EuiFlexGroup>
      {profiles.error && (
        <>
          <ErrorCallout title="Could not read node status" error={profiles.error} onRetry={reloadProfiles} data-test-subj="profilesError" />
          <EuiSpacer size="m" />
        </>
      )}
      <RefreshErrorCallout what="the deployments" error={models.refreshError} onRetry={reloadModels} />
      <RefreshErrorCallout what="node status" error={profiles.refreshError} onRetry={reloadProfiles} data-test-subj="profilesRefreshError" />
      {models.error ? (
        <ErrorCallout title="Could not load deployments" error={models.error} onRetry={reloadModels} data-test-subj="deploymentsError" />
      ) : (
        <ScrollX minWidth={900}>
          <EuiBasicTable<Model>
            data-test-subj="deploymentsTable"
            items={models.data?.items ?? []}
            itemId="id"
            columns={columns}
            loading={models.loading}
            noItemsMessage={models.loading ? 'Loading deployments…' : 'No model is deployed.'}
            pagination={tablePagination(paging.pageIndex, paging.pageSize, models.data?.total ?? 0)}
            sorting={{ sort: { field: paging.sort.field as keyof Model, direction: paging.sort.direction } }}
            onChange={paging.onTableChange}
            rowProps={(model: Model) => ({ 'data-test-subj': `deploymentRow-${model.id}` })}
          />
        </ScrollX>
      )}
      {actions.modal}
    </>
  );
}
