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
  id: 'register_via_url' | 'register_via_local_file' | 'eligible_nodes' | 'memory_guards' | 'local_model_enabled';
  ok: boolean;
  message: string;
}

export interface ReadinessResponse {
  settings: ReadinessSettingValue[];
  checks: ReadinessCheck[];
  /** Node ids and names of nodes that can run local models right now. */
  nodes: Array<{ id: string; name: string; roles: string[] }>;
}
