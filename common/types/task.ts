import { TaskState, TaskType } from '../ml_commons';
import { PageParams, SortDirection } from './search';

export interface Task {
  id: string;
  model_id?: string;
  task_type?: TaskType | string;
  function_name?: string;
  state?: TaskState | string;
  input_type?: string;
  worker_node?: string[];
  create_time?: number;
  last_update_time?: number;
  /** REGISTER_MODEL: a plain message. DEPLOY_MODEL: a JSON string mapping node id to message. */
  error?: string;
  is_async?: boolean;
}

export interface TaskSearchParams extends PageParams {
  model_id?: string;
  task_types?: TaskType[];
  states?: TaskState[];
  sort_direction?: SortDirection;
}
