import { ROUTES } from '../../common/routes';
import * as v from '../../common/validators';
import type { IRouter, Transport } from '../../types/osd';
import { PluginHttpError } from '../lib/errors';
import { ModelGroupService } from '../services/model_group_service';
import { ModelService } from '../services/model_service';
import { clusterRules } from './cluster_rules';
import { jsonHandler, RouteDeps, validation } from './route_helpers';
import { chunkCount } from '../../common/upload';
import type { UploadObserver } from '../sidecar/chunk_assembler';

/**
 * ML Commons 2.19 answers an unknown `model_group_id` with a 500 ("Fail to find model group");
 * read first, it is the group's own 404 (or 403) instead. Called after every local check.
 */
async function assertGroupReadable(transport: Transport, groupId: string | undefined) {
  if (groupId) await new ModelGroupService(transport).get(groupId);
}

/** `uploads` (optional): native inference learns each chunked upload's hash to cache the zip. */
export function registerModelRoutes(router: IRouter, deps: RouteDeps & { uploads?: UploadObserver }) {
  router.get(
    { path: ROUTES.models.path, validate: { query: validation(v.modelSearchQuery) } },
    jsonHandler(deps, ({ transport, request }) => new ModelService(transport).search(request.query))
  );

  router.get(
    { path: ROUTES.model.path, validate: { params: validation(v.modelParams), query: validation(v.dataSourceQuery) } },
    jsonHandler(deps, ({ transport, request }) => new ModelService(transport).get(request.params.modelId))
  );

  router.post(
    { path: ROUTES.modelRegisterUrl.path, validate: { body: validation(v.modelRegisterUrlBody), query: validation(v.dataSourceQuery) } },
    jsonHandler(deps, async ({ transport, request }) => {
      const rules = clusterRules(transport);
      await rules.configSuits(request.body);
      await rules.safeText({ name: request.body.name, description: request.body.description });
      await assertGroupReadable(transport, request.body.model_group_id);
      return new ModelService(transport).registerByUrl(request.body);
    })
  );

  router.post(
    { path: ROUTES.modelRegisterMeta.path, validate: { body: validation(v.modelRegisterMetaBody), query: validation(v.dataSourceQuery) } },
    jsonHandler(deps, async ({ transport, request }) => {
      const expected = chunkCount(request.body.model_content_size_in_bytes);
      if (request.body.total_chunks !== expected) {
        throw new PluginHttpError(
          400,
          `[total_chunks]: a zip of ${request.body.model_content_size_in_bytes} bytes has ${expected} chunk(s), not ${request.body.total_chunks}`,
          'total_chunks'
        );
      }
      const rules = clusterRules(transport);
      await rules.configSuits(request.body);
      // register_meta takes any description, but the last chunk drops it and only the update API,
      // which checks it, can put it back (public/lib/register_flow.ts): refused now, not lost then.
      await rules.safeText({ description: request.body.description });
      await assertGroupReadable(transport, request.body.model_group_id);
      const registered = await new ModelService(transport).registerMeta(request.body);
      if (registered?.model_id) deps.uploads?.expect(registered.model_id, { ...request.body, owner: deps.userOf?.(request) });
      return registered;
    })
  );

  router.put(
    {
      path: ROUTES.modelUpdate.path,
      validate: { params: validation(v.modelParams), body: validation(v.modelUpdateBody), query: validation(v.dataSourceQuery) },
    },
    jsonHandler(deps, async ({ transport, request }) => {
      const rules = clusterRules(transport);
      await rules.configSuits(request.body, true);
      await rules.safeText({ name: request.body.name, description: request.body.description });
      return new ModelService(transport).update(request.params.modelId, request.body);
    })
  );

  router.delete(
    { path: ROUTES.modelDelete.path, validate: { params: validation(v.modelParams), query: validation(v.dataSourceQuery) } },
    jsonHandler(deps, async ({ transport, request }) => {
      const deleted = await new ModelService(transport).delete(request.params.modelId);
      // An upload cancelled or cleaned up: the chunk copies native inference kept of it go too.
      deps.uploads?.forget(request.params.modelId);
      return deleted;
    })
  );

  router.post(
    {
      path: ROUTES.modelDeploy.path,
      // The body is optional: no body deploys to every eligible node.
      validate: { params: validation(v.modelParams), body: validation(v.deployBody, { emptyAs: {} }), query: validation(v.dataSourceQuery) },
    },
    jsonHandler(deps, ({ transport, request }) => new ModelService(transport).deploy(request.params.modelId, request.body.node_ids))
  );

  router.post(
    { path: ROUTES.modelUndeploy.path, validate: { params: validation(v.modelParams), query: validation(v.dataSourceQuery) } },
    jsonHandler(deps, ({ transport, request }) => new ModelService(transport).undeploy(request.params.modelId))
  );
}
