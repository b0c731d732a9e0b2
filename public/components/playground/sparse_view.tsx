import { EuiBasicTable, EuiFlexGroup, EuiFlexItem, EuiPanel, EuiSelect, EuiSpacer, EuiStat, EuiText, EuiTitle } from '@elastic/eui';
import React, { useMemo, useState } from 'react';
import type { SparseResult, SparseToken } from '../../lib/playground_results';
import { tokenOverlap } from '../../lib/playground_results';
import { INPUT_HEADING_CHARS, shorten } from '../common/format';

/** Sparse vectors can carry thousands of tokens; the heaviest tell what the model picked up. */
const TABLE_TOKENS = 50;
const CHART_TOKENS = 20;

/** Horizontal bars of the heaviest tokens (SVG: 20 bars, no chart library needed). */
function TokenBars({ tokens, index }: { tokens: SparseToken[]; index: number }) {
  const shown = tokens.slice(0, CHART_TOKENS);
  const max = shown.length ? shown[0].weight : 1;
  const row = 18;
  return (
    <svg width="100%" height={shown.length * row} viewBox={`0 0 320 ${shown.length * row}`} preserveAspectRatio="xMinYMin meet" data-test-subj={`sparseChart-${index}`} role="img" aria-label="Heaviest tokens">
      {shown.map((t, i) => (
        <g key={t.token} transform={`translate(0 ${i * row})`}>
          <text x={96} y={13} textAnchor="end" fontSize={11} fill="#343741">
            {shorten(t.token, 14)}
          </text>
          <rect x={100} y={3} height={12} width={Math.max(1, (t.weight / max) * 170)} fill="#6092c0" />
          <text x={104 + (t.weight / max) * 170} y={13} fontSize={10} fill="#69707d">
            {t.weight.toFixed(3)}
          </text>
        </g>
      ))}
    </svg>
  );
}

function SparseInput({ result, index }: { result: SparseResult; index: number }) {
  const shown = result.tokens.slice(0, TABLE_TOKENS);
  return (
    <EuiPanel paddingSize="s" hasShadow={false} hasBorder data-test-subj={`predictResult-${index}`}>
      <EuiTitle size="xxs">
        {/* A long input would fill the card: the full text is in the input box, and on hover. */}
        <h3 title={result.input}>
          Input {index + 1}: {shorten(result.input ?? '', INPUT_HEADING_CHARS)}
        </h3>
      </EuiTitle>
      <EuiText size="xs" color="subdued">
        <p data-test-subj={`sparseCount-${index}`}>
          {result.tokens.length} non-zero tokens{result.tokens.length > shown.length ? `; the ${shown.length} heaviest are listed` : ''}
        </p>
      </EuiText>
      <EuiFlexGroup gutterSize="m">
        <EuiFlexItem>
          <EuiBasicTable
            compressed
            data-test-subj={`sparseResult-${index}`}
            items={shown}
            columns={[
              { field: 'token', name: 'Token' },
              { field: 'weight', name: 'Weight', align: 'right', render: (w: number) => w.toFixed(4) },
            ]}
            rowProps={(row: SparseToken) => ({ 'data-test-subj': `sparseToken-${index}-${row.token}` })}
          />
        </EuiFlexItem>
        <EuiFlexItem>
          <TokenBars tokens={result.tokens} index={index} />
        </EuiFlexItem>
      </EuiFlexGroup>
    </EuiPanel>
  );
}

/** Which tokens two inputs share: what a neural_sparse query would match them on. */
function Overlap({ results }: { results: SparseResult[] }) {
  const [a, setA] = useState(0);
  const [b, setB] = useState(1);
  const overlap = useMemo(() => tokenOverlap(results[a], results[b]), [results, a, b]);
  const options = results.map((r, i) => ({ value: String(i), text: `${i + 1}. ${r.input ?? ''}`.slice(0, 60) }));
  return (
    <EuiPanel paddingSize="s" hasShadow={false} hasBorder data-test-subj="sparseOverlap">
      <EuiTitle size="xxs">
        <h3>Overlap between two inputs</h3>
      </EuiTitle>
      <EuiSpacer size="s" />
      <EuiFlexGroup gutterSize="s">
        <EuiFlexItem>
          <EuiSelect compressed options={options} value={String(a)} onChange={(e) => setA(Number(e.target.value))} aria-label="First input" data-test-subj="overlapA" />
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiSelect compressed options={options} value={String(b)} onChange={(e) => setB(Number(e.target.value))} aria-label="Second input" data-test-subj="overlapB" />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      {/* Wraps when narrow: squeezed, the page's break-anywhere rule split "Jaccard" mid-word. */}
      <EuiFlexGroup gutterSize="l" wrap responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiStat title={String(overlap.shared.length)} description="Shared tokens" titleSize="s" data-test-subj="overlapShared" />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiStat title={overlap.jaccard.toFixed(3)} description="Jaccard" titleSize="s" data-test-subj="overlapJaccard" />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiStat title={overlap.dot.toFixed(3)} description="Dot product (sparse score)" titleSize="s" data-test-subj="overlapDot" />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiStat title={`${overlap.onlyA.length} / ${overlap.onlyB.length}`} description="Only in first / second" titleSize="s" />
        </EuiFlexItem>
      </EuiFlexGroup>
      {overlap.shared.length > 0 && (
        <EuiText size="xs" data-test-subj="overlapTokens">
          <p>
            Shared: {overlap.shared.slice(0, 40).map((t) => t.token).join(', ')}
            {overlap.shared.length > 40 ? '…' : ''}
          </p>
        </EuiText>
      )}
    </EuiPanel>
  );
}

export const SparseView = React.memo(function SparseView({ results }: { results: SparseResult[] }) {
  return (
    <div data-test-subj="sparseView">
      {results.length > 1 && (
        <>
          <Overlap results={results} />
          <EuiSpacer size="s" />
        </>
      )}
      {results.map((r, i) => (
        <React.Fragment key={i}>
          <SparseInput result={r} index={i} />
          <EuiSpacer size="s" />
        </React.Fragment>
      ))}
    </div>
  );
});
