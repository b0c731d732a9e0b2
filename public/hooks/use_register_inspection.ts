import { useEffect, useState } from 'react';
import { isAbortError } from '../apis/errors';
import { InspectProgress, inspectModelZip, ZipReport } from '../lib/zip_inspect';
import { cachedSha256, HashProgress } from '../lib/sha256';

export interface InspectionState {
  report?: ZipReport;
  inspecting: boolean;
  progress?: InspectProgress;
  /** The check itself broke (not a problem in the zip): e.g. the file could not be read. */
  error?: unknown;
}

/** Checks `file` once when it is picked; picking another file (or none) cancels the running check. */
export function useRegisterInspection(file: File | undefined): InspectionState {
  const [state, setState] = useState<InspectionState>({ inspecting: false });
  useEffect(() => {
    if (!file) {
      setState({ inspecting: false });
      return undefined;
    }
    const controller = new AbortController();
    setState({ inspecting: true });
    inspectModelZip(file, { signal: controller.signal, onProgress: (progress) => !controller.signal.aborted && setState((s) => ({ ...s, progress })) }).then(
      (report) => !controller.signal.aborted && setState({ report, inspecting: false }),
      (error) => !controller.signal.aborted && !isAbortError(error) && setState({ error, inspecting: false })
    );
    return () => controller.abort();
  }, [file]);
  return state;
}

export interface HashState {
  hash?: string;
  hashing: boolean;
  progress?: HashProgress;
  error?: unknown;
}

/**
 * The SHA-256 of `file` when `enabled` (the URL path: the user drops the zip they host so the
 * hash and size are computed here; the file itself is not uploaded).
 */
export function useRegisterFileHash(file: File | undefined, enabled: boolean): HashState {
  const [state, setState] = useState<HashState>({ hashing: false });
  useEffect(() => {
    if (!file || !enabled) {
      setState({ hashing: false });
      return undefined;
    }
    const controller = new AbortController();
    setState({ hashing: true });
    cachedSha256(file, { signal: controller.signal, onProgress: (progress) => !controller.signal.aborted && setState((s) => ({ ...s, progress })) }).then(
      (hash) => !controller.signal.aborted && setState({ hash, hashing: false }),
      (error) => !controller.signal.aborted && !isAbortError(error) && setState({ error, hashing: false })
    );
    return () => controller.abort();
  }, [file, enabled]);
  return state;
}
