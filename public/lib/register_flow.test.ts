import { CHUNK_SIZE_BYTES } from '../../common/constants';
import type { Model, Task } from '../../common/types';
import { httpError } from '../../test/mocks/public_http';
import { FlowState, RegisterFlow, RegisterFlowApi, RegisterRequest } from './register_flow';

const HASH = 'a'.repeat(64);

function sizedBlob(size: number): Blob {
  return { size, type: '', slice: (s = 0, e = size) => ({ size: e - s } as Blob) } as unknown as Blob;
}

function fakeApi(overrides: Partial<Record<keyof RegisterFlowApi, jest.Mock>> = {}) {
  const states: Record<string, string> = {};
  const api = {
    registerMeta: jest.fn(async () => {
      states.m1 = 'REGISTERING';
      return { model_id: 'm1', status: 'CREATED' };
    }),
    uploadChunk: jest.fn(async (_id: string, n: number) => {
      if (n === 2) states.m1 = 'REGISTERED';
      return { status: 'Uploaded' };
    }),
    registerUrl: jest.fn(async () => ({ task_id: 't1', status: 'CREATED' })),
    getModel: jest.fn(async (id: string): Promise<Model> => ({ id, name: 'm', model_state: states[id] || 'REGISTERED' })),
    getTask: jest.fn(async (id: string): Promise<Task> => ({ id, state: 'COMPLETED', model_id: 'm9' })),
    deleteModel: jest.fn(async () => ({ result: 'deleted' })),
    updateModel: jest.fn(async () => ({ result: 'updated' })),
    deploy: jest.fn(async () => ({ task_id: 'd1', status: 'CREATED' })),
    createGroup: jest.fn(async () => ({ model_group_id: 'g-new', status: 'CREATED' })),
    deleteGroup: jest.fn(async () => ({ result: 'deleted' })),
    ...overrides,
  };
  return api;
}

function request(overrides: Partial<RegisterRequest> = {}): RegisterRequest {
  return {
    source: { kind: 'file', file: sizedBlob(2 * CHUNK_SIZE_BYTES + 5) },
    group: { kind: 'existing', id: 'g1' },
    model: {
      name: 'glove',
      description: 'GloVe averages',
      function_name: 'TEXT_EMBEDDING',
      model_format: 'ONNX',
      model_config: { model_type: 'bert', embedding_dimension: 100, framework_type: 'sentence_transformers' },
    },
    deploy: false,
    ...overrides,
  };
}

function flow(api: RegisterFlowApi) {
  const phases: string[] = [];
  const f = new RegisterFlow(api, {
    sleep: async () => undefined,
    pollMs: 1,
    hash: async () => HASH,
    onChange: (s: FlowState) => {
      if (phases[phases.length - 1] !== s.phase) phases.push(s.phase);
    },
  });
  return { f, phases };
}

describe('RegisterFlow, chunked upload', () => {
  it('hashes, registers the meta with size and chunk count, uploads, waits for REGISTERED, restores the description', async () => {
    const api = fakeApi();
    const { f, phases } = flow(api);
    const state = await f.run(request(), new AbortController().signal);
    expect(state.phase).toBe('done');
    expect(api.registerMeta).toHaveBeenCalledWith(
      {
        name: 'glove',
        description: 'GloVe averages',
        function_name: 'TEXT_EMBEDDING',
        model_format: 'ONNX',
        model_config: { model_type: 'bert', embedding_dimension: 100, framework_type: 'sentence_transformers' },
        model_group_id: 'g1',
        model_content_hash_value: HASH,
        model_content_size_in_bytes: 2 * CHUNK_SIZE_BYTES + 5,
        total_chunks: 3,
      }
    );
    expect(api.uploadChunk.mock.calls.map((c) => c[1])).toEqual([0, 1, 2]);
    expect(api.updateModel).toHaveBeenCalledWith('m1', { description: 'GloVe averages' });
    expect(phases.filter((p) => p !== 'idle')).toEqual(['hashing', 'registering', 'uploading', 'waiting_registered', 'done']);
    expect(api.deleteModel).not.toHaveBeenCalled();
  });

  it('deletes the half-registered model, and the group it created, when a chunk fails', async () => {
    const api = fakeApi({
      uploadChunk: jest.fn(async (_id: string, n: number) => {
        if (n === 1) throw httpError(400, 'Chunk size either 0 or null');
      }),
    });
    const { f } = flow(api);
    const state = await f.run(request({ group: { kind: 'new', body: { name: 'fresh' } } }), new AbortController().signal);
    expect(state.phase).toBe('failed');
    expect(state.error).toEqual({ step: 'Uploading chunk 2 of 3', message: 'Chunk size either 0 or null' });
    expect(api.createGroup).toHaveBeenCalledWith({ name: 'fresh' });
    expect(api.registerMeta.mock.calls[0][0]).toMatchObject({ model_group_id: 'g-new' });
    expect(api.deleteModel).toHaveBeenCalledWith('m1');
    expect(api.deleteGroup).toHaveBeenCalledWith('g-new');
    expect(state.cleanup).toEqual([
      'Deleted the half-registered model m1, so nothing is left behind.',
      'Deleted the model group g-new created for this version.',
    ]);
  });

  it('deletes the model when cancelled mid-upload, and keeps an existing group', async () => {
    const controller = new AbortController();
    const api = fakeApi({
      uploadChunk: jest.fn(async (_id: string, n: number) => {
        if (n === 1) controller.abort();
      }),
    });
    const { f } = flow(api);
    const state = await f.run(request(), controller.signal);
    expect(state.phase).toBe('cancelled');
    expect(state.error).toBeUndefined();
    expect(api.deleteModel).toHaveBeenCalledWith('m1');
    expect(api.deleteGroup).not.toHaveBeenCalled();
  });

  it('cancelled while the meta request is out: waits for its answer, then deletes that model and the new group (nothing left behind)', async () => {
    const controller = new AbortController();
    const api = fakeApi({
      // As core's fetch does: a request given a signal that aborts rejects, though the server
      // went on and made the model.
      registerMeta: jest.fn(async (_body: unknown, signal?: AbortSignal) => {
        controller.abort();
        if (signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
        return { model_id: 'm7', status: 'CREATED' };
      }),
    });
    const { f } = flow(api);
    const state = await f.run(request({ group: { kind: 'new', body: { name: 'fresh' } } }), controller.signal);
    expect(state.phase).toBe('cancelled');
    expect(api.uploadChunk).not.toHaveBeenCalled();
    expect(api.deleteModel).toHaveBeenCalledWith('m7');
    expect(api.deleteGroup).toHaveBeenCalledWith('g-new');
  });

  it("waits one index refresh after deleting the model before deleting the new group, which ML Commons' search would still find it in", async () => {
    const calls: string[] = [];
    const api = fakeApi({
      registerMeta: jest.fn(async () => ({ model_id: 'm7', status: 'CREATED' })),
      uploadChunk: jest.fn(async () => {
        throw httpError(400, 'Chunk size either 0 or null');
      }),
      deleteModel: jest.fn(async () => void calls.push('deleteModel')),
      deleteGroup: jest.fn(async () => void calls.push('deleteGroup')),
    });
    const f = new RegisterFlow(api, { sleep: async (ms: number) => void calls.push(`sleep ${ms}`), pollMs: 1, hash: async () => HASH });
    const state = await f.run(request({ group: { kind: 'new', body: { name: 'fresh' } } }), new AbortController().signal);
    expect(state.error?.message).toMatch(/Chunk size/);
    expect(calls.slice(-3)).toEqual(['deleteModel', 'sleep 1000', 'deleteGroup']);
  });

  it('retries deleting a new group while ML Commons still sees chunk docs in it (409)', async () => {
    let tries = 0;
    const api = fakeApi({
      registerMeta: jest.fn(async () => {
        throw httpError(400, 'To upload custom model from local file, user needs to enable allow_registering_model_via_local_file settings.');
      }),
      deleteGroup: jest.fn(async () => {
        if (++tries < 3) throw httpError(409, 'Cannot delete the model group when it has associated model versions');
        return { result: 'deleted' };
      }),
    });
    const { f } = flow(api);
    const state = await f.run(request({ group: { kind: 'new', body: { name: 'fresh' } } }), new AbortController().signal);
    expect(state.error?.message).toMatch(/allow_registering_model_via_local_file/);
    expect(api.deleteModel).not.toHaveBeenCalled();
    expect(api.deleteGroup).toHaveBeenCalledTimes(3);
  });

  it('deploys when asked and reports per-node errors without deleting the registered model', async () => {
    const api = fakeApi({
      getTask: jest
        .fn()
        .mockResolvedValueOnce({ id: 'd1', state: 'RUNNING', model_id: 'm1' })
        .mockResolvedValueOnce({ id: 'd1', state: 'FAILED', model_id: 'm1', error: '{"n1":"Exceed max local model per node limit"}' }),
    });
    const { f, phases } = flow(api);
    const state = await f.run(request({ deploy: true }), new AbortController().signal);
    expect(api.deploy).toHaveBeenCalledWith('m1');
    expect(state.phase).toBe('failed');
    expect(state.error).toEqual({ step: 'Deploying', message: '{"n1":"Exceed max local model per node limit"}' });
    expect(state.deployTask?.state).toBe('FAILED');
    expect(api.deleteModel).not.toHaveBeenCalled();
    expect(phases).toContain('deploying');
  });

  it('keeps the registered model, and says so, when cancelled while deploying', async () => {
    const controller = new AbortController();
    const api = fakeApi({
      getTask: jest.fn(async () => {
        controller.abort();
        return { id: 'd1', state: 'RUNNING', model_id: 'm1' };
      }),
    });
    const f = new RegisterFlow(api, {
      pollMs: 1,
      hash: async () => HASH,
      sleep: (_ms, signal) => (signal.aborted ? Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError' })) : Promise.resolve()),
    });
    const state = await f.run(request({ deploy: true }), controller.signal);
    expect(state).toMatchObject({ phase: 'cancelled', modelId: 'm1', registered: true, deployTaskId: 'd1' });
    expect(api.deleteModel).not.toHaveBeenCalled();
  });
  it('reads the model again when a read after the last chunk fails on its own (a 502 must not cost the upload)', async () => {
    const api = fakeApi();
    const getModel = api.getModel;
    api.getModel = jest.fn().mockRejectedValueOnce(httpError(502, 'Bad Gateway')).mockImplementation(getModel);
    const { f } = flow(api);
    const state = await f.run(request(), new AbortController().signal);
    expect(state).toMatchObject({ phase: 'done', registered: true, modelId: 'm1' });
    expect(api.getModel).toHaveBeenCalledTimes(2);
    expect(api.deleteModel).not.toHaveBeenCalled();
  });

  it('keeps an uploaded model, and its new group, whose state could not be read until the deadline', async () => {
    const api = fakeApi({ getModel: jest.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) });
    let clock = 0;
    const f = new RegisterFlow(api, { sleep: async (ms: number) => void (clock += ms), pollMs: 500, registeredTimeoutMs: 2000, now: () => clock, hash: async () => HASH });
    const state = await f.run(request({ group: { kind: 'new', body: { name: 'fresh' } } }), new AbortController().signal);
    expect(state).toMatchObject({ phase: 'failed', modelId: 'm1', unconfirmed: true, error: { step: 'Checking the model' } });
    expect(state.error?.message).toBe("Every chunk was uploaded, but the model's state could not be read: Failed to fetch");
    expect(state.cleanup).toEqual([expect.stringContaining('Kept the model m1')]);
    expect(api.deleteModel).not.toHaveBeenCalled();
    expect(api.deleteGroup).not.toHaveBeenCalled();
  });

  it('still deletes the model when the read is refused for good (404: it is gone)', async () => {
    const api = fakeApi({ getModel: jest.fn(async () => Promise.reject(httpError(404, 'Failed to find model'))) });
    const { f } = flow(api);
    const state = await f.run(request(), new AbortController().signal);
    expect(state).toMatchObject({ phase: 'failed', error: { step: 'Checking the model', message: 'Failed to find model' } });
    expect(state.unconfirmed).toBeUndefined();
    expect(api.getModel).toHaveBeenCalledTimes(1);
    expect(api.deleteModel).toHaveBeenCalledWith('m1');
  });
});

describe('RegisterFlow, by URL', () => {
  it('sends the hash with the URL, polls the task until COMPLETED and reads the model', async () => {
    const api = fakeApi({
      getTask: jest
        .fn()
        .mockResolvedValueOnce({ id: 't1', state: 'CREATED' })
        .mockResolvedValueOnce({ id: 't1', state: 'COMPLETED', model_id: 'm9' }),
    });
    const { f } = flow(api);
    const state = await f.run(request({ source: { kind: 'url', url: 'http://127.0.0.1:8000/m.zip', hash: HASH } }), new AbortController().signal);
    expect(api.registerUrl.mock.calls[0][0]).toMatchObject({ url: 'http://127.0.0.1:8000/m.zip', model_content_hash_value: HASH, model_group_id: 'g1' });
    expect(api.getTask).toHaveBeenCalledTimes(2);
    expect(state).toMatchObject({ phase: 'done', modelId: 'm9', registerTaskId: 't1' });
    expect(api.registerMeta).not.toHaveBeenCalled();
  });

  it('cancelled while the URL request is out: still learns the task it started, and says so', async () => {
    const controller = new AbortController();
    const api = fakeApi({
      registerUrl: jest.fn(async (_body: unknown, signal?: AbortSignal) => {
        controller.abort();
        if (signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
        return { task_id: 't5', status: 'CREATED' };
      }),
    });
    const { f } = flow(api);
    const state = await f.run(request({ source: { kind: 'url', url: 'https://example.test/m.zip', hash: HASH } }), controller.signal);
    expect(state.phase).toBe('cancelled');
    expect(state.cleanup).toEqual([expect.stringContaining('task t5')]);
  });

  it('keeps the registered model, and the group it went into, when reading it back fails', async () => {
    const api = fakeApi({ getModel: jest.fn(async () => Promise.reject(httpError(403, 'no permissions for [cluster:admin/opensearch/ml/models/get]'))) });
    const { f } = flow(api);
    const state = await f.run(
      request({ source: { kind: 'url', url: 'http://127.0.0.1:8000/m.zip', hash: HASH }, group: { kind: 'new', body: { name: 'fresh' } } }),
      new AbortController().signal
    );
    expect(state).toMatchObject({ phase: 'failed', modelId: 'm9', registered: true, error: { step: 'Reading the registered model' } });
    expect(api.deleteModel).not.toHaveBeenCalled();
    expect(api.deleteGroup).not.toHaveBeenCalled();
  });

  it('says what a hash mismatch means: ML Commons only says "model content changed"', async () => {
    const api = fakeApi({ getTask: jest.fn(async (id: string): Promise<Task> => ({ id, state: 'FAILED', error: 'model content changed' })) });
    const { f } = flow(api);
    const state = await f.run(request({ source: { kind: 'url', url: 'https://example.test/m.zip', hash: HASH } }), new AbortController().signal);
    expect(state.error?.message).toBe(
      'model content changed (the zip at the URL does not match the SHA-256 given: check the hash, and that the URL serves the zip it was computed from)'
    );
  });

  it('says a bare URL means the download found nothing there (what ML Commons stores for an HTTP 404)', async () => {
    const url = 'http://127.0.0.1:8765/nope/model.zip';
    const api = fakeApi({ getTask: jest.fn(async (id: string): Promise<Task> => ({ id, state: 'FAILED', error: url })) });
    const { f } = flow(api);
    const state = await f.run(request({ source: { kind: 'url', url, hash: HASH } }), new AbortController().signal);
    expect(state.error?.message).toBe(`${url} (ML Commons could not download the zip: the server answered that there is no file at this URL (HTTP 404))`);
  });

  it("shows the task's error in full and deletes the group it created", async () => {
    const reason = 'Model content Hash code need to be provided when register via url. Please calculate sha 256 Hash code.';
    const api = fakeApi({ getTask: jest.fn(async () => ({ id: 't1', state: 'FAILED', error: reason })) });
    const { f } = flow(api);
    const state = await f.run(
      request({ source: { kind: 'url', url: 'http://127.0.0.1:8000/m.zip', hash: HASH }, group: { kind: 'new', body: { name: 'fresh' } } }),
      new AbortController().signal
    );
    expect(state.error).toEqual({ step: 'ML Commons registering the model', message: reason });
    expect(api.deleteGroup).toHaveBeenCalledWith('g-new');
    expect(api.deleteModel).not.toHaveBeenCalled();
  });

  it('keeps the new group, and names the task, when the task can no longer be followed (its fate is unknown)', async () => {
    const api = fakeApi({ getTask: jest.fn().mockResolvedValueOnce({ id: 't1', state: 'RUNNING' }).mockRejectedValue(httpError(403, 'no permissions for [cluster:admin/opensearch/ml/tasks/get]')) });
    const { f } = flow(api);
    const state = await f.run(
      request({ source: { kind: 'url', url: 'http://127.0.0.1:8000/m.zip', hash: HASH }, group: { kind: 'new', body: { name: 'fresh' } } }),
      new AbortController().signal
    );
    expect(state).toMatchObject({ phase: 'failed', error: { step: 'ML Commons registering the model' } });
    expect(state.cleanup).toEqual([expect.stringContaining('may still be registering the model from its URL (task t1)')]);
    expect(api.deleteGroup).not.toHaveBeenCalled();
  });
});
