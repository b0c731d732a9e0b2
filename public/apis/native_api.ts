import { routePath } from '../../common/routes';
import type {
  NativeInspectResult,
  NativeModelsResponse,
  NativePredictBody,
  NativePredictFunction,
  NativePredictResponse,
  NativeStatus,
} from '../../common/types';
import type { HttpSetup } from '../../types/osd';

/** The native inference routes (a sidecar on the Dashboards server; see docs/native_inference.md). */
export class NativeApi {
  constructor(private readonly http: HttpSetup) {}

  /** Checks a zip and puts it in the native cache; predict then works by its sha256. */
  inspect(file: Blob, signal?: AbortSignal): Promise<NativeInspectResult> {
    return this.http.post<NativeInspectResult>(routePath('nativeInspect'), {
      body: file,
      headers: { 'Content-Type': 'application/octet-stream' },
      signal,
    });
  }

  predict(functionName: NativePredictFunction, sha256: string, body: NativePredictBody, signal?: AbortSignal): Promise<NativePredictResponse> {
    return this.http.post<NativePredictResponse>(routePath('nativePredict', { functionName, sha256 }), { body: JSON.stringify(body), signal });
  }

  models(signal?: AbortSignal): Promise<NativeModelsResponse> {
    return this.http.get<NativeModelsResponse>(routePath('nativeModels'), { signal });
  }

  status(signal?: AbortSignal): Promise<NativeStatus> {
    return this.http.get<NativeStatus>(routePath('nativeStatus'), { signal });
  }
}
