import { ML_COMMONS_SETTINGS_PREFIX, READINESS_SETTINGS, ReadinessSetting } from '../../common/ml_commons';
import type { NodeProfileResponse, ReadinessCheck, ReadinessResponse, ReadinessSettingValue, SettingSource } from '../../common/types';
import { readUpstreamError } from '../lib/errors';
import { MlService } from './ml_api';
import { ProfileService } from './profile_service';

type FlatSettings = Record<string, string | string[]>;
interface ClusterSettings {
  transient?: FlatSettings;
  persistent?: FlatSettings;
  defaults?: FlatSettings;
}
interface NodesInfo {
  nodes?: Record<string, { name: string; roles?: string[]; version?: string }>;
}

const ELIGIBLE_ROLES_SETTING = `${ML_COMMONS_SETTINGS_PREFIX}task_dispatcher.eligible_node_role.local_model`;

/** A setting's effective value: transient wins over persistent, which wins over the default. */
export function effectiveSetting(settings: ClusterSettings, name: string): { value: string | string[] | null; source: SettingSource } {
  for (const source of ['transient', 'persistent', 'defaults'] as const) {
    const layer = settings[source];
    if (layer && layer[name] !== undefined) return { value: layer[name], source };
    // List settings come flattened as `name.0`, `name.1`, ...
    if (layer && layer[`${name}.0`] !== undefined) {
      const list: string[] = [];
      for (let i = 0; layer[`${name}.${i}`] !== undefined; i++) list.push(String(layer[`${name}.${i}`]));
      return { value: list, source };
    }
  }
  return { value: null, source: 'unset' };
}

const isTrue = (v: unknown) => String(v) === 'true';

/**
 * `profile` is what each node holds (view=node), when the caller may read it: a node holding
 * max_model_on_node models refuses the next deploy ("Exceed max local model per node limit").
 */
export function assessReadiness(settings: ClusterSettings, nodesInfo: NodesInfo, profile?: NodeProfileResponse | Error): ReadinessResponse {
  const values: ReadinessSettingValue[] = READINESS_SETTINGS.map((key) => {
    const setting = `${ML_COMMONS_SETTINGS_PREFIX}${key}`;
    return { key, setting, ...effectiveSetting(settings, setting) };
  });
  const get = (key: ReadinessSetting) => values.find((v) => v.key === key)!.value;

  const onlyMl = get('only_run_on_ml_node') === null ? true : isTrue(get('only_run_on_ml_node'));
  const rolesSetting = effectiveSetting(settings, ELIGIBLE_ROLES_SETTING).value;
  const eligibleRoles = onlyMl ? ['ml'] : Array.isArray(rolesSetting) && rolesSetting.length ? rolesSetting : ['data', 'ml'];
  const allNodes = Object.entries(nodesInfo.nodes || {}).map(([id, n]) => ({ id, name: n.name, roles: n.roles || [] }));
  const nodes = allNodes.filter((n) => n.roles.some((r) => eligibleRoles.includes(r)));

  const native = Number(get('native_memory_threshold') ?? 90);
  const heap = Number(get('jvm_heap_memory_threshold') ?? 85);
  const localEnabled = get('local_model.enabled');

  const checks: ReadinessCheck[] = [
    {
      id: 'register_via_url',
      ok: isTrue(get('allow_registering_model_via_url')),
      message: isTrue(get('allow_registering_model_via_url'))
        ? 'Models can be registered from a URL.'
        : 'Registering from a URL is off: set plugins.ml_commons.allow_registering_model_via_url to true.',
    },
    {
      id: 'register_via_local_file',
      ok: isTrue(get('allow_registering_model_via_local_file')),
      message: isTrue(get('allow_registering_model_via_local_file'))
        ? 'Models can be uploaded from a local file.'
        : 'Uploading a local file is off: set plugins.ml_commons.allow_registering_model_via_local_file to true.',
    },
    trustedUrlsCheck(isTrue(get('allow_registering_model_via_url')), get('trusted_url_regex')),
    {
      id: 'eligible_nodes',
      ok: nodes.length > 0,
      message: nodes.length
        ? `${nodes.length} node(s) can run local models (${nodes.map((n) => n.name).join(', ')}).`
        : onlyMl
        ? 'No node has the "ml" role and plugins.ml_commons.only_run_on_ml_node is true: deploy will fail with "no eligible node found".'
        : `No node has any of the roles ${eligibleRoles.join(', ')}: deploy will fail with "no eligible node found".`,
    },
    {
      id: 'memory_guards',
      ok: true,
      message:
        native >= 100 && heap >= 100
          ? 'Memory circuit breakers are off.'
          : `Deploy is refused when native memory use exceeds ${native}% or JVM heap use exceeds ${heap}% (a value of 100 turns a breaker off).`,
    },
    capacityCheck(nodes, Number(get('max_model_on_node') ?? 10), profile),
    {
      id: 'local_model_enabled',
      ok: localEnabled === null || isTrue(localEnabled),
      message:
        localEnabled === null || isTrue(localEnabled)
          ? 'Local models are enabled.'
          : 'Local models are disabled: set plugins.ml_commons.local_model.enabled to true.',
    },
  ];
  return { settings: values, checks, nodes, version: lowestVersion(Object.values(nodesInfo.nodes || {}).map((n) => n.version)) };
}

/**
 * ML Commons' default trusted_url_regex admits file:// URLs, so anyone allowed to register by URL
 * can make the nodes read their own files (a zip at a path they know). Only worth saying while URL
 * registration is on. The pattern is Java's; one JS cannot compile is left unjudged.
 */
function trustedUrlsCheck(urlRegistrationOn: boolean, pattern: ReadinessSettingValue['value']): ReadinessCheck {
  const id = 'trusted_urls';
  if (!urlRegistrationOn || typeof pattern !== 'string' || !pattern) return { id, ok: true, message: 'URL registration is off, or no URL pattern is set.' };
  let admitsFiles: boolean;
  try {
    admitsFiles = new RegExp(pattern).test('file:///tmp/model.zip');
  } catch {
    return { id, ok: true, message: `plugins.ml_commons.trusted_url_regex (${pattern}) could not be checked here.` };
  }
  return admitsFiles
    ? {
        id,
        ok: false,
        message: `plugins.ml_commons.trusted_url_regex (${pattern}) accepts file:// URLs: whoever may register by URL can make ML Commons read a zip from the nodes' own disks. Narrow it (e.g. ^https://.+) unless that is intended.`,
      }
    : { id, ok: true, message: `Only URLs matching ${pattern} are downloaded.` };
}

function capacityCheck(nodes: Array<{ id: string; name: string }>, maxPerNode: number, profile: NodeProfileResponse | Error | undefined): ReadinessCheck {
  const id = 'model_capacity';
  const setting = `${ML_COMMONS_SETTINGS_PREFIX}max_model_on_node`;
  // Not known is not a failure of the cluster: the other checks stand, and this one says why it is silent.
  if (!profile || profile instanceof Error || !Number.isFinite(maxPerNode)) {
    const why = profile instanceof Error ? readUpstreamError(profile)?.reason ?? profile.message : 'no answer';
    return { id, ok: true, message: `Not checked: how many models each node holds could not be read (${why}), so ${setting} is not compared.` };
  }
  const held = nodes.map((n) => ({ ...n, count: Object.keys(profile.nodes?.[n.id]?.models ?? {}).length }));
  const full = held.filter((n) => n.count >= maxPerNode);
  if (!full.length) {
    const most = Math.max(0, ...held.map((n) => n.count));
    return { id, ok: true, message: `A node may hold up to ${maxPerNode} models (${setting}); the fullest holds ${most}.` };
  }
  return {
    id,
    ok: false,
    message: `${full.map((n) => `${n.name} holds ${n.count}`).join(', ')} of at most ${maxPerNode} models (${setting}): a deploy there fails with "Exceed max local model per node limit". Undeploy a model there, or raise the setting.`,
  };
}

/** The oldest OpenSearch version among the nodes (what a request must suit while a cluster upgrades). */
function lowestVersion(versions: Array<string | undefined>): string | undefined {
  const parsed = versions.filter((v): v is string => !!v).map((v) => ({ v, parts: v.split(/[.-]/).slice(0, 3).map(Number) }));
  parsed.sort((a, b) => a.parts[0] - b.parts[0] || a.parts[1] - b.parts[1] || a.parts[2] - b.parts[2]);
  return parsed[0]?.v;
}

export class ClusterService extends MlService {
  /**
   * Persistent, so a restart keeps them; sent as the current user, so the cluster checks the right.
   * A transient value of the same setting would override the new one until a full restart, and the
   * change would seem to do nothing: it is removed in the same request (a no-op where there is none).
   */
  async applySettings(settings: Record<string, boolean | number>): Promise<ReadinessResponse> {
    const keys = Object.keys(settings).map((k) => `${ML_COMMONS_SETTINGS_PREFIX}${k}`);
    const persistent = Object.fromEntries(keys.map((key, i) => [key, Object.values(settings)[i]]));
    const transient = Object.fromEntries(keys.map((key) => [key, null]));
    await this.send('PUT', '/_cluster/settings', { persistent, transient });
    return this.readiness();
  }

  /** The oldest node's OpenSearch version (as readiness reports it). */
  async version(): Promise<string | undefined> {
    const nodes = await this.send<NodesInfo>('GET', '/_nodes', undefined, { filter_path: 'nodes.*.version' });
    return lowestVersion(Object.values(nodes.nodes || {}).map((n) => n.version));
  }

  async readiness(): Promise<ReadinessResponse> {
    const [settings, nodes, profile] = await Promise.all([
      this.send<ClusterSettings>('GET', '/_cluster/settings', undefined, { include_defaults: true, flat_settings: true }),
      this.send<NodesInfo>('GET', '/_nodes', undefined, { filter_path: 'nodes.*.name,nodes.*.roles,nodes.*.version' }),
      // Optional: a user without the profile permission still gets every other check.
      new ProfileService(this.transport).nodes().catch((err: Error) => err),
    ]);
    return assessReadiness(settings, nodes, profile);
  }
}
