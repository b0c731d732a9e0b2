import { ROUTES } from '../../common/routes';
import * as v from '../../common/validators';
import type { IRouter } from '../../types/osd';
import { PluginHttpError } from '../lib/errors';
import { ClusterService } from '../services/cluster_service';
import { ProfileService } from '../services/profile_service';
import { jsonHandler, RouteDeps, validation } from './route_helpers';

export function registerClusterRoutes(router: IRouter, deps: RouteDeps) {
  router.get(
    { path: ROUTES.profileModels.path, validate: { query: validation(v.profileModelsQuery) } },
    jsonHandler(deps, ({ transport, request }) => new ProfileService(transport).models(request.query.model_ids))
  );

  router.get(
    { path: ROUTES.profileModel.path, validate: { params: validation(v.modelParams), query: validation(v.dataSourceQuery) } },
    jsonHandler(deps, ({ transport, request }) => new ProfileService(transport).models([request.params.modelId]))
  );

  router.get(
    { path: ROUTES.profileNodes.path, validate: { query: validation(v.dataSourceQuery) } },
    jsonHandler(deps, ({ transport }) => new ProfileService(transport).nodes())
  );

  router.get(
    { path: ROUTES.readiness.path, validate: { query: validation(v.dataSourceQuery) } },
    jsonHandler(deps, ({ transport }) => new ClusterService(transport).readiness())
  );

  router.put(
    { path: ROUTES.readinessApply.path, validate: { body: validation(v.readinessApplyBody), query: validation(v.dataSourceQuery) } },
    jsonHandler(deps, async ({ transport, request }) => {
      if (Object.keys(request.body.settings).length === 0) throw new PluginHttpError(400, '[settings]: name at least one setting', 'settings');
      return new ClusterService(transport).applySettings(request.body.settings as Record<string, boolean | number>);
    })
  );
}
