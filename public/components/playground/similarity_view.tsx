import { EuiBasicTable, EuiText } from '@elastic/eui';
import React, { useMemo } from 'react';
import type { ScoreResult } from '../../lib/playground_results';
import { rankByScore } from '../../lib/playground_results';
import { INPUT_HEADING_CHARS, shorten } from '../common/format';

/** text_similarity: the documents ranked by the model's score for (query, document). */
export const SimilarityView = React.memo(function SimilarityView({ results, query }: { results: ScoreResult[]; query?: string }) {
  const ranked = useMemo(() => rankByScore(results), [results]);
  const max = Math.max(1e-9, ...ranked.map((r) => Math.abs(r.score)));
  return (
    <div data-test-subj="similarityView">
      <EuiText size="s">
        <p>
          Query:{' '}
          <strong data-test-subj="similarityQuery" title={query}>
            {shorten(query ?? '', INPUT_HEADING_CHARS)}
          </strong>
        </p>
      </EuiText>
      <EuiBasicTable
        items={ranked.map((r, rank) => ({ ...r, rank }))}
        rowProps={(r: { rank: number; index: number }) => ({ 'data-test-subj': `similarityRank-${r.rank}`, 'data-input': r.index })}
        columns={[
          { field: 'rank', name: 'Rank', width: '60px', render: (k: number) => k + 1 },
          { field: 'input', name: 'Document', truncateText: true, render: (t: string | undefined, r: { index: number }) => <span title={`Input ${r.index + 1}: ${(t ?? '').slice(0, 500)}`}>{(t ?? '').slice(0, 300)}</span> },
          {
            field: 'score',
            name: 'Score',
            width: '220px',
            render: (s: number, r: { rank: number }) => (
              <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                <span style={{ display: 'inline-block', height: 10, width: Math.max(1, (Math.abs(s) / max) * 120), background: s >= 0 ? '#54b399' : '#e7664c' }} />
                <span data-test-subj={`similarityScore-${r.rank}`}>{s.toFixed(4)}</span>
              </span>
            ),
          },
        ]}
        data-test-subj="similarityTable"
      />
    </div>
  );
});
