import { EuiButtonEmpty, EuiFlexGroup, EuiFlexItem, EuiText, EuiTextColor, EuiTitle } from '@elastic/eui';
import React from 'react';
import { RecentRun, runSummary } from '../../lib/playground_recent';
import { formatTime } from '../common/format';

interface Props {
  runs: RecentRun[];
  onRerun: (run: RecentRun) => void;
  onClear: () => void;
}

const TARGET_LABEL = { cluster: 'Cluster', native: 'Native', both: 'Both' } as const;

/** The last runs, kept in this browser; one click runs one again with the same request. */
export function RecentRuns({ runs, onRerun, onClear }: Props) {
  return (
    <div data-test-subj="recentRuns">
      <EuiFlexGroup alignItems="center" justifyContent="spaceBetween" gutterSize="s">
        <EuiFlexItem grow={false}>
          <EuiTitle size="xs">
            <h3>Recent runs</h3>
          </EuiTitle>
        </EuiFlexItem>
        {runs.length > 0 && (
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty size="xs" onClick={onClear} data-test-subj="recentClear">
              Clear
            </EuiButtonEmpty>
          </EuiFlexItem>
        )}
      </EuiFlexGroup>
      {runs.length === 0 ? (
        <EuiText size="s" color="subdued">
          <p>Runs are kept here, in this browser only.</p>
        </EuiText>
      ) : (
        // A compact list: the column beside the form is narrow.
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {runs.map((r) => (
            <li key={r.id} style={{ borderBottom: '1px solid #d3dae6', padding: '6px 0' }} data-test-subj="recentRun">
              <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
                <EuiFlexItem style={{ minWidth: 0 }}>
                  <EuiText size="xs">
                    <strong>{r.request.label}</strong> · {r.request.functionName} · {TARGET_LABEL[r.request.target]}
                    <div className="eui-textTruncate" title={r.request.body.text_docs.join('\n').slice(0, 500)}>
                      {runSummary(r.request)}
                    </div>
                    <EuiTextColor color="subdued">{formatTime(Date.parse(r.at))}</EuiTextColor>
                  </EuiText>
                </EuiFlexItem>
                <EuiFlexItem grow={false}>
                  <EuiButtonEmpty
                    size="xs"
                    iconType="play"
                    onClick={() => onRerun(r)}
                    aria-label={`Run again: ${r.request.label}, ${r.request.functionName}, ${formatTime(Date.parse(r.at))}`}
                    data-test-subj={`recentRerun-${r.id}`}
                  >
                    Run again
                  </EuiButtonEmpty>
                </EuiFlexItem>
              </EuiFlexGroup>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
