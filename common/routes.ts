import { API_BASE } from './constants';

/**
 * The plugin's HTTP API: one entry per route, shared by the server (registration) and the browser
 * (URL building). Path parameters use OSD's `{name}` syntax.
 */
export const ROUTES = {
  modelGroups: { method: 'get', path: `${API_BASE}/model_groups` },
  modelGroup: { method: 'get', path: `${API_BASE}/model_groups/{groupId}` },
  modelGroupCreate: { method: 'post', path: `${API_BASE}/model_groups` },
  modelGroupUpdate: { method: 'put', path: `${API_BASE}/model_groups/{groupId}` },
  modelGroupDelete: { method: 'delete', path: `${API_BASE}/model_groups/{groupId}` },

  models: { method: 'get', path: `${API_BASE}/models` },
  model: { method: 'get', path: `${API_BASE}/models/{modelId}` },
  modelRegisterUrl: { method: 'post', path: `${API_BASE}/models/_register` },
  modelRegisterMeta: { method: 'post', path: `${API_BASE}/models/_register_meta` },
  modelUploadChunk: { method: 'post', path: `${API_BASE}/models/{modelId}/chunk/{chunkNumber}` },
  modelUpdate: { method: 'put', path: `${API_BASE}/models/{modelId}` },
  modelDelete: { method: 'delete', path: `${API_BASE}/models/{modelId}` },
  modelDeploy: { method: 'post', path: `${API_BASE}/models/{modelId}/_deploy` },
  modelUndeploy: { method: 'post', path: `${API_BASE}/models/{modelId}/_undeploy` },

  tasks: { method: 'get', path: `${API_BASE}/tasks` },
  task: { method: 'get', path: `${API_BASE}/tasks/{taskId}` },
  taskDelete: { method: 'delete', path: `${API_BASE}/tasks/{taskId}` },

  predict: { method: 'post', path: `${API_BASE}/predict/{functionName}/{modelId}` },

  profileModels: { method: 'get', path: `${API_BASE}/profile/models` },
  profileModel: { method: 'get', path: `${API_BASE}/profile/models/{modelId}` },
  profileNodes: { method: 'get', path: `${API_BASE}/profile/nodes` },

  readiness: { method: 'get', path: `${API_BASE}/cluster/readiness` },
  readinessApply: { method: 'put', path: `${API_BASE}/cluster/settings` },

  nativeInspect: { method: 'post', path: `${API_BASE}/native/inspect` },
  nativePredict: { method: 'post', path: `${API_BASE}/native/predict/{functionName}/{sha256}` },
  nativeStatus: { method: 'get', path: `${API_BASE}/native/status` },
  nativeModels: { method: 'get', path: `${API_BASE}/native/models` },
} as const;

export type RouteName = keyof typeof ROUTES;
export type RouteMethod = typeof ROUTES[RouteName]['method'];

/** Fills `{name}` placeholders, encoding each value (values are validated ids anyway). */
export function routePath(name: RouteName, params: Record<string, string | number> = {}): string {
  return ROUTES[name].path.replace(/\{(\w+)\}/g, (_m, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`Missing path parameter "${key}" for route ${name}`);
    return encodeURIComponent(String(value));
  });
}
