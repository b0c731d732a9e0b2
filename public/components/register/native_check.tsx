import { EuiButton, EuiCallOut, EuiSpacer, EuiText } from '@elastic/eui';
import React, { useEffect, useRef, useState } from 'react';
import type { NativeInspectResult } from '../../../common/types';
import { errorMessage, errorStatus, isAbortError } from '../../apis/errors';
import { useServices } from '../../services';

const shape = (s: Array<number | string>) => `[${s.join(', ')}]`;

/**
 * "Try it natively": sends the zip to the Dashboards server's native sidecar, which loads it with
 * onnxruntime and reports what it found. An extra opinion only, never a condition for
 * registering; when the sidecar is off, its own message says so.
 */
export function NativeCheck({ file }: { file: File }) {
  const api = useServices().apis.native;
  const [state, setState] = useState<{ running: boolean; result?: NativeInspectResult; error?: unknown }>({ running: false });
  const controller = useRef<AbortController>();
  useEffect(() => {
    setState({ running: false });
    return () => controller.current?.abort();
  }, [file]);

  const run = () => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setState({ running: true });
    api.inspect(file, c.signal).then(
      (result) => !c.signal.aborted && setState({ running: false, result }),
      (error) => !c.signal.aborted && !isAbortError(error) && setState({ running: false, error })
    );
  };

  const r = state.result;
  return (
    <div data-test-subj="nativeCheck">
      <EuiButton size="s" iconType="play" onClick={run} isLoading={state.running} data-test-subj="nativeCheckButton">
        Try it natively
      </EuiButton>
      {state.error !== undefined && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut size="s" color="warning" iconType="help" title="The native check did not run" data-test-subj="nativeCheckError">
            <p>{errorMessage(state.error)}</p>
            {/* A 400 is about the zip itself, which ML Commons reads the same way when it deploys. */}
            <p>{errorStatus(state.error) === 400 ? 'ML Commons would fail on the same file when it deploys the model: fix the zip before registering it.' : 'Registering does not depend on it.'}</p>
          </EuiCallOut>
        </>
      )}
      {r && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut
            size="s"
            color={r.problems.some((p) => p.severity === 'error') ? 'danger' : 'success'}
            iconType={r.problems.some((p) => p.severity === 'error') ? 'alert' : 'check'}
            title={
              r.problems.some((p) => p.severity === 'error')
                ? 'The sidecar found problems'
                : r.format === 'TORCH_SCRIPT'
                ? 'The sidecar read the zip (TorchScript runs on the cluster only)'
                : 'The sidecar loaded the model'
            }
            data-test-subj="nativeCheckResult"
          >
            <EuiText size="xs">
              <ul>
                <li>Inputs: {r.inputs.map((i) => `${i.name} ${i.type} ${shape(i.shape)}`).join(', ') || '—'}</li>
                <li>Outputs: {r.outputs.map((o) => `${o.name} ${o.type} ${shape(o.shape)}`).join(', ') || '—'}</li>
                {r.embedding_dimension !== undefined && <li>Embedding dimension: {r.embedding_dimension}</li>}
                <li>
                  Suggested: {r.suggested.function_name}
                  {r.suggested.model_config
                    ? `, model_type ${r.suggested.model_config.model_type || '—'}${
                        r.suggested.model_config.embedding_dimension !== undefined ? `, dimension ${r.suggested.model_config.embedding_dimension}` : ''
                      }`
                    : ', no model_config'}
                </li>
                {r.problems.map((p, i) => (
                  <li key={i} data-test-subj={`nativeProblem-${p.code}`}>
                    {p.severity === 'error' ? 'Error' : 'Warning'}: {p.message}
                  </li>
                ))}
              </ul>
            </EuiText>
          </EuiCallOut>
        </>
      )}
    </div>
  );
}
