import {
  EuiBasicTable,
  EuiBasicTableColumn,
  EuiButton,
  EuiButtonIcon,
  EuiFieldSearch,
  EuiFlexGroup,
  EuiFlexItem,
  EuiSpacer,
  EuiText,
  EuiToolTip,
} from '@elastic/eui';
import React, { useCallback } from 'react';
import { useHistory } from 'react-router-dom';
import { ModelGroup, MODEL_GROUP_SORT_FIELDS, ModelGroupSortField } from '../../../common/types';
import { useUrlSearchText } from '../../hooks/use_url_query';
import { useApis } from '../../services';
import { useDeployedCounts } from '../../hooks/use_deployed_counts';
import { useModelGroups } from '../../hooks/use_model_groups';
import { tablePagination, usePageWithin, useTablePaging } from '../../hooks/use_table_paging';
import { AppLink, appPaths } from '../common/app_link';
import { ScrollX } from '../common/scroll_x';
import { ErrorCallout, RefreshErrorCallout } from '../common/error_callout';
import { EMPTY, formatTime } from '../common/format';
import { humanize } from '../common/labels';
import { PageTitle } from '../common/page_title';
import { useGroupActions } from './use_group_actions';

export function ModelGroupsPage() {
  const history = useHistory();
  // The search and the page live in the URL, so Back from a group finds the list as it was.
  const searchBox = useUrlSearchText('q');
  const paging = useTablePaging<ModelGroupSortField>({ field: 'last_updated_time', direction: 'desc' }, MODEL_GROUP_SORT_FIELDS);
  const debouncedSearch = searchBox.value;
  const groups = useModelGroups({
    search: debouncedSearch || undefined,
    ...paging.query,
  });
  usePageWithin(paging, groups.data?.total);
  const deployed = useDeployedCounts();
  const { reload: reloadGroups } = groups;
  const { reload: reloadDeployed } = deployed;
  const reload = useCallback(() => {
    reloadGroups();
    reloadDeployed();
  }, [reloadGroups, reloadDeployed]);
  // A group deleted elsewhere in the app while this list shows it (a new group removed again by
  // a registration cancelled after its page was left).
  const apis = useApis();
  React.useEffect(() => apis.modelGroups.onDeleted(reload), [apis, reload]);
  // Groups as read by id after an edit, with what they were: shown instead of a search hit that
  // still says what the group was before the edit.
  const [edits, setEdits] = React.useState<Record<string, Edit>>({});
  // An edit stops standing in once a search shows the group otherwise than before it (caught up,
  // or edited again elsewhere): from then on the search is the truth.
  React.useEffect(() => {
    const stale = (groups.data?.items ?? []).filter((g) => edits[g.id] && !sameGroup(g, edits[g.id].before)).map((g) => g.id);
    if (stale.length) setEdits((e) => Object.fromEntries(Object.entries(e).filter(([id]) => !stale.includes(id))));
  }, [groups.data, edits]);
  const actions = useGroupActions({
    onChanged: (after, before) => {
      if (after && before) setEdits((e) => ({ ...e, [after.id]: { before, after } }));
      reload();
    },
    onCreated: (id) => history.push(appPaths.modelGroup(id)),
  });

  const columns: Array<EuiBasicTableColumn<ModelGroup>> = [
    {
      field: 'name',
      name: 'Name',
      sortable: true,
      width: '25%',
      render: (name: string, group: ModelGroup) => (
        <div>
          <AppLink to={appPaths.modelGroup(group.id)} data-test-subj={`modelGroupName-${group.id}`}>
            {name}
          </AppLink>
          <EuiText size="xs" color="subdued">
            {group.id}
          </EuiText>
        </div>
      ),
    },
    { field: 'latest_version', name: 'Latest version', sortable: true, width: '110px', render: (v?: number) => (v ? String(v) : EMPTY) },
    {
      name: 'Deployed versions',
      width: '130px',
      render: (group: ModelGroup) =>
        deployed.loaded ? (
          <span data-test-subj={`modelGroupDeployed-${group.id}`}>
            {deployed.counts[group.id] ?? 0}
            {deployed.complete ? '' : '+'}
          </span>
        ) : (
          EMPTY
        ),
    },
    {
      field: 'description',
      name: 'Description',
      // One line: a description can run to 10,000 characters.
      render: (v?: string) =>
        v ? (
          <span className="eui-textTruncate" style={{ display: 'block' }} title={v.slice(0, 500)}>
            {v.slice(0, 300)}
          </span>
        ) : (
          EMPTY
        ),
    },
    { field: 'access', name: 'Access', width: '100px', render: (v?: string) => (v ? humanize(v) : EMPTY) },
    { field: 'last_updated_time', name: 'Updated', sortable: true, render: (t?: number) => formatTime(t) },
    {
      name: 'Actions',
      width: '80px',
      render: (group: ModelGroup) => (
        <EuiFlexGroup gutterSize="xs" responsive={false}>
          <EuiFlexItem grow={false}>
            <EuiToolTip content="Edit">
              <EuiButtonIcon iconType="pencil" aria-label={`Edit ${group.name}`} onClick={() => actions.startEdit(group)} data-test-subj={`editGroupButton-${group.id}`} />
            </EuiToolTip>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiToolTip content="Delete">
              <EuiButtonIcon
                iconType="trash"
                color="danger"
                aria-label={`Delete ${group.name}`}
                onClick={() => actions.startDelete(group)}
                data-test-subj={`deleteGroupButton-${group.id}`}
              />
            </EuiToolTip>
          </EuiFlexItem>
        </EuiFlexGroup>
      ),
    },
  ];

  return (
    <>
      <EuiFlexGroup alignItems="flexStart" responsive={false}>
        <EuiFlexItem>
          <PageTitle title="Model groups" description="Every model version belongs to a group, which also carries its access control." />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton fill iconType="plusInCircle" size="s" onClick={actions.startCreate} data-test-subj="createGroupButton">
            Create model group
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiFieldSearch
        fullWidth
        compressed
        placeholder="Search by name or id"
        value={searchBox.text}
        onChange={(e) => searchBox.setText(e.target.value)}
        aria-label="Search model groups by name or id"
        data-test-subj="modelGroupsSearch"
      />
      <EuiSpacer size="m" />
      {/* The groups still list without their deployed counts; a warning says why the column is empty. */}
      {deployed.error !== undefined && (
        <>
          <ErrorCallout title="Could not count the deployed versions" error={deployed.error} onRetry={reloadDeployed} color="warning" data-test-subj="deployedCountsError" />
          <EuiSpacer size="m" />
        </>
      )}
      <RefreshErrorCallout what="the model groups" error={groups.refreshError} onRetry={reloadGroups} />
      {groups.error ? (
        <ErrorCallout title="Could not load model groups" error={groups.error} onRetry={reloadGroups} data-test-subj="modelGroupsError" />
      ) : (
        <ScrollX minWidth={900}>
          <EuiBasicTable<ModelGroup>
            data-test-subj="modelGroupsTable"
            items={(groups.data?.items ?? []).map((g) => current(g, edits[g.id]))}
            itemId="id"
            columns={columns}
            loading={groups.loading}
            noItemsMessage={groups.loading ? 'Loading model groups…' : debouncedSearch ? 'No model groups match the search.' : 'No model groups yet.'}
            pagination={tablePagination(paging.pageIndex, paging.pageSize, groups.data?.total ?? 0)}
            sorting={{ sort: { field: paging.sort.field, direction: paging.sort.direction } }}
            onChange={paging.onTableChange}
            rowProps={(group: ModelGroup) => ({ 'data-test-subj': `modelGroupRow-${group.id}` })}
          />
        </ScrollX>
      )}
      {actions.modal}
    </>
  );
}

interface Edit {
  before: ModelGroup;
  after: ModelGroup;
}

/** The fields an edit changes, compared as the search and the read by id return them. */
function sameGroup(a: ModelGroup, b: ModelGroup): boolean {
  return a.name === b.name && (a.description ?? '') === (b.description ?? '') && a.access === b.access && (a.backend_roles ?? []).join() === (b.backend_roles ?? []).join();
}

/**
 * A search hit, or the group as saved when the hit still shows it as it was before the edit
 * (ML Commons does not move `last_updated_time` on an edit, so the values are compared).
 */
function current(hit: ModelGroup, edit: Edit | undefined): ModelGroup {
  return edit && sameGroup(hit, edit.before) && !sameGroup(hit, edit.after) ? { ...hit, ...edit.after } : hit;
}
