import { PluginHttpError } from '../lib/errors';

/** A failure as it crosses the IPC channel (Error objects do not survive serialization). */
export interface NativeFailure {
  status: number;
  /** Machine-readable, e.g. `path_traversal`, `sidecar_crashed`, `queue_full`. */
  code: string;
  message: string;
}

/** A native-inference failure with its HTTP status and a code the UI and tests can match. */
export class NativeError extends PluginHttpError {
  constructor(statusCode: number, public readonly code: string, message: string) {
    super(statusCode, message);
    this.name = 'NativeError';
  }

  toFailure(): NativeFailure {
    return { status: this.statusCode, code: this.code, message: this.message };
  }

  static fromFailure(f: NativeFailure): NativeError {
    return new NativeError(f.status, f.code, f.message);
  }
}

/** Whatever was thrown, as a failure to send back: our own errors keep their status, the rest are 500. */
export function toFailure(err: unknown): NativeFailure {
  if (err instanceof NativeError) return err.toFailure();
  const e = err as { message?: string } | undefined;
  return { status: 500, code: 'native_internal', message: e?.message || String(err) };
}
