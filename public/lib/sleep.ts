import { abortError } from './blob_slices';

/** Waits `ms`, or rejects with an AbortError as soon as `signal` aborts; injectable in tests. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Takes its abort listener back when the time is up, so one signal can serve many waits. */
export const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
