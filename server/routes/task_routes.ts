import { ROUTES } from '../../common/routes';
import * as v from '../../common/validators';
import type { IRouter } from '../../types/osd';
import { TaskService } from '../services/task_service';
import { jsonHandler, RouteDeps, validation } from './route_helpers';

export function registerTaskRoutes(router: IRouter, deps: RouteDeps) {
  router.get(
    { path: ROUTES.tasks.path, validate: { query: validation(v.taskSearchQuery) } },
    jsonHandler(deps, ({ transport, request }) => new TaskService(transport).search(request.query))
  );

  router.get(
    { path: ROUTES.task.path, validate: { params: validation(v.taskParams), query: validation(v.dataSourceQuery) } },
    jsonHandler(deps, ({ transport, request }) => new TaskService(transport).get(request.params.taskId))
  );

  router.delete(
    { path: ROUTES.taskDelete.path, validate: { params: validation(v.taskParams), query: validation(v.dataSourceQuery) } },
    jsonHandler(deps, ({ transport, request }) => new TaskService(transport).delete(request.params.taskId))
  );
}
