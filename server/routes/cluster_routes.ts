import { ROUTES } from '../../common/routes';
import * as v from '../../common/validators';
import type { IRouter } from '../../types/osd';
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
}
