import type {
  DeployResponse,
  Model,
  ModelGroupCreateBody,
  ModelGroupCreateResponse,
  ModelRegisterMetaBody,
  ModelRegisterUrlBody,
  RegisterMetaResponse,
  RegisterUrlResponse,
  Task,
} from '../../common/types';
import { chunkCount } from '../../common/upload';
import type { Apis } from '../apis';
import { errorMessage, errorStatus, isAbortError, isTransientError } from '../apis/errors';
import { throwIfAborted } from './blob_slices';
import { ChunkUploader, ChunkUploaderOptions, UploadProgress } from './chunk_uploader';
import { isTerminal, pollTask } from './poll_task';
import { defaultSleep, Sleep } from './sleep';
import { cachedSha256, HashProgress } from './sha256';
import { taskMessageHint } from './task_hints';

/** How long a new group's delete waits after its model's (one index refresh). */
const GROUP_DELETE_DELAY_MS = 1000;

/** The calls the flow makes (`registerFlowApi` builds them from the app's API clients; tests pass fakes). */
export interface RegisterFlowApi {
  registerMeta(body: ModelRegisterMetaBody, signal?: AbortSignal): Promise<RegisterMetaResponse>;
  uploadChunk(modelId: string, chunkNumber: number, bytes: Blob, signal?: AbortSignal): Promise<unknown>;
  registerUrl(body: ModelRegisterUrlBody, signal?: AbortSignal): Promise<RegisterUrlResponse>;
  getModel(modelId: string, signal?: AbortSignal): Promise<Model>;
  getTask(taskId: string, signal?: AbortSignal): Promise<Task>;
  deleteModel(modelId: string): Promise<unknown>;
  updateModel(modelId: string, body: { description?: string }): Promise<unknown>;
  deploy(modelId: string): Promise<DeployResponse>;
  createGroup(body: ModelGroupCreateBody): Promise<ModelGroupCreateResponse>;
  deleteGroup(groupId: string): Promise<unknown>;
}

/** The flow's calls, made by the app's one API client per resource. */
export function registerFlowApi(apis: Pick<Apis, 'models' | 'tasks' | 'modelGroups'>): RegisterFlowApi {
  const { models, tasks, modelGroups } = apis;
  return {
    registerMeta: (body, signal) => models.registerMeta(body, signal),
    uploadChunk: (modelId, n, bytes, signal) => models.uploadChunk(modelId, n, bytes, signal),
    registerUrl: (body, signal) => models.registerUrl(body, signal),
    getModel: (modelId, signal) => models.get(modelId, signal),
    getTask: (taskId, signal) => tasks.get(taskId, signal),
    deleteModel: (modelId) => models.delete(modelId),
    updateModel: (modelId, body) => models.update(modelId, body),
    deploy: (modelId) => models.deploy(modelId),
    createGroup: (body) => modelGroups.create(body),
    deleteGroup: (groupId) => modelGroups.delete(groupId),
  };
}

/** The registration fields shared by both paths (hash, size, group and source are added by the flow). */
export type ModelFields = Omit<ModelRegisterMetaBody, 'model_content_hash_value' | 'model_content_size_in_bytes' | 'total_chunks' | 'model_group_id'>;

export type RegisterSource = { kind: 'file'; file: Blob } | { kind: 'url'; url: string; hash: string };
export type GroupChoice = { kind: 'existing'; id: string } | { kind: 'new'; body: ModelGroupCreateBody };

export interface RegisterRequest {
  source: RegisterSource;
  group: GroupChoice;
  model: ModelFields;
  deploy: boolean;
}

export type FlowPhase =
  | 'idle'
  | 'creating_group'
  | 'hashing'
  | 'registering'
  | 'uploading'
  | 'waiting_registered'
  | 'waiting_task'
  | 'deploying'
  | 'cleaning_up'
  | 'done'
  | 'failed'
  | 'cancelled';

export interface FlowState {
  phase: FlowPhase;
  hashProgress?: HashProgress;
  uploadProgress?: UploadProgress;
  hash?: string;
  groupId?: string;
  /** The group this run created (deleted again if registering fails). */
  createdGroup?: boolean;
  /** That group was deleted again; while it was not, a retry registers into it rather than making another of the same name. */
  groupDeleted?: boolean;
  modelId?: string;
  /**
   * The model reached REGISTERED: it is kept whatever happens next (a deploy cancelled or failed,
   * a read-back refused), so the result offers the model rather than registering it again.
   */
  registered?: boolean;
  /**
   * Every chunk reached ML Commons but the model's state could not be read (network, 5xx): it may
   * well be REGISTERED, so it is kept (not deleted as half-made) and the result says so.
   */
  unconfirmed?: boolean;
  registerTaskId?: string;
  registerTask?: Task;
  model?: Model;
  deployTaskId?: string;
  deployTask?: Task;
  /** What failed, in the user's terms, and ML Commons' reason. */
  error?: { step: string; message: string };
  /** What was cleaned up (or could not be) after a failure or cancel. */
  cleanup: string[];
  warnings: string[];
}

export interface RegisterFlowOptions {
  onChange?: (state: FlowState) => void;
  sleep?: Sleep;
  /** How often tasks and the model are polled (ML Commons' own UI uses 2 s). */
  pollMs?: number;
  /** How long to wait for REGISTERED after the last chunk before giving up. */
  registeredTimeoutMs?: number;
  /** How long a task is polled before giving up (default TASK_TIMEOUT_MS). */
  taskTimeoutMs?: number;
  hash?: (file: Blob, opts: { signal?: AbortSignal; onProgress?: (p: HashProgress) => void }) => Promise<string>;
  uploader?: Omit<ChunkUploaderOptions, 'send' | 'onProgress'>;
  now?: () => number;
}

class StepError extends Error {
  constructor(readonly step: string, readonly cause: unknown) {
    super(errorMessage(cause));
  }
}

const isAbort = (e: unknown): boolean => isAbortError(e) || (e instanceof StepError && isAbort(e.cause));

/** A URL registration's task was started and not seen to end (cancelled, unreadable, too slow): it may still add the version. */
export function urlTaskMayRun(state: Pick<FlowState, 'registerTaskId' | 'registerTask'>): boolean {
  return !!state.registerTaskId && !(state.registerTask && isTerminal(state.registerTask));
}

/**
 * Registers one model version, end to end, and leaves nothing behind when it fails: a model
 * still REGISTERING after a failed or cancelled chunked upload is deleted, and a group this run
 * created is deleted with it. Once the model is REGISTERED it is kept whatever happens next
 * (a failed deploy is reported, not undone).
 */
export class RegisterFlow {
  private state: FlowState = { phase: 'idle', cleanup: [], warnings: [] };
  private readonly sleep: Sleep;
  private readonly pollMs: number;
  private readonly now: () => number;

  constructor(private readonly api: RegisterFlowApi, private readonly opts: RegisterFlowOptions = {}) {
    this.sleep = opts.sleep || defaultSleep;
    this.pollMs = opts.pollMs ?? 2000;
    this.now = opts.now || (() => Date.now());
  }

  private set(patch: Partial<FlowState>) {
    this.state = { ...this.state, ...patch };
    this.opts.onChange?.(this.state);
  }

  private async step<T>(step: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof StepError) throw err;
      throw new StepError(step, err);
    }
  }

  async run(req: RegisterRequest, signal: AbortSignal): Promise<FlowState> {
    this.state = { phase: 'idle', cleanup: [], warnings: [] };
    try {
      const groupId = await this.resolveGroup(req.group);
      if (req.source.kind === 'file') {
        await this.registerFile(req, req.source.file, groupId, signal);
      } else {
        await this.registerUrl(req, req.source, groupId, signal);
      }
      await this.reapplyDescription(req);
      if (req.deploy) await this.deploy(signal);
      this.set({ phase: 'done' });
    } catch (err) {
      const cancelled = isAbort(err);
      const error = cancelled ? undefined : { step: err instanceof StepError ? err.step : 'Registering', message: errorMessage(err instanceof StepError ? err.cause : err) };
      if (!this.state.registered) await this.cleanUp(req.source.kind === 'url' && urlTaskMayRun(this.state));
      this.set({ phase: cancelled ? 'cancelled' : 'failed', error });
    }
    return this.state;
  }

  private async resolveGroup(group: GroupChoice): Promise<string> {
    if (group.kind === 'existing') {
      this.set({ groupId: group.id });
      return group.id;
    }
    this.set({ phase: 'creating_group' });
    const res = await this.step(`Creating the model group "${group.body.name}"`, () => this.api.createGroup(group.body));
    this.set({ groupId: res.model_group_id, createdGroup: true });
    return res.model_group_id;
  }

  private async registerFile(req: RegisterRequest, file: Blob, groupId: string, signal: AbortSignal) {
    this.set({ phase: 'hashing' });
    const hashFn = this.opts.hash || cachedSha256;
    const hash = await this.step('Computing the SHA-256 of the zip', () => hashFn(file, { signal, onProgress: (hashProgress) => this.set({ hashProgress }) }));
    throwIfAborted(signal);
    this.set({ hash, phase: 'registering' });
    // No abort signal: once sent, ML Commons creates the model anyway, and only its answer says
    // which one to delete when the user has cancelled meanwhile.
    const meta = await this.step('Registering the model', () =>
      this.api.registerMeta({
        ...req.model,
        model_group_id: groupId,
        model_content_hash_value: hash,
        model_content_size_in_bytes: file.size,
        total_chunks: chunkCount(file.size),
      })
    );
    this.set({ modelId: meta.model_id, phase: 'uploading' });
    throwIfAborted(signal);
    let current = 0;
    const uploader = new ChunkUploader({
      ...this.opts.uploader,
      sleep: this.opts.uploader?.sleep || this.sleep,
      send: (n, bytes, s) => {
        current = n;
        return this.api.uploadChunk(meta.model_id, n, bytes, s);
      },
      onProgress: (uploadProgress) => this.set({ uploadProgress }),
    });
    const total = chunkCount(file.size);
    await this.step('Uploading', () =>
      uploader.upload(file, signal).catch((err) => {
        throw new StepError(`Uploading chunk ${current + 1} of ${total}`, err);
      })
    );
    // The last chunk flips the model to REGISTERED; confirm before calling it done.
    this.set({ phase: 'waiting_registered' });
    const deadline = this.now() + (this.opts.registeredTimeoutMs ?? 60000);
    for (;;) {
      let model: Model | undefined;
      try {
        model = await this.api.getModel(meta.model_id, signal);
      } catch (err) {
        // One failed read must not throw away a finished upload: read again until the deadline.
        if (signal.aborted || !isTransientError(err)) throw new StepError('Checking the model', err);
        if (this.now() > deadline) {
          this.set({ unconfirmed: true });
          throw new StepError('Checking the model', new Error(`Every chunk was uploaded, but the model's state could not be read: ${errorMessage(err)}`));
        }
      }
      if (model && (model.model_state === 'REGISTERED' || model.model_state === 'DEPLOYED')) {
        this.set({ model, registered: true });
        return;
      }
      if (model) this.set({ model });
      if (model && this.now() > deadline) {
        throw new StepError('Waiting for the model to be registered', new Error(`The model is still ${model.model_state} after every chunk was uploaded.`));
      }
      await this.sleep(Math.min(this.pollMs, 500), signal);
    }
  }

  private async registerUrl(req: RegisterRequest, source: { url: string; hash: string }, groupId: string, signal: AbortSignal) {
    this.set({ phase: 'registering', hash: source.hash });
    const res = await this.step('Registering the model from its URL', () =>
      // No abort signal, as above: the task it starts must be known to be reported.
      this.api.registerUrl({ ...req.model, model_group_id: groupId, model_content_hash_value: source.hash, url: source.url })
    );
    this.set({ registerTaskId: res.task_id, phase: 'waiting_task' });
    throwIfAborted(signal);
    const task = await this.pollTask(res.task_id, 'registerTask', 'ML Commons registering the model', signal);
    if (task.state !== 'COMPLETED' || !task.model_id) {
      const hint = task.error ? taskMessageHint(task.error, 'REGISTER_MODEL') : undefined;
      throw new StepError('ML Commons registering the model', new Error(task.error ? `${task.error}${hint ? ` (${hint})` : ''}` : `The register task ended ${task.state}.`));
    }
    // Registered from here on, even if reading it back fails: it must be kept and linked, not
    // cleaned up or registered again.
    this.set({ modelId: task.model_id, registered: true });
    const model = await this.step('Reading the registered model', () => this.api.getModel(task.model_id!, signal));
    this.set({ model });
  }

  private pollTask(taskId: string, key: 'registerTask' | 'deployTask', step: string, signal: AbortSignal): Promise<Task> {
    return this.step(step, () =>
      pollTask({ get: (id, s) => this.api.getTask(id, s) }, taskId, {
        signal,
        everyMs: this.pollMs,
        timeoutMs: this.opts.taskTimeoutMs,
        sleep: this.sleep,
        now: this.now,
        onUpdate: (task) => this.set({ [key]: task } as Partial<FlowState>),
      })
    );
  }

  /** ML Commons drops `description` when the last chunk rewrites the model doc; put it back. */
  private async reapplyDescription(req: RegisterRequest) {
    const { modelId, model } = this.state;
    if (!modelId || !req.model.description || model?.description === req.model.description) return;
    // Updating local models is allowed for TEXT_EMBEDDING only (others answer 403).
    if ((req.model.function_name || 'TEXT_EMBEDDING') !== 'TEXT_EMBEDDING') {
      this.set({ warnings: [...this.state.warnings, 'ML Commons does not keep the description of chunk-uploaded models other than text embedding.'] });
      return;
    }
    try {
      await this.api.updateModel(modelId, { description: req.model.description });
    } catch (err) {
      this.set({ warnings: [...this.state.warnings, `The description could not be saved: ${errorMessage(err)}`] });
    }
  }

  private async deploy(signal: AbortSignal) {
    const modelId = this.state.modelId!;
    this.set({ phase: 'deploying' });
    const res = await this.step('Deploying', () => this.api.deploy(modelId));
    this.set({ deployTaskId: res.task_id });
    const task = await this.pollTask(res.task_id, 'deployTask', 'Deploying', signal);
    const model = await this.step('Reading the deployed model', () => this.api.getModel(modelId, signal));
    this.set({ model });
    if (task.state !== 'COMPLETED') {
      throw new StepError('Deploying', new Error(task.error || `The deploy task ended ${task.state}.`));
    }
  }

  private async cleanUp(urlStillRunning: boolean) {
    const { modelId, groupId, createdGroup, registerTaskId } = this.state;
    const notes: string[] = [];
    this.set({ phase: 'cleaning_up' });
    if (urlStillRunning) {
      // ML Commons keeps downloading; its own failure path removes the model. Keep the group it may land in.
      notes.push(`ML Commons may still be registering the model from its URL (task ${registerTaskId}); see the Tasks page.`);
      this.set({ cleanup: notes });
      return;
    }
    if (modelId && this.state.unconfirmed) {
      // Its last chunk was taken: ML Commons has most likely registered it, so deleting could destroy a finished upload.
      notes.push(`Kept the model ${modelId}: every chunk reached ML Commons, which has most likely registered it. Check it on the Models page, where an upload that never finished can also be cleaned up.`);
      this.set({ cleanup: notes });
      return;
    }
    let modelDeleted = false;
    if (modelId) {
      try {
        await this.api.deleteModel(modelId);
        modelDeleted = true;
        notes.push(`Deleted the half-registered model ${modelId}, so nothing is left behind.`);
      } catch (err) {
        notes.push(`Could not delete the half-registered model ${modelId}: ${errorMessage(err)}. Delete it from the Models page.`);
      }
    }
    if (createdGroup && groupId) {
      notes.push(await this.deleteCreatedGroup(groupId, modelDeleted));
    }
    this.set({ cleanup: notes });
  }

  /** A group with model docs left (chunks are deleted by query, a moment later) answers 409: retry briefly. */
  private async deleteCreatedGroup(groupId: string, modelJustDeleted: boolean): Promise<string> {
    const never = new AbortController().signal;
    // ML Commons refuses a group its search still finds models in, and a deleted model stays
    // found until the index refreshes (each second): deleting at once mostly met a 409, which
    // browsers and the Dashboards log show as an error though the retry then succeeds.
    if (modelJustDeleted) await this.sleep(GROUP_DELETE_DELAY_MS, never);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.api.deleteGroup(groupId);
        this.set({ groupDeleted: true });
        return `Deleted the model group ${groupId} created for this version.`;
      } catch (err) {
        if (errorStatus(err) === 409 && attempt < 5) {
          await this.sleep(1000, never);
          continue;
        }
        return `Could not delete the model group ${groupId} created for this version: ${errorMessage(err)}.`;
      }
    }
  }
}
