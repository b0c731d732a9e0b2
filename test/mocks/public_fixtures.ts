import type { Model, ModelGroup, Page, ReadinessResponse, Task } from '../../common/types';

export function page<T>(items: T[], total = items.length): Page<T> {
  return { total, items };
}

export function model(overrides: Partial<Model> & { id: string }): Model {
  return {
    name: `model ${overrides.id}`,
    model_version: '1',
    algorithm: 'TEXT_EMBEDDING',
    model_format: 'ONNX',
    model_state: 'REGISTERED',
    created_time: Date.UTC(2024, 0, 2, 3, 4, 5),
    ...overrides,
  };
}

export function modelGroup(overrides: Partial<ModelGroup> & { id: string }): ModelGroup {
  return { name: `group ${overrides.id}`, latest_version: 1, access: 'public', last_updated_time: Date.UTC(2024, 0, 2), ...overrides };
}

export function task(overrides: Partial<Task> & { id: string }): Task {
  return { task_type: 'REGISTER_MODEL', state: 'COMPLETED', function_name: 'TEXT_EMBEDDING', create_time: Date.UTC(2024, 0, 2), ...overrides };
}

export const READY: ReadinessResponse = {
  settings: [],
  checks: [
    { id: 'register_via_url', ok: true, message: 'Registering models by URL is allowed.' },
    { id: 'eligible_nodes', ok: false, message: 'No ML node: models run on data nodes only if only_run_on_ml_node is false.' },
  ],
  nodes: [{ id: 'n1', name: 'node-1', roles: ['data'] }],
};
