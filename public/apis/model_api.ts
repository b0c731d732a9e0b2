import { routePath } from '../../common/routes';
import type {
  DeployBody,
  DeployResponse,
  Model,
  ModelRegisterMetaBody,
  ModelRegisterUrlBody,
  ModelSearchParams,
  ModelUpdateBody,
  Page,
  RegisterMetaResponse,
  RegisterUrlResponse,
  UndeployResponse,
  UploadChunkResponse,
} from '../../common/types';
import type { HttpSetup } from '../../types/osd';
import { DeletedNotifier } from './deleted_notifier';
import { toQuery } from './query';

export class ModelApi {
  private readonly deleted = new DeletedNotifier();

  constructor(private readonly http: HttpSetup) {}

  /** Calls `listener` after each model this client deletes; returns the unsubscribe function. */
  onDeleted(listener: (modelId: string) => void): () => void {
    return this.deleted.subscribe(listener);
  }

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

  search(params: ModelSearchParams, signal?: AbortSignal): Promise<Page<Model>> {
    return this.http.get<Page<Model>>(routePath('models'), { query: toQuery(params), signal });
  }

  get(modelId: string, signal?: AbortSignal): Promise<Model> {
    return this.http.get<Model>(routePath('model', { modelId }), { signal });
  }

  update(modelId: string, body: ModelUpdateBody): Promise<{ result?: string }> {
    return this.http.put<{ result?: string }>(routePath('modelUpdate', { modelId }), { body: JSON.stringify(body) });
  }

  async delete(modelId: string): Promise<{ result?: string }> {
    const result = await this.http.delete<{ result?: string }>(routePath('modelDelete', { modelId }));
    this.deleted.notify(modelId);
    return result;
  }

  deploy(modelId: string, body: DeployBody = {}): Promise<DeployResponse> {
    return this.http.post<DeployResponse>(routePath('modelDeploy', { modelId }), { body: JSON.stringify(body) });
  }

  undeploy(modelId: string): Promise<UndeployResponse> {
    return this.http.post<UndeployResponse>(routePath('modelUndeploy', { modelId }));
  }
}
