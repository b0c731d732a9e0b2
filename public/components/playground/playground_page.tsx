import { EuiButton, EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiHorizontalRule, EuiPanel, EuiSpacer } from '@elastic/eui';
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ModelState } from '../../../common/ml_commons';
import type { Model, NativePredictFunction } from '../../../common/types';
import { usePlayground } from '../../hooks/use_playground';
import { SEARCH_DEBOUNCE_MS, useDebouncedValue } from '../../hooks/use_debounced_value';
import { nativeHashOf, usePlaygroundModels } from '../../hooks/use_playground_models';
import { usePlaygroundRecent } from '../../hooks/use_playground_recent';
import { functionForAlgorithm, functionMismatch } from '../../lib/playground_errors';
import type { RecentRun } from '../../lib/playground_recent';
import { buildBody, DEFAULT_OPTIONS, nativeConfigOf, optionsOf, PlaygroundOptions, PlaygroundRequest, PlaygroundTarget } from '../../lib/playground_request';
import { inputLines, inputProblems } from '../../lib/playground_results';
import { versionBefore } from '../../../common/validators';
import { useReadiness } from '../../hooks/use_readiness';
import { useApis } from '../../services';
import { ErrorCallout } from '../common/error_callout';
import { MODEL_STATE_INFO } from '../common/model_state';
import { PageTitle } from '../common/page_title';
import { canDeploy } from '../model_actions/model_action_buttons';
import { useModelActions } from '../model_actions/use_model_actions';
import { ModelPicker, Source, ZipState } from './model_picker';
import { NativeStatusPanel } from './native_status_panel';
import { RecentRuns } from './recent_runs';
import { RunForm } from './run_form';
import { RunResults } from './run_results';

/** This Dashboards server as the browser reaches it (origin + base path), for the native curl. */
function dashboardsUrl(): string {
  const { origin, pathname } = window.location;
  const i = pathname.indexOf('/app/');
  return origin + (i >= 0 ? pathname.slice(0, i) : '');
}

/**
 * Try a model: on the cluster (ML Commons predict), natively (the sidecar on this server), or
 * both with a parity check; see its output as the function calls for, the request as a snippet,
 * and run recent requests again.
 */
export function PlaygroundPage() {
  const apis = useApis();
  // Past one page of models, the picker searches by name on the server.
  const [modelSearch, setModelSearch] = useState('');
  const { cluster, native, cached } = usePlaygroundModels(useDebouncedValue(modelSearch.trim(), SEARCH_DEBOUNCE_MS));
  const { run, start } = usePlayground();
  const recent = usePlaygroundRecent();
  // The chosen model stays chosen when a new search leaves it out of the list; then only a read
  // by id tells what a deploy from here changed (the list's reload does not hold it).
  const [pinned, setPinned] = useState<Model | undefined>();
  const unlisted = useRef<string>();
  const { reload: reloadCluster } = cluster;
  const onChanged = useCallback(() => {
    reloadCluster();
    const id = unlisted.current;
    if (id) apis.models.get(id).then((m) => setPinned((p) => (p?.id === m.id ? m : p)), () => undefined);
  }, [reloadCluster, apis]);
  const actions = useModelActions({ onChanged });

  const [source, setSource] = useState<Source>('cluster');
  const [clusterId, setClusterId] = useState('');
  const [nativeSha, setNativeSha] = useState('');
  const [zip, setZip] = useState<ZipState | undefined>();
  const [functionName, setFunctionName] = useState<NativePredictFunction>('text_embedding');
  const [target, setTarget] = useState<PlaygroundTarget>('cluster');
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<PlaygroundOptions>(DEFAULT_OPTIONS);
  const [renderMs, setRenderMs] = useState<number | undefined>();

  const models = cluster.data?.items ?? [];
  const nativeModels = native.data?.models ?? [];
  const listed = models.find((m) => m.id === clusterId);
  useEffect(() => {
    if (listed) setPinned(listed);
  }, [listed]);
  const model = source === 'cluster' ? listed ?? (pinned?.id === clusterId ? pinned : undefined) : undefined;
  unlisted.current = model && !listed ? model.id : undefined;
  const nativeEntry = source === 'native' ? nativeModels.find((e) => e.sha256 === nativeSha) : undefined;
  const inspected = source === 'zip' ? zip?.result : undefined;

  // What the choice can run on, and what it is registered (or recognised) as.
  const sha256 = model ? nativeHashOf(model, cached) : nativeEntry?.sha256 ?? (inspected?.format === 'ONNX' ? inspected.sha256 : undefined);
  const algorithm = model?.algorithm ?? nativeEntry?.function_name ?? inspected?.suggested.function_name;
  const canCluster = !!model;
  const canNative = !!sha256;
  const label = model ? `${model.name} v${model.model_version ?? ''}` : nativeEntry ? nativeModels.length && models.find((m) => m.model_content_hash_value === nativeEntry.sha256)?.name || `native ${nativeEntry.sha256.slice(0, 12)}` : zip?.fileName ?? '';

  // A new choice picks its own function and the first place it can run.
  const chosenKey = `${source}:${model?.id ?? nativeEntry?.sha256 ?? inspected?.sha256 ?? ''}`;
  const lastChoice = useRef('');
  useEffect(() => {
    if (chosenKey === lastChoice.current || !(model || nativeEntry || inspected)) return;
    lastChoice.current = chosenKey;
    const fn = functionForAlgorithm(algorithm);
    if (fn) setFunctionName(fn);
    setTarget(canCluster ? 'cluster' : 'native');
  }, [chosenKey, model, nativeEntry, inspected, algorithm, canCluster]);

  // Only the latest pick may answer: an earlier, larger zip can finish after a later one and
  // would otherwise replace it (and be what Run uses).
  const zipRequest = useRef<AbortController | undefined>();
  useEffect(() => () => zipRequest.current?.abort(), []);
  const onZip = useCallback(
    async (file: File | undefined) => {
      zipRequest.current?.abort();
      zipRequest.current = undefined;
      if (!file) return setZip(undefined);
      const controller = new AbortController();
      zipRequest.current = controller;
      setZip({ fileName: file.name, loading: true });
      try {
        const result = await apis.native.inspect(file, controller.signal);
        if (controller.signal.aborted) return;
        setZip({ fileName: file.name, loading: false, result });
        native.reload();
      } catch (error) {
        if (controller.signal.aborted) return;
        setZip({ fileName: file.name, loading: false, error });
      }
    },
    [apis, native]
  );

  const docs = useMemo(() => inputLines(text), [text]);
  const needsQuery = functionName === 'text_similarity' && !query.trim();
  // 2.19 answers "unknown field [SPARSE_ENCODING]" to sparse_embedding_format (3.2 added it).
  const clusterVersion = useReadiness().data?.version;
  const effectiveTarget: PlaygroundTarget = target === 'both' && !(canCluster && canNative) ? (canCluster ? 'cluster' : 'native') : target === 'cluster' && !canCluster ? 'native' : target === 'native' && !canNative ? 'cluster' : target;
  const sparseWordsOnly =
    effectiveTarget !== 'native' && clusterVersion && versionBefore(clusterVersion, 3, 2)
      ? `OpenSearch ${clusterVersion} keys sparse vectors by word only (token ids need 3.2); native runs can use token ids.`
      : undefined;
  const problems = inputProblems(docs, functionName === 'text_similarity' ? query.trim() : undefined);
  const ready = (canCluster || canNative) && docs.length > 0 && !problems.inputs && !problems.query && !needsQuery;

  const send = useCallback(
    (request: PlaygroundRequest) => {
      setRenderMs(undefined);
      recent.add(request);
      start(request);
    },
    [recent, start]
  );

  const onRun = () =>
    send({
      functionName,
      target: effectiveTarget,
      modelId: effectiveTarget !== 'native' ? model?.id : undefined,
      sha256: effectiveTarget !== 'cluster' ? sha256 : undefined,
      label,
      body: buildBody(functionName, docs, query.trim(), sparseWordsOnly ? { ...options, sparseFormat: 'word' } : options),
      // The cluster model's own config, so native post-processing matches the cluster's.
      modelConfig: effectiveTarget !== 'cluster' && model ? nativeConfigOf(model.model_config as Record<string, unknown> | undefined) : undefined,
    });

  const onRerun = (r: RecentRun) => {
    const req = r.request;
    if (req.modelId) {
      setSource('cluster');
      setClusterId(req.modelId);
    } else if (req.sha256) {
      setSource('native');
      setNativeSha(req.sha256);
    }
    lastChoice.current = `${req.modelId ? 'cluster' : 'native'}:${req.modelId ?? req.sha256}`;
    setFunctionName(req.functionName);
    setTarget(req.target);
    setText(req.body.text_docs.join('\n'));
    setQuery(req.body.query_text ?? '');
    setOptions(optionsOf(req.body));
    send(req);
  };

  const runRef = useRef(run);
  runRef.current = run;
  const onMatrixRendered = useCallback(() => {
    const current = runRef.current;
    if (current && !current.loading) setRenderMs((prev) => prev ?? performance.now() - current.startedAt);
  }, []);

  const runModel = run?.request.modelId ? models.find((m) => m.id === run.request.modelId) ?? (model?.id === run.request.modelId ? model : undefined) : undefined;
  const mismatch = functionMismatch(functionName, algorithm);
  const notDeployed = model && effectiveTarget !== 'native' && model.model_state !== 'DEPLOYED' && model.model_state !== 'PARTIALLY_DEPLOYED';

  return (
    <>
      <PageTitle title="Playground" description="Run a model on the cluster, natively on this Dashboards server, or both, and look at what it returns." />
      {cluster.error ? (
        <>
          <ErrorCallout title="Could not load the cluster's models" error={cluster.error} onRetry={cluster.reload} data-test-subj="playgroundModelsError" />
          <EuiSpacer size="m" />
        </>
      ) : null}
      {/* A set minWidth: a flex item is otherwise as wide as its widest unbreakable line (a long
          input); in a narrow window the recent runs go below the form. */}
      <EuiFlexGroup gutterSize="l" alignItems="flexStart" wrap>
        <EuiFlexItem grow={3} style={{ minWidth: 'min(100%, 440px)' }}>
          <EuiPanel paddingSize="m" hasBorder>
            <ModelPicker
              source={source}
              onSource={setSource}
              clusterModels={model && !listed ? [model, ...models] : models}
              clusterTotal={cluster.data?.total ?? 0}
              clusterLoading={cluster.loading}
              clusterUnavailable={cluster.error}
              modelSearch={modelSearch}
              onModelSearch={setModelSearch}
              nativeModels={nativeModels}
              nativeUnavailable={native.error}
              cached={cached}
              clusterId={clusterId}
              onClusterId={setClusterId}
              nativeSha={nativeSha}
              onNativeSha={setNativeSha}
              zip={zip}
              onZip={onZip}
            />
            <EuiSpacer size="m" />
            <RunForm
              functionName={functionName}
              onFunction={setFunctionName}
              target={effectiveTarget}
              onTarget={setTarget}
              canCluster={canCluster}
              canNative={canNative}
              text={text}
              onText={setText}
              query={query}
              onQuery={setQuery}
              options={options}
              onOptions={setOptions}
              inputCount={docs.length}
              inputProblem={problems.inputs}
              queryProblem={problems.query}
              sparseWordsOnly={sparseWordsOnly}
              nativeBlockedReason={
                source === 'zip' && zip?.error
                  ? 'The dropped zip cannot run here: see why above.'
                  : source === 'zip' && zip?.loading
                  ? 'The dropped zip is still being checked.'
                  : // Nothing chosen yet: Run is disabled for that, not for a missing native zip.
                  !(model || nativeEntry || inspected)
                  ? source === 'zip'
                    ? 'Drop a model zip above first.'
                    : 'Choose a model above first.'
                  : undefined
              }
            />
            {mismatch && (
              <>
                <EuiSpacer size="s" />
                <EuiCallOut size="s" color="warning" title={mismatch} data-test-subj="functionMismatch" />
              </>
            )}
            {notDeployed && model && (
              <>
                <EuiSpacer size="s" />
                {/* ML Commons refuses a deploy while an upload is unfinished (REGISTERING) or a deploy runs
                    (DEPLOYING): offered then, it only led to an error toast. */}
                {canDeploy(model) ? (
                  <EuiCallOut size="s" color="warning" title={`${model.name} is ${model.model_state} on the cluster: deploy it to run it there.`} data-test-subj="playgroundNotDeployed">
                    <EuiButton size="s" onClick={() => actions.deploy(model)} data-test-subj="playgroundDeployBefore">
                      Deploy
                    </EuiButton>
                  </EuiCallOut>
                ) : (
                  <EuiCallOut size="s" color="warning" title={`${model.name} is ${model.model_state} on the cluster and cannot run there yet.`} data-test-subj="playgroundNotDeployed">
                    <p>{MODEL_STATE_INFO[model.model_state as ModelState]?.description}</p>
                  </EuiCallOut>
                )}
              </>
            )}
            <EuiSpacer size="m" />
            <EuiButton fill iconType="play" isLoading={run?.loading} isDisabled={!ready} onClick={onRun} data-test-subj="playgroundRun">
              Run
            </EuiButton>
          </EuiPanel>
        </EuiFlexItem>
        <EuiFlexItem grow={2} style={{ minWidth: 'min(100%, 280px)' }}>
          <EuiPanel paddingSize="m" hasBorder>
            <RecentRuns runs={recent.runs} onRerun={onRerun} onClear={recent.clear} />
          </EuiPanel>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiHorizontalRule />
      {run && !run.loading && (
        <RunResults
          run={run}
          algorithm={runModel?.algorithm}
          maxLength={inspected?.max_length}
          dashboardsUrl={dashboardsUrl()}
          onDeploy={runModel && canDeploy(runModel) ? () => actions.deploy(runModel) : undefined}
          onMatrixRendered={onMatrixRendered}
          renderMs={renderMs}
        />
      )}
      <EuiSpacer size="l" />
      <NativeStatusPanel />
      {actions.modal}
    </>
  );
}
