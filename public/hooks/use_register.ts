import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useHistory } from 'react-router-dom';
import { FlowState, RegisterFlow, RegisterFlowOptions, RegisterRequest, registerFlowApi } from '../lib/register_flow';
import { useServices } from '../services';

const RUNNING_PHASES: ReadonlyArray<FlowState['phase']> = [
  'creating_group',
  'hashing',
  'registering',
  'uploading',
  'waiting_registered',
  'waiting_task',
  'deploying',
  'cleaning_up',
];

export function isRunning(state: FlowState | undefined): boolean {
  return !!state && RUNNING_PHASES.includes(state.phase);
}

/** Asks the browser to confirm leaving the page; the returned function removes the guard. */
function guardUnload(): () => void {
  const handler = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    // Chrome shows the prompt only when returnValue is set.
    event.returnValue = '';
    return '';
  };
  window.addEventListener('beforeunload', handler);
  return () => window.removeEventListener('beforeunload', handler);
}

/** Said when the user would leave while a registration runs. */
export const LEAVE_WHILE_REGISTERING =
  'The registration is still running. Leaving this page cancels it and deletes the partly uploaded model.';

/**
 * Runs one registration at a time and exposes its state. While it runs, leaving the page asks
 * for confirmation, whether to another page of this app, another OSD app, or out of the browser
 * tab (the guards exist only then); unmounting cancels it, which deletes a model left half-uploaded.
 */
export function useRegister(options: Omit<RegisterFlowOptions, 'onChange'> = {}) {
  const { apis, leaveGuard } = useServices();
  const history = useHistory();
  const api = useMemo(() => registerFlowApi(apis), [apis]);
  const [state, setState] = useState<FlowState | undefined>();
  const controllerRef = useRef<AbortController>();
  const mounted = useRef(true);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controllerRef.current?.abort();
    };
  }, []);

  const running = isRunning(state);
  useEffect(() => {
    if (!running) return undefined;
    const unguard = guardUnload();
    const unblock = history.block(LEAVE_WHILE_REGISTERING);
    leaveGuard.message = LEAVE_WHILE_REGISTERING;
    return () => {
      unguard();
      unblock();
      leaveGuard.message = undefined;
    };
  }, [running, history, leaveGuard]);

  const start = useCallback(
    async (request: RegisterRequest) => {
      if (controllerRef.current && !controllerRef.current.signal.aborted && isRunning(state)) return undefined;
      const controller = new AbortController();
      controllerRef.current = controller;
      const flow = new RegisterFlow(api, { ...optionsRef.current, onChange: (s) => mounted.current && setState(s) });
      return flow.run(request, controller.signal);
    },
    [api, state]
  );

  const cancel = useCallback(() => controllerRef.current?.abort(), []);
  const reset = useCallback(() => setState(undefined), []);

  return { state, running, start, cancel, reset };
}
