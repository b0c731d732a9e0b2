import { useCallback, useEffect, useRef, useState } from 'react';
import type { NativePredictResponse } from '../../common/types';
import { isAbortError } from '../apis/errors';
import type { PlaygroundRequest } from '../lib/playground_request';
import { useApis } from '../services';

export interface SideOutcome {
  response?: NativePredictResponse;
  error?: unknown;
  /** Browser-measured: from sending the request to having its parsed answer. */
  ms?: number;
}

export interface PlaygroundRun {
  request: PlaygroundRequest;
  loading: boolean;
  cluster?: SideOutcome;
  native?: SideOutcome;
  /** performance.now() at the click, for the page's own render timing. */
  startedAt: number;
}

/**
 * Runs a playground request on the cluster, natively, or both. With both, the sides run one after
 * the other, so neither latency includes the other's CPU load when both share a machine. A newer
 * run or unmounting aborts the one in flight.
 */
export function usePlayground() {
  const apis = useApis();
  const [run, setRun] = useState<PlaygroundRun | undefined>();
  const controller = useRef<AbortController | undefined>();

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (request: PlaygroundRequest) => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      const startedAt = performance.now();
      let state: PlaygroundRun = { request, loading: true, startedAt };
      setRun(state);
      const timed = async (send: () => Promise<NativePredictResponse>): Promise<SideOutcome | undefined> => {
        const t0 = performance.now();
        try {
          const response = await send();
          return { response, ms: performance.now() - t0 };
        } catch (error) {
          if (isAbortError(error) || c.signal.aborted) return undefined;
          return { error, ms: performance.now() - t0 };
        }
      };
      if (request.target !== 'native' && request.modelId) {
        const cluster = await timed(() => apis.predict.predict(request.functionName, request.modelId as string, request.body, c.signal));
        if (c.signal.aborted) return;
        state = { ...state, cluster };
        setRun(state);
      }
      if (request.target !== 'cluster' && request.sha256) {
        const body = request.modelConfig ? { ...request.body, model_config: request.modelConfig } : request.body;
        const native = await timed(() => apis.native.predict(request.functionName, request.sha256 as string, body, c.signal));
        if (c.signal.aborted) return;
        state = { ...state, native };
      }
      setRun({ ...state, loading: false });
    },
    [apis]
  );

  return { run, start };
}
