import { EuiBasicTableColumn, EuiText, EuiToolTip } from '@elastic/eui';
import React from 'react';
import type { Model } from '../../../common/types';
import { AppLink, appPaths } from '../common/app_link';
import { EMPTY, STATE_COLUMN_WIDTH, formatTime, orEmpty } from '../common/format';
import { humanize } from '../common/labels';
import { ModelStateHealth } from '../common/model_state';
import { ModelTable, ModelTableProps } from '../common/model_table';

/** "current / planned" worker nodes: the planned count is where ML Commons wants the model to run. */
export function NodesResponding({ model }: { model: Model }) {
  const current = model.current_worker_node_count;
  const planned = model.planning_worker_node_count;
  if (current === undefined && planned === undefined) return <>{EMPTY}</>;
  return (
    <EuiToolTip content="Nodes running the model out of the nodes it should run on">
      <span tabIndex={0} data-test-subj={`modelNodes-${model.id}`}>
        {current ?? 0} / {planned ?? 0}
      </span>
    </EuiToolTip>
  );
}

/** The model's name linking to its page, with the id underneath (users lose ids otherwise). */
export function ModelNameCell({ model }: { model: Model }) {
  return (
    <div>
      <AppLink to={appPaths.model(model.id)} data-test-subj={`modelName-${model.id}`}>
        {model.name}
      </AppLink>
      <EuiText size="xs" color="subdued">
        {model.id}
      </EuiText>
    </div>
  );
}

export function GroupCell({ groupId, names }: { groupId?: string; names: Record<string, string> }) {
  if (!groupId) return <>{EMPTY}</>;
  const name = names[groupId] ?? groupId;
  // One line in a row of models: the group's own page shows a long name whole.
  return (
    <span className="eui-textTruncate" style={{ display: 'block' }} title={name}>
      <AppLink to={appPaths.modelGroup(groupId)} data-test-subj={`modelGroupLink-${groupId}`}>
        {name}
      </AppLink>
    </span>
  );
}

interface Props extends ModelTableProps {
  groupNames: Record<string, string>;
}

export function ModelsTable({ groupNames, ...props }: Props) {
  const columns: Array<EuiBasicTableColumn<Model>> = [
    { field: 'name', name: 'Name', sortable: true, width: '20%', render: (_name: string, model: Model) => <ModelNameCell model={model} /> },
    { field: 'model_version', name: 'Version', sortable: true, width: '80px', render: (v?: string) => orEmpty(v) },
    { field: 'model_group_id', name: 'Group', render: (id?: string) => <GroupCell groupId={id} names={groupNames} /> },
    { field: 'algorithm', name: 'Function', sortable: true, render: (v?: string) => (v ? humanize(v) : EMPTY) },
    { field: 'model_format', name: 'Format', sortable: true, width: '110px', render: (v?: string) => orEmpty(v) },
    { field: 'model_state', name: 'State', sortable: true, width: STATE_COLUMN_WIDTH, render: (state?: string) => <ModelStateHealth state={state} /> },
    { name: 'Responding', width: '100px', render: (model: Model) => <NodesResponding model={model} /> },
    { field: 'created_time', name: 'Created', sortable: true, render: (t?: number) => formatTime(t) },
    { field: 'last_deployed_time', name: 'Last deployed', sortable: true, render: (t?: number) => formatTime(t) },
  ];
  return <ModelTable {...props} columns={columns} data-test-subj="modelsTable" rowTestSubj="modelRow" />;
}
