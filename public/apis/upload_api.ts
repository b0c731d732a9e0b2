import { routePath } from '../../common/routes';
import type {
  DeployResponse,
  Model,
  ModelGroupCreateBody,
  ModelGroupCreateResponse,
  ModelRegisterMetaBody,
  ModelRegisterUrlBody,
  NativeInspectResult,
  RegisterMetaResponse,
  RegisterUrlResponse,
  Task,
  UploadChunkResponse,
} from '../../common/types';
import type { HttpSetup } from '../../types/osd';

/**
 * The calls of the "Register a version" flow: register (meta or URL), chunk upload, and the reads
 * and cleanups around them. Every path comes from `routePath()`.
 */
export class UploadApi {
  constructor(private readonly http: HttpSetup) {}

  registerMeta(body: ModelRegisterMetaBody, signal?: AbortSignal): Promise<RegisterMetaResponse> {
    return this.http.post<RegisterMetaResponse>(routePath('modelRegisterMeta'), { body: JSON.stringify(body), signal });
  }

  /** The raw bytes of one chunk: the route streams them to ML Commons unparsed. */
  uploadChunk(modelId: string, chunkNumber: number, bytes: Blob, signal?: AbortSignal): Promise<UploadChunkResponse> {
    return this.http.post<UploadChunkResponse>(routePath('modelUploadChunk', { modelId, chunkNumber }), {
      body: bytes,
      headers: { 'Content-Type': 'application/octet-stream' },
      signal,
    });
  }

  registerUrl(body: ModelRegisterUrlBody, signal?: AbortSignal): Promise<RegisterUrlResponse> {
    return this.http.post<RegisterUrlResponse>(routePath('modelRegisterUrl'), { body: JSON.stringify(body), signal });
  }

  getModel(modelId: string, signal?: AbortSignal): Promise<Model> {
    return this.http.get<Model>(routePath('model', { modelId }), { signal });
  }

  getTask(taskId: string, signal?: AbortSignal): Promise<Task> {
    return this.http.get<Task>(routePath('task', { taskId }), { signal });
  }

  /** Removes a half-registered model (meta doc and any chunks) after a cancelled or failed upload. */
  deleteModel(modelId: string): Promise<{ result?: string }> {
    return this.http.delete<{ result?: string }>(routePath('modelDelete', { modelId }));
  }

  /** Re-applies fields the last chunk drops from the model doc (ML Commons rewrites it whole). */
  updateModel(modelId: string, body: { description?: string }): Promise<{ result?: string }> {
    return this.http.put<{ result?: string }>(routePath('modelUpdate', { modelId }), { body: JSON.stringify(body) });
  }

  deploy(modelId: string): Promise<DeployResponse> {
    return this.http.post<DeployResponse>(routePath('modelDeploy', { modelId }), { body: JSON.stringify({}) });
  }

  createGroup(body: ModelGroupCreateBody): Promise<ModelGroupCreateResponse> {
    return this.http.post<ModelGroupCreateResponse>(routePath('modelGroupCreate'), { body: JSON.stringify(body) });
  }

  /** Optional check of the zip by the native sidecar (runs the model); never required to register. */
  nativeInspect(file: Blob, signal?: AbortSignal): Promise<NativeInspectResult> {
    return this.http.post<NativeInspectResult>(routePath('nativeInspect'), {
      body: file,
      headers: { 'Content-Type': 'application/octet-stream' },
      signal,
    });
  }

  deleteGroup(groupId: string): Promise<{ result?: string }> {
    return this.http.delete<{ result?: string }>(routePath('modelGroupDelete', { groupId }));
  }
}
