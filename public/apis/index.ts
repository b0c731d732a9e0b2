import type { HttpSetup } from '../../types/osd';
import { DataSourceId, withDataSource } from '../lib/data_source';
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

/**
 * The cluster's APIs talk to the chosen data source; native inference runs on this Dashboards
 * host whatever cluster is chosen, so its calls never carry one.
 */
export function createApis(http: HttpSetup, dataSourceId?: DataSourceId): Apis {
  const cluster = withDataSource(http, dataSourceId);
  return {
    modelGroups: new ModelGroupApi(cluster),
    models: new ModelApi(cluster),
    tasks: new TaskApi(cluster),
    predict: new PredictApi(cluster),
    cluster: new ClusterApi(cluster),
    native: new NativeApi(http),
  };
}

export { ClusterApi, ModelApi, ModelGroupApi, NativeApi, PredictApi, TaskApi };
export { errorMessage, isAbortError } from './errors';
