import type { ReadinessSetting } from '../../../common/ml_commons';
import type { ReadinessApplyBody, ReadinessResponse } from '../../../common/types';
import { settingOn } from './readiness_values';

/** What each setting does, in plain words, with ML Commons' default. */
export const SETTING_INFO: Record<ReadinessSetting, { title: string; meaning: string }> = {
  allow_registering_model_via_url: {
    title: 'Register from a URL',
    meaning: 'Lets ML Commons download a model zip from a URL you give it. Off by default.',
  },
  allow_registering_model_via_local_file: {
    title: 'Upload a local file',
    meaning: 'Lets a model zip be uploaded in chunks, as this plugin does from your browser. Off by default.',
  },
  only_run_on_ml_node: {
    title: 'Only on ML nodes',
    meaning:
      'When on (the default), models run only on nodes with the "ml" role. A cluster without such nodes cannot deploy until it is off; then data nodes run them. Turning it back on undeploys every model running on a node without the "ml" role.',
  },
  native_memory_threshold: {
    title: 'Native memory limit',
    meaning: 'Deploy and predict are refused while native memory use on a node is above this percentage (default 90; 100 turns the check off).',
  },
  jvm_heap_memory_threshold: {
    title: 'JVM heap limit',
    meaning: 'Deploy and predict are refused while JVM heap use on a node is above this percentage (default 85; 100 turns the check off).',
  },
  disk_free_space_threshold: {
    title: 'Free disk needed',
    meaning: 'Registering is refused when a node has less free disk space than this.',
  },
  model_access_control_enabled: {
    title: 'Model access control',
    meaning: 'When on, model groups are public, private or restricted to backend roles (needs the Security plugin). Off by default: every group is public.',
  },
  allow_custom_deployment_plan: {
    title: 'Choose nodes when deploying',
    meaning: 'When on, a deploy may name the nodes to use. Off by default: ML Commons deploys to every eligible node.',
  },
  trusted_url_regex: {
    title: 'Trusted URLs',
    meaning: 'A URL registration is accepted only if the URL matches this pattern.',
  },
  max_model_on_node: {
    title: 'Models per node',
    meaning: 'The most models one node may hold deployed at once (default 10).',
  },
  'local_model.enabled': {
    title: 'Local models',
    meaning: 'Master switch for models that run inside the cluster. When off, nothing on this plugin can be registered or deployed.',
  },
};

type ApplySettings = ReadinessApplyBody['settings'];
export type ApplyKey = keyof ApplySettings;

export interface Recommendation {
  key: ApplyKey;
  value: boolean | number;
  why: string;
  /** Selected by default: needed for this plugin's flows, not merely convenient. */
  needed: boolean;
}

/** Changes that make registration and deploy from this plugin work on this cluster. */
export function recommendations(readiness: ReadinessResponse): Recommendation[] {
  const out: Recommendation[] = [];
  if (!settingOn(readiness, 'allow_registering_model_via_local_file')) {
    out.push({ key: 'allow_registering_model_via_local_file', value: true, needed: true, why: 'Needed to upload a model zip from this browser.' });
  }
  if (!settingOn(readiness, 'allow_registering_model_via_url')) {
    out.push({
      key: 'allow_registering_model_via_url',
      value: true,
      needed: false,
      why: 'Needed to register by URL. ML Commons then downloads any URL matching the trusted URL pattern, so turn it on only if you use it.',
    });
  }
  const eligible = readiness.checks.find((c) => c.id === 'eligible_nodes');
  if (settingOn(readiness, 'only_run_on_ml_node', true) && eligible && !eligible.ok) {
    out.push({ key: 'only_run_on_ml_node', value: false, needed: true, why: 'No node has the "ml" role, so no model can be deployed until data nodes may run them.' });
  }
  if (!settingOn(readiness, 'allow_custom_deployment_plan')) {
    out.push({ key: 'allow_custom_deployment_plan', value: true, needed: false, why: 'Lets you choose the nodes when deploying.' });
  }
  return out;
}
