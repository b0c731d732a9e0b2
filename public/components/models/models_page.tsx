import { EuiEmptyPrompt, EuiFlexGroup, EuiFlexItem, EuiSpacer } from '@elastic/eui';
import React, { useCallback, useEffect, useState } from 'react';
import { MODEL_SORT_FIELDS, ModelSortField } from '../../../common/types';
import { useAutoRefresh } from '../../hooks/use_auto_refresh';
import { useModelGroupIndex } from '../../hooks/use_model_group_index';
import { useModels } from '../../hooks/use_models';
import { useOrphanedUploads } from '../../hooks/use_orphaned_uploads';
import { useReadiness } from '../../hooks/use_readiness';
import { usePageWithin, useTablePaging } from '../../hooks/use_table_paging';
import { AppLinkButton, appPaths } from '../common/app_link';
import { useApis } from '../../services';
import { ErrorCallout, RefreshErrorCallout } from '../common/error_callout';
import { PageTitle } from '../common/page_title';
import { RefreshControl } from '../common/refresh_interval';
import { useModelActions } from '../model_actions/use_model_actions';
import { filtersFromQuery, filtersToQuery, ModelFilters } from './model_filters';
import { useUrlQuery, useUrlSearchText } from '../../hooks/use_url_query';
import { ModelsTable } from './models_table';
import { OrphanCleanup } from './orphan_cleanup';
import { orphanMinutesFrom } from './orphans';
import { ReadinessPanel } from './readiness_panel';

function EmptyModels() {
  return (
    <EuiEmptyPrompt
      data-test-subj="modelsEmpty"
      title={<h2>No models yet</h2>}
      titleSize="xs"
      body={<p>Custom models registered in this cluster&apos;s ML Commons appear here.</p>}
      actions={<AppLinkButton to={appPaths.register()}>Register model</AppLinkButton>}
    />
  );
}

/** Every model in the cluster, deployed or not, with its state explained and the actions on it. */
export function ModelsPage() {
  const apis = useApis();
  // Filters and paging live in the URL: Back from a model, or a reload, finds the list as it was.
  const [params, patchQuery] = useUrlQuery();
  const searchBox = useUrlSearchText('q');
  const filters = { ...filtersFromQuery(params), search: searchBox.text };
  const search = searchBox.value;
  const [refreshMs, setRefreshMs] = useState(0);
  const paging = useTablePaging<ModelSortField>({ field: 'created_time', direction: 'desc' }, MODEL_SORT_FIELDS);
  const models = useModels({
    search: search || undefined,
    states: filters.state ? [filters.state] : undefined,
    functions: filters.fn ? [filters.fn] : undefined,
    formats: filters.format ? [filters.format] : undefined,
    model_group_id: filters.groupId || undefined,
    ...paging.query,
  });
  usePageWithin(paging, models.data?.total);
  const groupIndex = useModelGroupIndex((models.data?.items ?? []).flatMap((m) => (m.model_group_id ? [m.model_group_id] : [])));
  const readiness = useReadiness();
  const orphanMinutes = orphanMinutesFrom(params.toString());
  const orphans = useOrphanedUploads({ minAgeMinutes: orphanMinutes, search: search || undefined, groupId: filters.groupId || undefined });

  const { reload: reloadModels } = models;
  const { reload: reloadOrphans } = orphans;
  const { reload: reloadGroups } = groupIndex;
  const { reload: reloadReadiness } = readiness;
  const refresh = useCallback(() => {
    reloadModels();
    reloadOrphans();
    reloadGroups();
    reloadReadiness();
  }, [reloadModels, reloadOrphans, reloadGroups, reloadReadiness]);
  useAutoRefresh(refreshMs, refresh, models.loading);
  // A model deleted elsewhere in the app while this list shows it (an upload cleaned up after its page was left).
  useEffect(() => apis.models.onDeleted(refresh), [apis, refresh]);
  const actions = useModelActions({ onChanged: refresh });

  const filtered = search || filters.state || filters.fn || filters.format || filters.groupId;
  return (
    <>
      <EuiFlexGroup alignItems="flexStart" responsive={false}>
        <EuiFlexItem>
          <PageTitle title="Models" description="Every custom model registered in the cluster, deployed or not." />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <RefreshControl intervalMs={refreshMs} onChange={setRefreshMs} onRefresh={refresh} />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <AppLinkButton to={appPaths.register()} fill iconType="importAction" data-test-subj="registerModelButton">
            Register model
          </AppLinkButton>
        </EuiFlexItem>
      </EuiFlexGroup>
      <ReadinessPanel readiness={readiness} />
      <EuiSpacer size="m" />
      {/* Without this, a failed check would look the same as having no abandoned uploads. When
          the list itself failed, its callout says why and this one would repeat it. */}
      {orphans.error !== undefined && !models.error && (
        <>
          <ErrorCallout title="Could not check for abandoned uploads" error={orphans.error} onRetry={reloadOrphans} color="warning" data-test-subj="orphansError" />
          <EuiSpacer size="m" />
        </>
      )}
      {orphans.orphans.length > 0 && (
        <>
          <OrphanCleanup orphans={orphans.orphans} minAgeMinutes={orphanMinutes} onCleaned={refresh} />
          <EuiSpacer size="m" />
        </>
      )}
      <ModelFilters
        values={filters}
        onChange={(next) => {
          if (next.search !== searchBox.text) searchBox.setText(next.search);
          else patchQuery({ ...filtersToQuery(next), q: search, page: undefined });
        }}
      />
      <EuiSpacer size="m" />
      <RefreshErrorCallout what="the models" error={models.refreshError} onRetry={reloadModels} />
      {models.error ? (
        <ErrorCallout title="Could not load models" error={models.error} onRetry={reloadModels} data-test-subj="modelsError" />
      ) : (
        <ModelsTable
          items={models.data?.items ?? []}
          total={models.data?.total ?? 0}
          loading={models.loading}
          pageIndex={paging.pageIndex}
          pageSize={paging.pageSize}
          sort={paging.sort}
          groupNames={groupIndex.names}
          onChange={paging.onTableChange}
          onDeploy={actions.deploy}
          onUndeploy={actions.undeploy}
          onDelete={actions.remove}
          noItemsMessage={
            models.loading ? 'Loading models…' : filtered ? 'No models match the search or filters.' : <EmptyModels />
          }
        />
      )}
      {actions.modal}
    </>
  );
}
