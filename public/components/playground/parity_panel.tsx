import { EuiBadge, EuiBasicTable, EuiFlexGroup, EuiFlexItem, EuiPanel, EuiText, EuiTitle } from '@elastic/eui';
import React from 'react';
import { agrees, InputParity, ParitySummary, PARITY_MAX_DIFF, PARITY_MIN_COSINE } from '../../lib/playground_parity';

const list = (tokens: string[]) => (tokens.length ? `${tokens.length}: ${tokens.slice(0, 8).join(', ')}${tokens.length > 8 ? '…' : ''}` : 'none');

/** One inline element: table cells lay their children out as flex items, which drops the spaces between them. */
function detail(p: InputParity): React.ReactNode {
  return <span>{detailParts(p)}</span>;
}

function detailParts(p: InputParity): React.ReactNode {
  switch (p.kind) {
    case 'dense':
      return (
        <>
          cosine{' '}
          <strong data-test-subj={`parityCosine-${p.index}`}>{p.cosine.toFixed(6)}</strong>, max |diff|{' '}
          <span data-test-subj={`parityMaxDiff-${p.index}`}>{p.maxAbsDiff.toExponential(2)}</span>
          {p.dimensions[0] !== p.dimensions[1] ? `, dimensions ${p.dimensions[0]} vs ${p.dimensions[1]}` : ''}
        </>
      );
    case 'sparse':
      return (
        <>
          only on the cluster {list(p.onlyCluster)}; only native {list(p.onlyNative)}; max weight diff{' '}
          <span data-test-subj={`parityMaxDiff-${p.index}`}>{p.maxWeightDiff.toExponential(2)}</span>
        </>
      );
    case 'score':
      return (
        <>
          cluster {p.cluster.toFixed(6)}, native {p.native.toFixed(6)}, diff <span data-test-subj={`parityMaxDiff-${p.index}`}>{p.diff.toExponential(2)}</span>
        </>
      );
    default:
      return p.reason;
  }
}

interface Props {
  parity: ParitySummary;
  clusterMs?: number;
  nativeMs?: number;
  inputs: string[];
}

/** Cluster vs native on the same request: agreement per input, and each side's latency. */
export function ParityPanel({ parity, clusterMs, nativeMs, inputs }: Props) {
  return (
    <EuiPanel paddingSize="m" hasBorder data-test-subj="parityPanel">
      <EuiFlexGroup alignItems="center" gutterSize="m" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiTitle size="xs">
            <h3>Cluster vs native</h3>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiBadge color={parity.empty ? 'hollow' : parity.agree ? 'secondary' : 'danger'} data-test-subj="parityVerdict">
            {parity.empty ? 'Nothing to compare' : parity.agree ? 'Agree' : 'Differ'}
          </EuiBadge>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiText size="s" data-test-subj="parityLatency">
            <p>
              Cluster <strong data-test-subj="latencyCluster">{clusterMs?.toFixed(0)} ms</strong> · Native{' '}
              <strong data-test-subj="latencyNative">{nativeMs?.toFixed(0)} ms</strong> (in the browser, request to answer)
            </p>
          </EuiText>
        </EuiFlexItem>
      </EuiFlexGroup>
      {parity.empty ? (
        <EuiText size="s" data-test-subj="parityEmpty">
          <p>Neither side returned a vector, token map or score to compare: the result filters (target_response, return_number) left no data on either side.</p>
        </EuiText>
      ) : (
        <>
      <EuiText size="xs" color="subdued">
        <p>
          Agreement: cosine ≥ {PARITY_MIN_COSINE} and differences ≤ {PARITY_MAX_DIFF} (float32 in two runtimes), the same tokens for sparse vectors.
        </p>
      </EuiText>
      <EuiBasicTable
        compressed
        items={parity.inputs}
        rowProps={(p: InputParity) => ({ 'data-test-subj': `parityRow-${p.index}` })}
        columns={[
          { field: 'index', name: '#', width: '40px', render: (i: number) => i + 1 },
          { field: 'index', name: 'Input', width: '35%', truncateText: true, render: (i: number) => <span className="eui-textTruncate" style={{ display: 'block' }} title={(inputs[i] ?? '').slice(0, 500)}>{(inputs[i] ?? '').slice(0, 200)}</span> },
          { name: 'Agrees', width: '70px', render: (p: InputParity) => (agrees(p) ? '✓' : '✗') },
          { name: 'Difference', render: (p: InputParity) => detail(p) },
        ]}
      />
        </>
      )}
    </EuiPanel>
  );
}
