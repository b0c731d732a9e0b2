import { AccessMode } from '../ml_commons';
import { PageParams, SortDirection } from './search';

/** A model group as stored in `.plugins-ml-model-group`, plus its id. */
export interface ModelGroup {
  id: string;
  name: string;
  description?: string;
  latest_version: number;
  access?: AccessMode | string;
  backend_roles?: string[];
  owner?: { name?: string; backend_roles?: string[]; roles?: string[] };
  created_time?: number;
  last_updated_time?: number;
}

export const MODEL_GROUP_SORT_FIELDS = ['name', 'created_time', 'last_updated_time', 'latest_version'] as const;
export type ModelGroupSortField = typeof MODEL_GROUP_SORT_FIELDS[number];

export interface ModelGroupSearchParams extends PageParams {
  /** Matches the name (case-insensitive, substring) or the exact id. */
  search?: string;
  /** Only these groups (at most a page of them), e.g. to name the groups of the models shown. */
  ids?: string[];
  sort_field?: ModelGroupSortField;
  sort_direction?: SortDirection;
}

export interface ModelGroupCreateBody {
  name: string;
  description?: string;
  access_mode?: AccessMode;
  backend_roles?: string[];
  add_all_backend_roles?: boolean;
}

export interface ModelGroupUpdateBody {
  name?: string;
  description?: string;
  access_mode?: AccessMode;
  backend_roles?: string[];
  add_all_backend_roles?: boolean;
}

export interface ModelGroupCreateResponse {
  model_group_id: string;
  status: string;
}
