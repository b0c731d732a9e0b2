import { EuiAccordion, EuiButtonGroup, EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiSpacer, EuiText } from '@elastic/eui';
import React, { useMemo, useState } from 'react';
import type { PlaygroundRun } from '../../hooks/use_playground';
import { DEFAULT_MAX_TOKENS, explainError, functionMismatch, truncationNotes } from '../../lib/playground_errors';
import { compareResults } from '../../lib/playground_parity';
import { parsePredictResponse, signVectorsOnly } from '../../lib/playground_results';
import { ParityPanel } from './parity_panel';
import { PlaygroundError } from './playground_error';
import { RawResponse } from './raw_response';
import { RequestSnippets } from './request_snippets';
import { SideResults } from './side_results';

/** Truncated inputs listed one per line; the rest are named by number on one more line. */
const TRUNCATED_LISTED = 10;

interface Props {
  run: PlaygroundRun;
  /** The chosen cluster model's algorithm, to tell a wrong function from other failures. */
  algorithm?: string;
  /** The model's truncation length when known (an inspected zip); a native run's answer wins. */
  maxLength?: number;
  dashboardsUrl: string;
  onDeploy?: () => void;
  onMatrixRendered: () => void;
  renderMs?: number;
}

type Side = 'cluster' | 'native';

/** A run's outcome: errors in plain words, truncation, parity, the views, snippets and raw JSON. */
export function RunResults({ run, algorithm, maxLength, dashboardsUrl, onDeploy, onMatrixRendered, renderMs }: Props) {
  const { request } = run;
  const docs = request.body.text_docs;
  const answered = (['cluster', 'native'] as Side[]).filter((s) => run[s]?.response);
  const [shown, setShown] = useState<Side | undefined>();
  const side = shown && answered.includes(shown) ? shown : answered[0];
  const parity = useMemo(
    () =>
      run.cluster?.response && run.native?.response
        ? compareResults(parsePredictResponse(run.cluster.response, docs), parsePredictResponse(run.native.response, docs))
        : undefined,
    [run.cluster, run.native, docs]
  );
  const knownMax = run.native?.response?.native?.max_length ?? maxLength;
  const truncated = useMemo(() => truncationNotes(docs, knownMax ?? DEFAULT_MAX_TOKENS, run.native?.response?.native), [docs, run.native, knownMax]);
  const response = side ? run[side]?.response : undefined;
  const signsOnly = useMemo(() => !!response && signVectorsOnly(parsePredictResponse(response, docs)), [response, docs]);

  return (
    <div data-test-subj="predictResults">
      {(['cluster', 'native'] as Side[]).map((s) =>
        run[s]?.error ? (
          <React.Fragment key={s}>
            <PlaygroundError side={s} explained={explainError(run[s]?.error, { side: s, functionName: request.functionName, algorithm })} onDeploy={s === 'cluster' ? onDeploy : undefined} />
            <EuiSpacer size="s" />
          </React.Fragment>
        ) : null
      )}
      {run.cluster?.response && algorithm && functionMismatch(request.functionName, algorithm) && (
        <>
          <EuiCallOut size="s" color="warning" title={`ML Commons ran this model as ${algorithm}, its registered function, not as ${request.functionName}: the results below are ${algorithm} output.`} data-test-subj="functionIgnored" />
          <EuiSpacer size="s" />
        </>
      )}
      {truncated.length > 0 && (
        <>
          <EuiCallOut size="s" color="warning" iconType="cut" title={
              knownMax
                ? `Inputs over ${knownMax} tokens are truncated: the model reads only their start`
                : `Inputs over ${DEFAULT_MAX_TOKENS} tokens are truncated (this model's own limit, in its tokenizer.json, may be lower): the model reads only their start`
            } data-test-subj="truncationNote">
            <ul>
              {truncated.slice(0, TRUNCATED_LISTED).map((t) => (
                <li key={t.index} data-test-subj={`truncated-${t.index}`}>
                  Input {t.index + 1}: {t.exact ? `${t.tokens} tokens` : `at least ${t.tokens} tokens (counted in words; the exact count comes with a native run)`}
                </li>
              ))}
              {truncated.length > TRUNCATED_LISTED && (
                <li data-test-subj="truncatedMore">
                  and {truncated.length - TRUNCATED_LISTED} more: inputs {truncated.slice(TRUNCATED_LISTED).map((t) => t.index + 1).join(', ')}
                </li>
              )}
            </ul>
          </EuiCallOut>
          <EuiSpacer size="s" />
        </>
      )}
      {signsOnly && (
        <>
          <EuiCallOut
            size="s"
            color="warning"
            title="Every value is 1 or -1: ML Commons normalizes max-pooled (and, on 3.6, unpooled) vectors value by value when the model was registered with normalize_result. Such vectors lose what they held; register the model without normalize_result, or with mean pooling."
            data-test-subj="signVectorsNote"
          />
          <EuiSpacer size="s" />
        </>
      )}
      {parity && (
        <>
          <ParityPanel parity={parity} clusterMs={run.cluster?.ms} nativeMs={run.native?.ms} inputs={docs} />
          <EuiSpacer size="m" />
        </>
      )}
      {response && side && (
        <>
          <EuiFlexGroup alignItems="center" gutterSize="m" responsive={false}>
            {answered.length > 1 && (
              <EuiFlexItem grow={false}>
                <EuiButtonGroup
                  legend="Results from"
                  buttonSize="compressed"
                  options={answered.map((s) => ({ id: s, label: s === 'cluster' ? 'Cluster results' : 'Native results', 'data-test-subj': `show-${s}` }))}
                  idSelected={side}
                  onChange={(id) => setShown(id as Side)}
                />
              </EuiFlexItem>
            )}
            <EuiFlexItem grow={false}>
              <EuiText size="xs" color="subdued">
                <p data-test-subj="playgroundTiming">
                  {side === 'cluster' ? 'Cluster' : 'Native'}: <span data-test-subj={`latency-${side}`}>{run[side]?.ms?.toFixed(0)}</span> ms request
                  {renderMs !== undefined && (
                    <>
                      {' '}
                      · matrix on screen <span data-test-subj="playgroundRenderMs">{renderMs.toFixed(0)}</span> ms after Run
                    </>
                  )}
                </p>
              </EuiText>
            </EuiFlexItem>
          </EuiFlexGroup>
          <EuiSpacer size="s" />
          <SideResults response={response} functionName={request.functionName} inputs={docs} query={request.body.query_text} onMatrixRendered={onMatrixRendered} />
        </>
      )}
      <EuiSpacer size="m" />
      <EuiAccordion id="mlModelsPlaygroundRequest" buttonContent="Request (Dev Tools, curl)" initialIsOpen={false} data-test-subj="requestAccordion">
        <RequestSnippets request={request} dashboardsUrl={dashboardsUrl} />
      </EuiAccordion>
      {answered.map((s) => (
        <RawResponse key={s} side={s} response={run[s]?.response} />
      ))}
    </div>
  );
}
