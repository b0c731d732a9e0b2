import { EuiButtonGroup, EuiCallOut, EuiFieldSearch, EuiFilePicker, EuiFormRow, EuiLoadingSpinner, EuiSelect, EuiSpacer } from '@elastic/eui';
import React from 'react';
import type { Model, NativeCachedModel, NativeInspectResult } from '../../../common/types';
import { ErrorCallout } from '../common/error_callout';
import { formatBytes } from '../common/format';
import { InspectSummary } from './inspect_summary';
import { nativeHashOf } from '../../hooks/use_playground_models';

export type Source = 'cluster' | 'native' | 'zip';

export interface ZipState {
  fileName: string;
  loading: boolean;
  result?: NativeInspectResult;
  error?: unknown;
}

interface Props {
  source: Source;
  onSource: (s: Source) => void;
  clusterModels: Model[];
  /** How many models match on the cluster; more than `clusterModels` holds means a search is needed. */
  clusterTotal: number;
  clusterLoading: boolean;
  /** Why the cluster's models could not be read (the page shows the error itself). */
  clusterUnavailable?: unknown;
  modelSearch: string;
  onModelSearch: (text: string) => void;
  nativeModels: NativeCachedModel[];
  nativeUnavailable?: unknown;
  cached: Set<string>;
  clusterId: string;
  onClusterId: (id: string) => void;
  nativeSha: string;
  onNativeSha: (sha: string) => void;
  zip?: ZipState;
  onZip: (file: File | undefined) => void;
}

const SOURCES = [
  { id: 'cluster', label: 'Cluster model', 'data-test-subj': 'sourceCluster' },
  { id: 'native', label: 'Native cache', 'data-test-subj': 'sourceNative' },
  { id: 'zip', label: 'Local zip', 'data-test-subj': 'sourceZip' },
];

function clusterLabel(m: Model, cached: Set<string>) {
  const native = nativeHashOf(m, cached) ? ', native too' : '';
  return `${m.name} v${m.model_version ?? '?'} — ${m.algorithm ?? '?'}, ${m.model_state ?? '?'}${native}`;
}

/**
 * A cached zip, named after the cluster models registered from it. The same zip can back several
 * registrations (with different functions): naming only one would pair its name with the function
 * another registration left in the cache, which is the one the run uses.
 */
export function nativeLabel(e: NativeCachedModel, clusterModels: Model[]) {
  const names = Array.from(new Set(clusterModels.filter((m) => m.model_content_hash_value === e.sha256).map((m) => `${m.name} v${m.model_version ?? '?'}`)));
  const shown = names.length > 2 ? `${names.slice(0, 2).join(', ')} and ${names.length - 2} more` : names.join(', ');
  return `${shown || e.sha256.slice(0, 12)} — ${e.function_name ?? 'function unknown'}, ${formatBytes(e.size_bytes)}${e.source === 'inspect' ? ', inspected' : ''}`;
}

/**
 * Which model to run: one on the cluster (deployed or not: running an undeployed one offers to
 * deploy it), a zip in the native cache, or a zip dropped here (inspected, then run natively).
 */
export function ModelPicker(p: Props) {
  const partial = p.clusterTotal > p.clusterModels.length;
  const clusterHelp = partial
    ? `Showing ${p.clusterModels.length} of ${p.clusterTotal} models${p.modelSearch.trim() ? ' matching' : ' by name'}; type part of a name to find the others.`
    : !p.clusterLoading && p.clusterModels.length === 0
    ? p.clusterUnavailable
      ? "The cluster's models could not be read; see the error above."
      : p.modelSearch.trim()
      ? 'No model name matches.'
      : 'No model is registered on the cluster.'
    : undefined;
  return (
    <>
      <EuiButtonGroup legend="Model source" options={SOURCES} idSelected={p.source} onChange={(id) => p.onSource(id as Source)} buttonSize="compressed" data-test-subj="playgroundSource" />
      <EuiSpacer size="s" />
      {p.source === 'cluster' && (partial || p.modelSearch) && (
        <EuiFormRow label="Find a model" fullWidth>
          <EuiFieldSearch
            fullWidth
            compressed
            placeholder="Part of its name"
            value={p.modelSearch}
            onChange={(e) => p.onModelSearch(e.target.value)}
            isLoading={p.clusterLoading}
            data-test-subj="playgroundModelSearch"
          />
        </EuiFormRow>
      )}
      {p.source === 'cluster' && (
        <EuiFormRow label="Model" fullWidth helpText={clusterHelp}>
          <EuiSelect
            fullWidth
            hasNoInitialSelection
            isLoading={p.clusterLoading}
            options={p.clusterModels.map((m) => ({ value: m.id, text: clusterLabel(m, p.cached) }))}
            value={p.clusterId}
            onChange={(e) => p.onClusterId(e.target.value)}
            data-test-subj="playgroundModelSelect"
          />
        </EuiFormRow>
      )}
      {p.source === 'native' &&
        (p.nativeUnavailable ? (
          <ErrorCallout title="Native inference is not available" error={p.nativeUnavailable} color="warning" data-test-subj="nativeUnavailable" />
        ) : (
          <EuiFormRow label="Zip in the native cache" fullWidth helpText={p.nativeModels.length === 0 ? 'No zip in the native cache that you may use: drop a zip, or upload one through Register.' : undefined}>
            <EuiSelect
              fullWidth
              hasNoInitialSelection
              options={p.nativeModels.map((e) => ({ value: e.sha256, text: nativeLabel(e, p.clusterModels) }))}
              value={p.nativeSha}
              onChange={(e) => p.onNativeSha(e.target.value)}
              data-test-subj="playgroundNativeSelect"
            />
          </EuiFormRow>
        ))}
      {p.source === 'zip' && (
        <>
          <EuiFormRow label="Model zip (ML Commons layout)" fullWidth helpText="Checked and run on this Dashboards server only; nothing is registered on the cluster.">
            <EuiFilePicker fullWidth accept=".zip" initialPromptText="Drop a model zip here" onChange={(files) => p.onZip(files?.[0])} data-test-subj="playgroundZip" />
          </EuiFormRow>
          {p.zip?.loading && <EuiLoadingSpinner size="m" data-test-subj="inspectLoading" />}
          {p.zip?.error ? <ErrorCallout title={`Could not use ${p.zip.fileName}`} error={p.zip.error} data-test-subj="inspectError" /> : null}
          {p.zip?.result && <InspectSummary result={p.zip.result} fileName={p.zip.fileName} />}
          {p.zip?.result?.format === 'TORCH_SCRIPT' && <EuiCallOut size="s" color="warning" title="TorchScript zips run on the cluster only." />}
        </>
      )}
    </>
  );
}
