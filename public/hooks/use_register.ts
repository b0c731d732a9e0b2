import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FlowState, RegisterFlow, RegisterFlowOptions, RegisterRequest, registerFlowApi } from '../lib/register_flow';
import { useServices } from '../services';
import { useMounted } from './use_mounted';

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

/** Phases whose cancellation deletes what the registration made: nothing is registered yet. */
const UNDONE_BY_LEAVING: ReadonlyArray<FlowState['phase']> = ['creating_group', 'hashing', 'registering', 'uploading', 'waiting_registered'];

/**
 * What leaving now would lose, if anything. Later phases lose nothing: a URL download and a
 * deploy go on in ML Commons, and a registered model is kept.
 */
export function leaveMessage(state: FlowState | undefined): string | undefined {
  if (!state || !UNDONE_BY_LEAVING.includes(state.phase) || state.registerTaskId) return undefined;
  return 'The registration is still running. Leaving this page cancels it and deletes what it has made so far where it can (a partly uploaded model, and the new group if it made one).';
}

/**
 * Runs one registration at a time and exposes its state. While leaving would lose work, leaving
 * asks for confirmation: to another page of this app (links, Back/Forward), to another OSD app
 * through its navigation, or out of the browser tab (see leave_guard.ts). Back/Forward straight to
 * another app is not seen; unmounting then cancels, which deletes a model left half-uploaded.
 */
export function useRegister(options: Omit<RegisterFlowOptions, 'onChange'> = {}) {
  const { apis, leaveGuard, notifications } = useServices();
  const api = useMemo(() => registerFlowApi(apis), [apis]);
  const [state, setState] = useState<FlowState | undefined>();
  const controllerRef = useRef<AbortController>();
  const mounted = useMounted();
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => () => controllerRef.current?.abort(), []);

  const running = isRunning(state);
  const message = leaveMessage(state);
  useEffect(() => {
    if (!message) return undefined;
    const unguard = guardUnload();
    leaveGuard.message = message;
    return () => {
      unguard();
      leaveGuard.message = undefined;
    };
  }, [message, leaveGuard]);

  const start = useCallback(
    async (request: RegisterRequest) => {
      if (controllerRef.current && !controllerRef.current.signal.aborted && isRunning(state)) return undefined;
      const controller = new AbortController();
      controllerRef.current = controller;
      const flow = new RegisterFlow(api, { ...optionsRef.current, onChange: (s) => mounted.current && setState(s) });
      const end = await flow.run(request, controller.signal);
      // Ended after its page was left (unmounting cancels): the page cannot say what was cleaned up.
      if (!mounted.current && end.cleanup.length) {
        notifications.toasts.addWarning({ title: `Registration of ${request.model.name} cancelled`, text: end.cleanup.join(' ') });
      }
      return end;
    },
    [api, state, notifications]
  );

  const cancel = useCallback(() => controllerRef.current?.abort(), []);
  const reset = useCallback(() => setState(undefined), []);

  return { state, running, start, cancel, reset };
}
