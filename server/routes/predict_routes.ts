import { ROUTES } from '../../common/routes';
import * as v from '../../common/validators';
import type { IRouter } from '../../types/osd';
import { PluginHttpError } from '../lib/errors';
import { PredictService } from '../services/predict_service';
import { jsonHandler, RouteDeps, validation } from './route_helpers';

export function registerPredictRoutes(router: IRouter, deps: RouteDeps) {
  router.post(
    {
      path: ROUTES.predict.path,
      validate: { params: validation(v.predictParams), body: validation(v.predictBody), query: validation(v.dataSourceQuery) },
    },
    jsonHandler(deps, async ({ transport, request }) => {
      const problem = v.checkPredict(request.params.functionName, request.body);
      if (problem) throw new PluginHttpError(400, problem, /^\[([^\]]+)\]/.exec(problem)?.[1]);
      return new PredictService(transport).predict(request.params.functionName, request.params.modelId, request.body);
    })
  );
}
