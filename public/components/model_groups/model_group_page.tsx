import {
  EuiButton,
  EuiCopy,
  EuiButtonIcon,
  EuiDescriptionList,
  EuiFlexGroup,
  EuiFlexItem,
  EuiHorizontalRule,
  EuiLoadingSpinner,
  EuiSpacer,
  EuiTitle,
} from '@elastic/eui';
import React, { useCallback } from 'react';
import { useHistory, useParams } from 'react-router-dom';
import { MODEL_SORT_FIELDS, ModelSortField } from '../../../common/types';
import { useModelGroup } from '../../hooks/use_model';
import { useModels } from '../../hooks/use_models';
import { usePageWithin, useTablePaging } from '../../hooks/use_table_paging';
import { AppLinkButton, appPaths } from '../common/app_link';
import { ErrorCallout, RefreshErrorCallout } from '../common/error_callout';
import { EMPTY, formatTime, orEmpty } from '../common/format';
import { humanize } from '../common/labels';
import { ModelVersionsTable } from '../common/model_versions_table';
import { usePageBreadcrumbs } from '../common/page_breadcrumbs';
import { PageTitle } from '../common/page_title';
import { useModelActions } from '../model_actions/use_model_actions';
import { useGroupActions } from './use_group_actions';

/** One model group: its details and its versions (models carrying its id). */
export function ModelGroupPage() {
  const { groupId } = useParams<{ groupId: string }>();
  // Keyed by id: another group is a fresh page (its own data, modals and first page of
  // versions), so the previous group can never show on it or be acted on from it.
  return <ModelGroupView key={groupId} groupId={groupId} />;
}

function ModelGroupView({ groupId }: { groupId: string }) {
  const history = useHistory();
  const group = useModelGroup(groupId);
  const paging = useTablePaging<ModelSortField>({ field: 'created_time', direction: 'desc' }, MODEL_SORT_FIELDS);
  const versions = useModels({
    model_group_id: groupId,
    ...paging.query,
  });
  usePageWithin(paging, versions.data?.total);
  const { reload: reloadGroup } = group;
  const { reload: reloadVersions } = versions;
  const reload = useCallback(() => {
    reloadGroup();
    reloadVersions();
  }, [reloadGroup, reloadVersions]);
  const modelActions = useModelActions({ onChanged: reload });
  // Back must not return to the page of a group that is gone (as on the model page).
  const groupActions = useGroupActions({ onChanged: reload, onDeleted: () => history.replace(appPaths.modelGroups()) });
  usePageBreadcrumbs([{ text: 'Model groups', to: appPaths.modelGroups() }, { text: group.data?.name ?? groupId }]);

  if (group.error) {
    return <ErrorCallout title="Could not load the model group" error={group.error} onRetry={reloadGroup} data-test-subj="modelGroupError" />;
  }
  if (!group.data) return <EuiLoadingSpinner size="l" />;
  const g = group.data;

  return (
    <>
      <RefreshErrorCallout what="the group" error={group.refreshError} onRetry={reloadGroup} />
      <EuiFlexGroup alignItems="flexStart" responsive={false}>
        <EuiFlexItem>
          <PageTitle title={g.name} description={g.description || undefined} />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton size="s" iconType="pencil" onClick={() => groupActions.startEdit(g)} data-test-subj="editGroupButton">
            Edit
          </EuiButton>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton size="s" color="danger" iconType="trash" onClick={() => groupActions.startDelete(g)} data-test-subj="deleteGroupButton">
            Delete
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiFlexGroup data-test-subj="groupDetails">
        <EuiFlexItem>
          <EuiDescriptionList
            type="column"
            compressed
            listItems={[
              {
                title: 'Id',
                description: (
                  <span>
                    {g.id}{' '}
                    <EuiCopy textToCopy={g.id}>
                      {(copy) => <EuiButtonIcon iconType="copyClipboard" aria-label="Copy id" onClick={copy} />}
                    </EuiCopy>
                  </span>
                ),
              },
              { title: 'Latest version', description: g.latest_version ? String(g.latest_version) : EMPTY },
              { title: 'Access', description: g.access ? humanize(g.access) : EMPTY },
              { title: 'Backend roles', description: g.backend_roles?.length ? g.backend_roles.join(', ') : EMPTY },
            ]}
          />
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiDescriptionList
            type="column"
            compressed
            listItems={[
              { title: 'Owner', description: orEmpty(g.owner?.name) },
              { title: 'Created', description: formatTime(g.created_time) },
              { title: 'Updated', description: formatTime(g.last_updated_time) },
            ]}
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiHorizontalRule />
      <EuiFlexGroup alignItems="center" responsive={false}>
        <EuiFlexItem>
          <EuiTitle size="s">
            <h2>Versions</h2>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <AppLinkButton to={appPaths.register(g.id)} iconType="importAction" data-test-subj="registerVersionButton">
            Register a new version
          </AppLinkButton>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      <RefreshErrorCallout what="the versions" error={versions.refreshError} onRetry={reloadVersions} data-test-subj="versionsRefreshError" />
      {versions.error ? (
        <ErrorCallout title="Could not load the versions" error={versions.error} onRetry={reloadVersions} data-test-subj="versionsError" />
      ) : (
        <ModelVersionsTable
          items={versions.data?.items ?? []}
          total={versions.data?.total ?? 0}
          loading={versions.loading}
          pageIndex={paging.pageIndex}
          pageSize={paging.pageSize}
          sort={paging.sort}
          onChange={paging.onTableChange}
          onDeploy={modelActions.deploy}
          onUndeploy={modelActions.undeploy}
          onDelete={modelActions.remove}
          noItemsMessage={versions.loading ? 'Loading versions…' : 'This group has no versions yet.'}
        />
      )}
      {modelActions.modal}
      {groupActions.modal}
    </>
  );
}
