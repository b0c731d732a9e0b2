import { routePath } from '../../common/routes';
import { createFakeHttp, httpError } from '../../test/mocks/public_http';
import { createApis } from './index';
import { errorCode, errorMessage, errorStatus } from './errors';

describe('API classes', () => {
  it('build paths with routePath and send only the query values that are set', async () => {
    const http = createFakeHttp({ get: { [routePath('models')]: { total: 0, items: [] } } });
    const apis = createApis(http);
    await apis.models.search({ search: '', states: [], from: 0, size: 20, model_group_id: undefined, sort_field: 'name' });
    expect(http.get).toHaveBeenCalledWith('/api/ml-models/models', { query: { from: 0, size: 20, sort_field: 'name' }, signal: undefined });
  });

  it('send bodies as JSON and encode path parameters', async () => {
    const predictPath = routePath('predict', { functionName: 'text_embedding', modelId: 'a_b-1' });
    const deployPath = routePath('modelDeploy', { modelId: 'm1' });
    const http = createFakeHttp({ post: { [predictPath]: { inference_results: [] }, [deployPath]: { task_id: 't', status: 'CREATED' } } });
    const apis = createApis(http);
    await apis.predict.predict('text_embedding', 'a_b-1', { text_docs: ['x'] });
    expect(http.post).toHaveBeenCalledWith('/api/ml-models/predict/text_embedding/a_b-1', { body: '{"text_docs":["x"]}', signal: undefined });
    await apis.models.deploy('m1', { node_ids: ['n1'] });
    expect(http.post).toHaveBeenLastCalledWith('/api/ml-models/models/m1/_deploy', { body: '{"node_ids":["n1"]}' });
  });

  it("refuse a zip over the server's native limit before sending it (OSD reads a refused body whole before its 413)", async () => {
    const http = createFakeHttp({
      get: { [routePath('nativeStatus')]: { zip_limit: { bytes: 10, setting: 'ml_models.native.maxZipBytes' } } },
      post: { [routePath('nativeInspect')]: { sha256: 'x' } },
    });
    const apis = createApis(http);
    const err = await apis.native.inspect(new Blob(['x'.repeat(11)])).catch((e) => e);
    expect([errorStatus(err), errorCode(err), errorMessage(err)]).toEqual([413, 'zip_too_large', 'The zip is larger than 10 bytes (ml_models.native.maxZipBytes)']);
    expect(http.post).not.toHaveBeenCalled();
    await apis.native.inspect(new Blob(['x'.repeat(10)]));
    expect(http.post).toHaveBeenCalledTimes(1);
    // The limit is read once.
    expect(http.get).toHaveBeenCalledTimes(1);
  });

  it('send the zip when the native limit cannot be read: the server decides', async () => {
    const http = createFakeHttp({ post: { [routePath('nativeInspect')]: { sha256: 'x' } } });
    await createApis(http).native.inspect(new Blob(['zip']));
    expect(http.post).toHaveBeenCalledTimes(1);
  });

  it('ask the profile route for the given model ids', async () => {
    const http = createFakeHttp({ get: { [routePath('profileModels')]: {} } });
    await createApis(http).cluster.profileModels(['m1', 'm2']);
    expect(http.get).toHaveBeenCalledWith('/api/ml-models/profile/models', { query: { model_ids: ['m1', 'm2'] }, signal: undefined });
  });
});

describe('errorMessage', () => {
  it("prefers the Boom body's message (ML Commons' reason)", () => {
    expect(errorMessage(httpError(409, 'Model m1 is deployed; undeploy it first'))).toBe('Model m1 is deployed; undeploy it first');
  });

  it('falls back to the error message, then to the value itself', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
    expect(errorMessage(Object.assign(new Error('Bad Gateway'), { body: {} }))).toBe('Bad Gateway');
    expect(errorMessage('plain')).toBe('plain');
  });
});

describe('errorStatus and errorCode', () => {
  it("read the route's status and native inference's code", () => {
    const err = httpError(404, 'not in the native cache', { code: 'model_not_cached' });
    expect(errorStatus(err)).toBe(404);
    expect(errorCode(err)).toBe('model_not_cached');
  });

  it('are undefined for network failures and bodies without them', () => {
    expect(errorStatus(new TypeError('Failed to fetch'))).toBeUndefined();
    expect(errorCode(httpError(400, 'bad'))).toBeUndefined();
    expect(errorCode(Object.assign(new Error('x'), { body: 'text' }))).toBeUndefined();
    expect(errorStatus(Object.assign(new Error('x'), { response: { status: 502 } }))).toBe(502);
  });
});
