import * as v from '../../common/validators';
import type { Transport } from '../../types/osd';
import { PluginHttpError } from '../lib/errors';
import { ClusterService } from '../services/cluster_service';

/**
 * Checks that depend on the cluster's version (common/validators.ts), for one request. Reading the
 * version costs a request, so only a body that could fail a check pays it, once for all checks;
 * a user who may not read the nodes' versions gets ML Commons' own answer instead.
 */
export function clusterRules(transport: Transport) {
  let read: Promise<string | undefined> | undefined;
  const version = () => (read ??= new ClusterService(transport).version().catch(() => undefined));
  return {
    /** The shared model_config rules, for a registration or (`update`) a model update. */
    async configSuits(body: { function_name?: string; model_config?: unknown }, update = false) {
      const problemOf = (clusterVersion?: string) =>
        update ? v.modelConfigProblem(body.model_config as Record<string, unknown> | undefined, clusterVersion) : v.modelRegistrationProblem(body, clusterVersion);
      let problem = problemOf();
      if (!problem && body.model_config) {
        const clusterVersion = await version();
        if (clusterVersion) problem = problemOf(clusterVersion);
      }
      if (problem) throw new PluginHttpError(400, problem.message, 'model_config');
    },
    /** Names and descriptions in the characters ML Commons 3.1+ takes (refused before anything is made). */
    async safeText(fields: Record<string, string | undefined>) {
      if (!Object.values(fields).some((value) => value && v.unsafeCharacters(value).length)) return;
      const problem = v.safeTextProblem(fields, await version());
      if (problem) throw new PluginHttpError(400, problem.message, problem.fields[0]);
    },
  };
}
