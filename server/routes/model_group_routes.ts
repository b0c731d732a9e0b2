import { ROUTES } from '../../common/routes';
import * as v from '../../common/validators';
import type { IRouter } from '../../types/osd';
import { ModelGroupService } from '../services/model_group_service';
import { clusterRules } from './cluster_rules';
import { jsonHandler, RouteDeps, validation } from './route_helpers';

export function registerModelGroupRoutes(router: IRouter, deps: RouteDeps) {
  router.get(
    { path: ROUTES.modelGroups.path, validate: { query: validation(v.modelGroupSearchQuery) } },
    jsonHandler(deps, ({ transport, request }) => new ModelGroupService(transport).search(request.query))
  );

  router.get(
    { path: ROUTES.modelGroup.path, validate: { params: validation(v.modelGroupParams), query: validation(v.dataSourceQuery) } },
    jsonHandler(deps, ({ transport, request }) => new ModelGroupService(transport).get(request.params.groupId))
  );

  router.post(
    { path: ROUTES.modelGroupCreate.path, validate: { body: validation(v.modelGroupCreateBody), query: validation(v.dataSourceQuery) } },
    jsonHandler(deps, async ({ transport, request }) => {
      await clusterRules(transport).safeText({ name: request.body.name, description: request.body.description });
      return new ModelGroupService(transport).create(request.body);
    })
  );

  router.put(
    {
      path: ROUTES.modelGroupUpdate.path,
      validate: { params: validation(v.modelGroupParams), body: validation(v.modelGroupUpdateBody), query: validation(v.dataSourceQuery) },
    },
    jsonHandler(deps, async ({ transport, request }) => {
      await clusterRules(transport).safeText({ name: request.body.name, description: request.body.description });
      return new ModelGroupService(transport).update(request.params.groupId, request.body);
    })
  );

  router.delete(
    { path: ROUTES.modelGroupDelete.path, validate: { params: validation(v.modelGroupParams), query: validation(v.dataSourceQuery) } },
    jsonHandler(deps, ({ transport, request }) => new ModelGroupService(transport).delete(request.params.groupId))
  );
}
