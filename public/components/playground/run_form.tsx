import { EuiButtonGroup, EuiFieldText, EuiFlexGroup, EuiFlexItem, EuiFormRow, EuiSelect, EuiSwitch, EuiTextArea } from '@elastic/eui';
import React, { useEffect, useState } from 'react';
import type { NativePredictFunction } from '../../../common/types';
import type { PlaygroundOptions, PlaygroundTarget } from '../../lib/playground_request';

export const FUNCTION_OPTIONS: Array<{ value: NativePredictFunction; text: string }> = [
  { value: 'text_embedding', text: 'Text embedding (dense)' },
  { value: 'sparse_encoding', text: 'Sparse encoding' },
  { value: 'text_similarity', text: 'Text similarity (query vs documents)' },
];

interface Props {
  functionName: NativePredictFunction;
  onFunction: (f: NativePredictFunction) => void;
  target: PlaygroundTarget;
  onTarget: (t: PlaygroundTarget) => void;
  canCluster: boolean;
  canNative: boolean;
  text: string;
  onText: (t: string) => void;
  query: string;
  onQuery: (q: string) => void;
  options: PlaygroundOptions;
  onOptions: (o: PlaygroundOptions) => void;
  inputCount: number;
  /** What the route would refuse in the inputs or the query (inputProblems), when anything. */
  inputProblem?: string;
  queryProblem?: string;
  /** Why this run keys sparse vectors by word only (it goes to a cluster older than 3.2), when it does. */
  sparseWordsOnly?: string;
  /** Why native is not offered, when the generic reason would mislead (e.g. the dropped zip was refused). */
  nativeBlockedReason?: string;
}

const SPARSE_FORMAT_OPTIONS = [
  { value: 'word', text: 'Words' },
  { value: 'token_id', text: 'Token ids' },
];

/** Function, where to run, the inputs, and ML Commons' TextDocs options. */
const parseNames = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

export function RunForm(p: Props) {
  // The field keeps what is typed (a trailing comma included); the options get the parsed names.
  const [targetText, setTargetText] = useState(p.options.targetResponse.join(', '));
  useEffect(() => {
    if (parseNames(targetText).join() !== p.options.targetResponse.join()) setTargetText(p.options.targetResponse.join(', '));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.options.targetResponse]);
  const similarity = p.functionName === 'text_similarity';
  const targets = [
    { id: 'cluster', label: 'Cluster', isDisabled: !p.canCluster, 'data-test-subj': 'targetCluster' },
    { id: 'native', label: 'Native', isDisabled: !p.canNative, 'data-test-subj': 'targetNative' },
    { id: 'both', label: 'Both', isDisabled: !p.canCluster || !p.canNative, 'data-test-subj': 'targetBoth' },
  ];
  return (
    <>
      {/* Each control keeps a usable width; in a narrow window they go one under the other. */}
      <EuiFlexGroup gutterSize="m" wrap>
        <EuiFlexItem style={{ minWidth: 200 }}>
          <EuiFormRow label="Function">
            <EuiSelect options={FUNCTION_OPTIONS} value={p.functionName} onChange={(e) => p.onFunction(e.target.value as NativePredictFunction)} data-test-subj="playgroundFunctionSelect" />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem style={{ minWidth: 220 }}>
          <EuiFormRow
            label="Run on"
            helpText={
              !p.canNative
                ? p.nativeBlockedReason ?? 'Native needs the model zip in the native cache (drop it under Local zip).'
                : 'Latency is measured in this browser, around each request.'
            }
          >
            <EuiButtonGroup legend="Run on" options={targets} idSelected={p.target} onChange={(id) => p.onTarget(id as PlaygroundTarget)} buttonSize="compressed" data-test-subj="playgroundTarget" />
          </EuiFormRow>
        </EuiFlexItem>
      </EuiFlexGroup>
      {similarity && (
        <EuiFormRow label="Query" fullWidth isInvalid={!!p.queryProblem} error={p.queryProblem}>
          <EuiFieldText fullWidth value={p.query} onChange={(e) => p.onQuery(e.target.value)} data-test-subj="playgroundQuery" />
        </EuiFormRow>
      )}
      <EuiFormRow
        label={similarity ? 'Documents' : 'Inputs'}
        fullWidth
        isInvalid={!!p.inputProblem}
        error={p.inputProblem}
        helpText={p.inputCount === 0 ? 'Enter at least one input: one per line.' : `${p.inputCount} input${p.inputCount === 1 ? '' : 's'}, one per line.`}
      >
        <EuiTextArea fullWidth rows={5} value={p.text} onChange={(e) => p.onText(e.target.value)} data-test-subj="playgroundInput" />
      </EuiFormRow>
      {p.functionName === 'sparse_encoding' && (
        <EuiFormRow
          label="Sparse vector keys"
          helpText={
            p.sparseWordsOnly ?? 'sparse_embedding_format: token ids key every weight by its id, special tokens included (what a sparse_vector field takes).'
          }
        >
          <EuiSelect
            compressed
            options={SPARSE_FORMAT_OPTIONS}
            value={p.sparseWordsOnly ? 'word' : p.options.sparseFormat}
            disabled={!!p.sparseWordsOnly}
            onChange={(e) => p.onOptions({ ...p.options, sparseFormat: e.target.value as PlaygroundOptions['sparseFormat'] })}
            data-test-subj="optionSparseFormat"
          />
        </EuiFormRow>
      )}
      {!similarity && (
        <EuiFlexGroup gutterSize="m" alignItems="center" wrap>
          <EuiFlexItem grow={false}>
            <EuiSwitch
              label="return_number"
              checked={p.options.returnNumber}
              onChange={(e) => p.onOptions({ ...p.options, returnNumber: e.target.checked })}
              data-test-subj="optionReturnNumber"
            />
          </EuiFlexItem>
          <EuiFlexItem style={{ minWidth: 220 }}>
            <EuiFormRow label="target_response" fullWidth helpText="Tensor names to keep, comma-separated (e.g. sentence_embedding); empty keeps all.">
              <EuiFieldText
                compressed
                fullWidth
                value={targetText}
                onChange={(e) => {
                  setTargetText(e.target.value);
                  p.onOptions({ ...p.options, targetResponse: parseNames(e.target.value) });
                }}
                data-test-subj="optionTargetResponse"
              />
            </EuiFormRow>
          </EuiFlexItem>
        </EuiFlexGroup>
      )}
    </>
  );
}
