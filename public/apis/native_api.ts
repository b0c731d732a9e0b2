import { zipTooLargeMessage } from '../../common/native';
import { routePath } from '../../common/routes';
import type {
  ApiErrorBody,
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
  private zipLimit?: NativeStatus['zip_limit'];

  constructor(private readonly http: HttpSetup) {}

  /**
   * Checks a zip and puts it in the native cache; predict then works by its sha256. A zip over the
   * server's limit is refused here: OSD (hapi) answers 413 to a body it will not take only once
   * it has read all of it, so sending it would move the whole file for nothing.
   */
  async inspect(file: Blob, signal?: AbortSignal): Promise<NativeInspectResult> {
    const limit = await this.readZipLimit(signal);
    if (limit && file.size > limit.bytes) {
      const body: ApiErrorBody = {
        statusCode: 413,
        error: 'Request Entity Too Large',
        message: zipTooLargeMessage(limit),
        attributes: { code: 'zip_too_large' },
      };
      throw Object.assign(new Error(body.error), { name: 'HttpFetchError', body });
    }
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

  /** Read once; unknown (the zip is sent, the server decides) when status cannot be read. */
  private async readZipLimit(signal?: AbortSignal): Promise<NativeStatus['zip_limit'] | undefined> {
    if (!this.zipLimit) this.zipLimit = await this.status(signal).then((s) => s.zip_limit, () => undefined);
    return this.zipLimit;
  }
}
