import {
  EuiAccordion,
  EuiButton,
  EuiCodeBlock,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiSelect,
  EuiSpacer,
  EuiText,
  EuiTextArea,
} from '@elastic/eui';
import React, { useMemo, useState } from 'react';
import { MAX_PAGE_SIZE } from '../../../common/constants';
import type { PredictFunction } from '../../../common/ml_commons';
import type { Model, PredictResponse } from '../../../common/types';
import { useModels } from '../../hooks/use_models';
import { useRequest } from '../../hooks/use_request';
import { useApis } from '../../services';
import { ErrorCallout } from '../common/error_callout';
import { PageTitle } from '../common/page_title';
import { inputLines, parsePredictResponse } from './predict_results';
import { PredictResultView } from './predict_result_view';

const FUNCTION_OPTIONS: Array<{ value: PredictFunction; text: string }> = [
  { value: 'text_embedding', text: 'Text embedding (dense)' },
  { value: 'sparse_encoding', text: 'Sparse encoding' },
];

interface Submission {
  functionName: PredictFunction;
  modelId: string;
  inputs: string[];
}

function defaultFunction(model: Model | undefined): PredictFunction {
  return model?.algorithm === 'SPARSE_ENCODING' ? 'sparse_encoding' : 'text_embedding';
}

export function PlaygroundPage() {
  const apis = useApis();
  const models = useModels({ states: ['DEPLOYED'], size: MAX_PAGE_SIZE, sort_field: 'name', sort_direction: 'asc' });
  const [modelId, setModelId] = useState('');
  const [functionName, setFunctionName] = useState<PredictFunction>('text_embedding');
  const [text, setText] = useState('');
  // Each Run is a new object, so running the same inputs twice still sends a request.
  const [submission, setSubmission] = useState<Submission | undefined>();
  const prediction = useRequest<PredictResponse>(
    submission &&
      ((signal) => apis.predict.predict(submission.functionName, submission.modelId, { text_docs: submission.inputs }, signal)),
    [submission]
  );

  const inputs = inputLines(text);
  const modelOptions = useMemo(
    () => (models.data?.items ?? []).map((m) => ({ value: m.id, text: `${m.name} (${m.model_version ?? m.id})` })),
    [models.data]
  );
  const results = useMemo(
    () => (prediction.data && submission ? parsePredictResponse(prediction.data, submission.inputs) : []),
    [prediction.data, submission]
  );

  return (
    <>
      <PageTitle title="Playground" description="Run deployed models on text and look at what they return." />
      {models.error && <ErrorCallout title="Could not load deployed models" error={models.error} onRetry={models.reload} data-test-subj="playgroundModelsError" />}
      <EuiFlexGroup gutterSize="m">
        <EuiFlexItem>
          <EuiFormRow label="Deployed model" fullWidth helpText={models.data && modelOptions.length === 0 ? 'No model is deployed.' : undefined}>
            <EuiSelect
              fullWidth
              hasNoInitialSelection
              isLoading={models.loading}
              options={modelOptions}
              value={modelId}
              onChange={(e) => {
                setModelId(e.target.value);
                setFunctionName(defaultFunction(models.data?.items.find((m) => m.id === e.target.value)));
              }}
              data-test-subj="playgroundModelSelect"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiFormRow label="Function">
            <EuiSelect
              options={FUNCTION_OPTIONS}
              value={functionName}
              onChange={(e) => setFunctionName(e.target.value as PredictFunction)}
              data-test-subj="playgroundFunctionSelect"
            />
          </EuiFormRow>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiFormRow label="Inputs" helpText="One input per line." fullWidth>
        <EuiTextArea fullWidth rows={5} value={text} onChange={(e) => setText(e.target.value)} data-test-subj="playgroundInput" />
      </EuiFormRow>
      <EuiSpacer size="m" />
      <EuiButton
        fill
        iconType="play"
        isLoading={prediction.loading}
        isDisabled={!modelId || inputs.length === 0}
        onClick={() => setSubmission({ functionName, modelId, inputs })}
        data-test-subj="playgroundRun"
      >
        Run
      </EuiButton>
      <EuiSpacer size="l" />
      {prediction.error ? <ErrorCallout title="Prediction failed" error={prediction.error} data-test-subj="predictError" /> : null}
      {prediction.data && !prediction.loading && (
        <div data-test-subj="predictResults">
          {results.length === 0 && (
            <EuiText size="s" data-test-subj="predictNoVectors">
              <p>The response holds no vectors this page can show; see the raw response below.</p>
            </EuiText>
          )}
          {results.map((result, i) => (
            <React.Fragment key={i}>
              <PredictResultView result={result} index={i} />
              <EuiSpacer size="s" />
            </React.Fragment>
          ))}
          <EuiAccordion id="mlModelsRawPrediction" buttonContent="Raw response" data-test-subj="predictRawAccordion">
            <EuiCodeBlock language="json" paddingSize="s" isCopyable data-test-subj="predictRaw">
              {JSON.stringify(prediction.data, null, 2)}
            </EuiCodeBlock>
          </EuiAccordion>
        </div>
      )}
    </>
  );
}
