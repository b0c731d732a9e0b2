import type { HttpSetup } from '../../types/osd';
import { ClusterApi } from './cluster_api';
import { ModelApi } from './model_api';
import { ModelGroupApi } from './model_group_api';
import { NativeApi } from './native_api';
import { PredictApi } from './predict_api';
import { TaskApi } from './task_api';

export interface Apis {
  modelGroups: ModelGroupApi;
  models: ModelApi;
  tasks: TaskApi;
  predict: PredictApi;
  cluster: ClusterApi;
  native: NativeApi;
}

export function createApis(http: HttpSetup): Apis {
  return {
    modelGroups: new ModelGroupApi(http),
    models: new ModelApi(http),
    tasks: new TaskApi(http),
    predict: new PredictApi(http),
    cluster: new ClusterApi(http),
    native: new NativeApi(http),
  };
}

export { ClusterApi, ModelApi, ModelGroupApi, NativeApi, PredictApi, TaskApi };
export { errorMessage, isAbortError } from './errors';
