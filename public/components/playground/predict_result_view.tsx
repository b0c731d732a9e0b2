import { EuiBasicTable, EuiCode, EuiDescriptionList, EuiPanel, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import React from 'react';
import type { DenseResult, PredictResult, SparseResult } from './predict_results';

/** Enough of a vector to recognise it; the full one is in the raw response. */
const DENSE_PREVIEW = 8;
/** Sparse vectors can carry thousands of tokens; the heaviest tell what the model picked up. */
const SPARSE_PREVIEW = 50;

function DenseView({ result, index }: { result: DenseResult; index: number }) {
  return (
    <EuiDescriptionList
      compressed
      type="column"
      data-test-subj={`denseResult-${index}`}
      listItems={[
        { title: 'Dimension', description: <span data-test-subj={`denseDimension-${index}`}>{result.dimension}</span> },
        {
          title: `First ${Math.min(DENSE_PREVIEW, result.values.length)} values`,
          description: (
            <EuiCode data-test-subj={`denseValues-${index}`}>
              {result.values
                .slice(0, DENSE_PREVIEW)
                .map((v) => v.toFixed(4))
                .join(', ')}
            </EuiCode>
          ),
        },
      ]}
    />
  );
}

function SparseView({ result, index }: { result: SparseResult; index: number }) {
  const shown = result.tokens.slice(0, SPARSE_PREVIEW);
  return (
    <>
      <EuiText size="xs" color="subdued">
        {result.tokens.length > shown.length
          ? `${result.tokens.length} tokens; the ${shown.length} heaviest:`
          : `${result.tokens.length} tokens`}
      </EuiText>
      <EuiBasicTable
        data-test-subj={`sparseResult-${index}`}
        items={shown}
        columns={[
          { field: 'token', name: 'Token' },
          { field: 'weight', name: 'Weight', render: (w: number) => w.toFixed(4) },
        ]}
        rowProps={(row: { token: string }) => ({ 'data-test-subj': `sparseToken-${index}-${row.token}` })}
      />
    </>
  );
}

export function PredictResultView({ result, index }: { result: PredictResult; index: number }) {
  return (
    <EuiPanel paddingSize="s" hasShadow={false} hasBorder data-test-subj={`predictResult-${index}`}>
      <EuiTitle size="xxs">
        <h3>
          Input {index + 1}
          {result.input !== undefined ? `: ${result.input}` : ''}
        </h3>
      </EuiTitle>
      <EuiSpacer size="s" />
      {result.kind === 'dense' ? <DenseView result={result} index={index} /> : <SparseView result={result} index={index} />}
    </EuiPanel>
  );
}
