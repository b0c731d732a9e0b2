import { EuiBasicTable, EuiBasicTableColumn, EuiCallOut, EuiHealth, EuiText } from '@elastic/eui';
import React from 'react';
import type { ModelProfileResponse, NodeModelProfile } from '../../../common/types';
import { errorMessage } from '../../apis/errors';
import { EMPTY, orEmpty } from '../common/format';
import { humanize } from '../common/labels';
import { ScrollX } from '../common/scroll_x';

interface NodeRow {
  id: string;
  name: string;
  target: boolean;
  worker: boolean;
  /** A deploy is under way: a target without the model is still loading it, not failing. */
  deploying: boolean;
  profile?: NodeModelProfile;
}

type ModelProfile = NonNullable<ModelProfileResponse['models']>[string];

export function nodeRows(profile: ModelProfile | undefined, names: Record<string, string>, modelState?: string): NodeRow[] {
  if (!profile) return [];
  const targets = profile.target_worker_nodes ?? [];
  const workers = profile.worker_nodes ?? [];
  const ids = Array.from(new Set([...targets, ...workers, ...Object.keys(profile.nodes ?? {})]));
  return ids.map((id) => ({
    id,
    name: names[id] ?? id,
    target: targets.includes(id),
    worker: workers.includes(id),
    deploying: modelState === 'DEPLOYING' || profile.nodes?.[id]?.model_state === 'DEPLOYING',
    profile: profile.nodes?.[id],
  }));
}

const COLUMNS: Array<EuiBasicTableColumn<NodeRow>> = [
  {
    field: 'name',
    name: 'Node',
    render: (name: string, row: NodeRow) => (
      <div>
        <EuiText size="s" data-test-subj={`nodeName-${row.id}`}>
          {name}
        </EuiText>
        {name !== row.id && (
          <EuiText size="xs" color="subdued">
            {row.id}
          </EuiText>
        )}
      </div>
    ),
  },
  {
    name: 'Status',
    render: (row: NodeRow) =>
      row.worker ? (
        <EuiHealth color="success" data-test-subj={`nodeResponding-${row.id}`}>
          Responding
        </EuiHealth>
      ) : row.target && row.deploying ? (
        <EuiHealth color="primary" data-test-subj={`nodeLoading-${row.id}`}>
          Loading the model (deploy under way)
        </EuiHealth>
      ) : row.target ? (
        <EuiHealth color="danger" data-test-subj={`nodeNotResponding-${row.id}`}>
          Not responding: a target node without the model loaded
        </EuiHealth>
      ) : (
        <EuiHealth color="subdued">Not a target</EuiHealth>
      ),
  },
  { name: 'State on node', render: (row: NodeRow) => (row.profile?.model_state ? humanize(row.profile.model_state) : EMPTY) },
  { name: 'Predictions', render: (row: NodeRow) => orEmpty(row.profile?.predict_request_stats?.count) },
  {
    name: 'Average latency',
    render: (row: NodeRow) => {
      const avg = row.profile?.predict_request_stats?.average;
      return avg === undefined ? EMPTY : `${avg.toFixed(1)} ms`;
    },
  },
];

interface Props {
  modelId: string;
  profile?: ModelProfileResponse;
  error?: unknown;
  names: Record<string, string>;
  /** The model's own state, as ML Commons reports it. */
  modelState?: string;
}

/**
 * Where the model runs, node by node, from the profile API. Without the profile permission every
 * model would look "not responding", so a failure is said as such instead of showing a status.
 */
export function NodeProfileTable({ modelId, profile, error, names, modelState }: Props) {
  if (error) {
    return (
      <EuiCallOut color="warning" iconType="lock" size="s" title="Node status unavailable" data-test-subj="nodeProfileError">
        <p>{errorMessage(error)}</p>
        <p>Reading it needs the cluster permission cluster:admin/opensearch/ml/profile/nodes.</p>
      </EuiCallOut>
    );
  }
  const rows = nodeRows(profile?.models?.[modelId], names, modelState);
  return (
    <ScrollX minWidth={640}>
      <EuiBasicTable<NodeRow>
        data-test-subj="nodeProfileTable"
        items={rows}
        columns={COLUMNS}
        noItemsMessage={profile ? 'The model is not loaded on any node.' : 'Loading…'}
        rowProps={(row: NodeRow) => ({ 'data-test-subj': `nodeRow-${row.id}` })}
      />
    </ScrollX>
  );
}
