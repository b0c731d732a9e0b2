import type { EuiBasicTableColumn } from '@elastic/eui';
import React from 'react';
import type { Model } from '../../../common/types';
import { AppLink, appPaths } from './app_link';
import { EMPTY, STATE_COLUMN_WIDTH, formatTime, orEmpty } from './format';
import { humanize } from './labels';
import { ModelStateHealth } from './model_state';
import { ModelTable, ModelTableProps } from './model_table';

/** The versions of one group: the version number leads, since the group names them all. */
export function ModelVersionsTable(props: ModelTableProps) {
  const columns: Array<EuiBasicTableColumn<Model>> = [
    {
      field: 'model_version',
      name: 'Version',
      width: '90px',
      render: (v: string | undefined, model: Model) => (
        <AppLink to={appPaths.model(model.id)} data-test-subj={`versionLink-${model.id}`}>
          {orEmpty(v)}
        </AppLink>
      ),
    },
    { field: 'name', name: 'Name', sortable: true },
    { field: 'id', name: 'Id' },
    { field: 'algorithm', name: 'Function', render: (v?: string) => (v ? humanize(v) : EMPTY) },
    { field: 'model_format', name: 'Format', render: (v?: string) => orEmpty(v) },
    { field: 'model_state', name: 'State', sortable: true, width: STATE_COLUMN_WIDTH, render: (s?: string) => <ModelStateHealth state={s} /> },
    { field: 'created_time', name: 'Created', sortable: true, render: (t?: number) => formatTime(t) },
    { field: 'last_deployed_time', name: 'Last deployed', sortable: true, render: (t?: number) => formatTime(t) },
  ];
  return <ModelTable {...props} columns={columns} data-test-subj="versionsTable" rowTestSubj="versionRow" />;
}
