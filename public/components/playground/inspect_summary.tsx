import { EuiCallOut, EuiDescriptionList, EuiSpacer } from '@elastic/eui';
import React from 'react';
import type { NativeInspectResult } from '../../../common/types';
import { formatBytes } from '../common/format';

/** What native inspect found in a dropped zip: enough to know what it is and whether it runs. */
export function InspectSummary({ result, fileName }: { result: NativeInspectResult; fileName: string }) {
  return (
    <div data-test-subj="inspectSummary">
      <EuiDescriptionList
        compressed
        type="column"
        listItems={[
          { title: 'File', description: `${fileName} (${formatBytes(result.size_bytes)})` },
          { title: 'SHA-256', description: <code data-test-subj="inspectSha">{result.sha256}</code> },
          { title: 'Format', description: result.format ?? 'unknown' },
          { title: 'Function', description: <span data-test-subj="inspectFunction">{result.suggested.function_name}</span> },
          { title: 'Output dimension', description: String(result.embedding_dimension ?? '—') },
          { title: 'Max tokens', description: String(result.max_length ?? '—') },
          { title: 'Graph inputs', description: result.inputs.map((i) => i.name).join(', ') || '—' },
        ]}
      />
      {result.problems.map((p) => (
        <React.Fragment key={p.code}>
          <EuiSpacer size="s" />
          <EuiCallOut size="s" color={p.severity === 'error' ? 'danger' : 'warning'} title={p.message} data-test-subj={`inspectProblem-${p.code}`} />
        </React.Fragment>
      ))}
    </div>
  );
}
