import { ReadinessSetting } from '../ml_commons';

export type SettingSource = 'transient' | 'persistent' | 'defaults' | 'unset';

export interface ReadinessSettingValue {
  key: ReadinessSetting;
  /** Full cluster setting name, e.g. `plugins.ml_commons.only_run_on_ml_node`. */
  setting: string;
  value: string | string[] | null;
  source: SettingSource;
}

export interface ReadinessCheck {
  id: 'register_via_url' | 'register_via_local_file' | 'trusted_urls' | 'eligible_nodes' | 'memory_guards' | 'model_capacity' | 'local_model_enabled';
  ok: boolean;
  message: string;
}

export interface ReadinessResponse {
  settings: ReadinessSettingValue[];
  checks: ReadinessCheck[];
  /** Node ids and names of nodes that can run local models right now. */
  nodes: Array<{ id: string; name: string; roles: string[] }>;
  /** The oldest OpenSearch version among the cluster's nodes, e.g. "2.19.6". */
  version?: string;
}

/**
 * Settings a user may change from the readiness panel, with the values the panel offers. The
 * cluster itself decides whether the current user may (403 otherwise).
 */
export interface ReadinessApplyBody {
  settings: Partial<{
    allow_registering_model_via_url: boolean;
    allow_registering_model_via_local_file: boolean;
    only_run_on_ml_node: boolean;
    native_memory_threshold: number;
    jvm_heap_memory_threshold: number;
    allow_custom_deployment_plan: boolean;
  }>;
}
