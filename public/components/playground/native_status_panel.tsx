import { EuiAccordion, EuiBasicTable, EuiButtonEmpty, EuiDescriptionList, EuiLoadingSpinner, EuiSpacer, EuiText } from '@elastic/eui';
import React, { useState } from 'react';
import type { NativeLoadedModel, NativeStatus } from '../../../common/types';
import { useNativeStatus } from '../../hooks/use_native_status';
import { ErrorCallout, RefreshErrorCallout } from '../common/error_callout';
import { formatBytes } from '../common/format';

function stateText(s: NativeStatus): string {
  if (!s.enabled) return 'Disabled on this Dashboards server (ml_models.native.enabled: false).';
  if (s.running) return `Running (process ${s.pid ?? '?'}, ${s.workers} worker thread${s.workers === 1 ? '' : 's'}${s.rss_bytes !== undefined ? `, ${formatBytes(s.rss_bytes)} resident` : ''}).`;
  if (s.starting) return s.restarts ? 'Restarting after it stopped; requests wait for it.' : 'Starting; requests wait for it.';
  return 'Not running: it starts with the first native inspect or prediction.';
}

const MODEL_COLUMNS = [
  { field: 'sha256', name: 'Zip SHA-256', render: (sha: string) => <code title={sha}>{sha.slice(0, 12)}…</code> },
  { field: 'predictions', name: 'Predictions', width: '100px' },
  { field: 'load_ms', name: 'Load', width: '90px', render: (ms: number) => `${ms} ms` },
  { field: 'rss_delta_bytes', name: 'Memory (est.)', width: '120px', render: (b: number) => formatBytes(b) },
  { field: 'last_used_at', name: 'Last used', render: (t: string) => new Date(t).toLocaleString() },
];

/** What the native sidecar is doing: for "busy or restarting" answers, and to see what it holds. */
export function NativeStatusPanel() {
  const [open, setOpen] = useState(false);
  const status = useNativeStatus(open);
  const s = status.data;
  return (
    <EuiAccordion id="nativeStatus" buttonContent="Native inference on this Dashboards server" onToggle={setOpen} data-test-subj="nativeStatusAccordion">
      <EuiSpacer size="s" />
      <RefreshErrorCallout what="the status" error={status.refreshError} onRetry={status.reload} />
      {status.error ? (
        <ErrorCallout title="Could not read the native sidecar's status" error={status.error} onRetry={status.reload} data-test-subj="nativeStatusError" />
      ) : !s ? (
        open && <EuiLoadingSpinner />
      ) : (
        <div data-test-subj="nativeStatus">
          <EuiDescriptionList
            compressed
            type="column"
            listItems={[
              { title: 'Sidecar', description: <span data-test-subj="nativeStatusState">{stateText(s)}</span> },
              {
                title: 'Restarts',
                description: (
                  <span data-test-subj="nativeStatusRestarts">
                    {s.restarts} of the process, {s.worker_restarts} of worker threads{s.last_exit ? `; last exit: ${s.last_exit}` : ''}
                  </span>
                ),
              },
              { title: 'Queue', description: <span data-test-subj="nativeStatusQueue">{`${s.queue.in_flight} admitted (${s.queue.waiting} waiting) of at most ${s.queue.max}`}</span> },
              {
                title: 'Zip cache',
                description: <span data-test-subj="nativeStatusCache">{`${s.cache.entries} zip${s.cache.entries === 1 ? '' : 's'}, ${formatBytes(s.cache.bytes)} of ${formatBytes(s.cache.max_bytes)}`}</span>,
              },
            ]}
          />
          <EuiSpacer size="s" />
          <EuiText size="xs">
            <strong>Models loaded now</strong> (those you may use)
          </EuiText>
          <EuiBasicTable<NativeLoadedModel>
            compressed
            items={s.models}
            columns={MODEL_COLUMNS}
            noItemsMessage="None: a model loads on its first native prediction."
            rowProps={(m: NativeLoadedModel) => ({ 'data-test-subj': `nativeLoaded-${m.sha256}` })}
          />
          <EuiButtonEmpty size="xs" iconType="refresh" onClick={status.reload} isLoading={status.loading} data-test-subj="nativeStatusRefresh">
            Read again
          </EuiButtonEmpty>
        </div>
      )}
    </EuiAccordion>
  );
}
