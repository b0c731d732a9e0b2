import { EuiBasicTable, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import React, { useMemo } from 'react';
import type { DenseResult } from '../../lib/playground_results';
import { cosineMatrix, norm } from '../../lib/playground_vectors';
import { CosineMatrix } from './cosine_matrix';
import { VectorStrip } from './vector_strip';

interface Props {
  results: DenseResult[];
  onMatrixRendered?: () => void;
}

/** Per input: dimension, norm and a picture of the vector; then the cosine of every pair. */
export const DenseView = React.memo(function DenseView({ results, onMatrixRendered }: Props) {
  const matrix = useMemo(() => cosineMatrix(results.map((r) => r.values)), [results]);
  const labels = useMemo(() => results.map((r, i) => r.input ?? `Input ${i + 1}`), [results]);
  const rows = useMemo(() => results.map((r, i) => ({ ...r, index: i, norm: norm(r.values) })), [results]);
  return (
    <div data-test-subj="denseView">
      {results.length > 1 && (
        <>
          <EuiTitle size="xxs">
            <h3>Cosine similarity between inputs</h3>
          </EuiTitle>
          <EuiText size="xs" color="subdued">
            <p>1 = same direction, 0 = unrelated, −1 = opposite. Red is similar, blue is opposed.</p>
          </EuiText>
          <EuiSpacer size="s" />
          <CosineMatrix matrix={matrix} labels={labels} onRendered={onMatrixRendered} />
          <EuiSpacer size="m" />
        </>
      )}
      <EuiBasicTable
        items={rows}
        rowProps={(row: { index: number }) => ({ 'data-test-subj': `denseRow-${row.index}` })}
        columns={[
          { field: 'index', name: '#', width: '40px', render: (i: number) => i + 1 },
          // Inputs can be 512 tokens long: one line each, the start shown, more on hover.
          { field: 'input', name: 'Input', truncateText: true, render: (t: string | undefined) => <span className="eui-textTruncate" style={{ display: 'block' }} title={(t ?? '').slice(0, 500)}>{(t ?? '').slice(0, 200)}</span> },
          { field: 'dimension', name: 'Dimension', width: '90px', render: (d: number, r: { index: number }) => <span data-test-subj={`denseDimension-${r.index}`}>{d}</span> },
          { field: 'norm', name: 'Norm', width: '80px', render: (n: number, r: { index: number }) => <span data-test-subj={`denseNorm-${r.index}`}>{n.toFixed(4)}</span> },
          {
            field: 'values',
            name: 'Vector',
            width: '260px',
            render: (values: number[], r: { index: number }) => (
              <span title={`First values: ${values.slice(0, 6).map((v) => v.toFixed(4)).join(', ')}…`} data-test-subj={`denseValues-${r.index}`} data-first={values.slice(0, 4).map((v) => v.toFixed(4)).join(', ')}>
                <VectorStrip values={values} />
              </span>
            ),
          },
        ]}
        data-test-subj="denseTable"
      />
    </div>
  );
});
