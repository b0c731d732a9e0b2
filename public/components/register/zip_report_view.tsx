import { EuiBasicTable, EuiBasicTableColumn, EuiCallOut, EuiSpacer, EuiText } from '@elastic/eui';
import React from 'react';
import { formatDims, OnnxValueInfo } from '../../lib/onnx_signature';
import type { ZipReport } from '../../lib/zip_inspect';
import { formatBytes } from './format_progress';

type SignatureRow = OnnxValueInfo & { role: string; shape: string };

const SIGNATURE_COLUMNS: Array<EuiBasicTableColumn<SignatureRow>> = [
  { field: 'role', name: 'Role', width: '90px' },
  { field: 'name', name: 'Name', render: (name: string) => <code>{name}</code> },
  { field: 'elemTypeName', name: 'Type', width: '110px' },
  { field: 'shape', name: 'Shape' },
];

/** What the check of a zip found: the problems that block it, or the layout and ONNX signature. */
export function ZipReportView({ report }: { report: ZipReport }) {
  if (report.problems.length) {
    return (
      <EuiCallOut title="This zip cannot be registered" color="danger" iconType="alert" data-test-subj="zipProblems">
        <p>Nothing was sent. ML Commons would refuse it, or it would fail when deployed:</p>
        <ul>
          {report.problems.map((p, i) => (
            <li key={i} data-test-subj={`zipProblem-${p.code}`}>
              {p.message}
            </li>
          ))}
        </ul>
      </EuiCallOut>
    );
  }
  const signature: SignatureRow[] = report.onnx
    ? [
        ...report.onnx.inputs.map((v: OnnxValueInfo) => ({ role: 'Input', ...v, shape: formatDims(v.dims) })),
        ...report.onnx.outputs.map((v: OnnxValueInfo) => ({ role: 'Output', ...v, shape: formatDims(v.dims) })),
      ]
    : [];
  return (
    <div data-test-subj="zipReport">
      <EuiCallOut title="The zip looks right" color="success" iconType="check" size="s" data-test-subj="zipOk">
        <p>
          {formatBytes(report.sizeBytes)}, {report.entries.length} {report.entries.length === 1 ? 'entry' : 'entries'}: <code>tokenizer.json</code>
          {report.modelFile ? (
            <>
              {' '}
              and <code data-test-subj="zipModelFile">{report.modelFile}</code> ({report.format})
            </>
          ) : (
            ' and no model file'
          )}{' '}
          at the root, no executables.
        </p>
      </EuiCallOut>
      {report.warnings.map((w, i) => (
        <React.Fragment key={i}>
          <EuiSpacer size="s" />
          <EuiCallOut title={w} color="warning" iconType="help" size="s" data-test-subj="zipWarning" />
        </React.Fragment>
      ))}
      {report.onnx && (
        <>
          <EuiSpacer size="s" />
          <EuiText size="xs" color="subdued">
            <p>
              ONNX graph: IR {report.onnx.irVersion ?? '?'}, opset {report.onnx.opsetVersion ?? '?'}, {report.onnx.initializerCount} weight
              tensors ({formatBytes(report.onnx.initializerBytes)}) skipped while reading.
            </p>
          </EuiText>
          <EuiBasicTable<SignatureRow> data-test-subj="onnxSignature" items={signature} columns={SIGNATURE_COLUMNS} compressed />
        </>
      )}
      {report.suggestion?.notes.length ? (
        <EuiText size="xs" data-test-subj="configNotes">
          <ul>
            {report.suggestion.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </EuiText>
      ) : null}
    </div>
  );
}
