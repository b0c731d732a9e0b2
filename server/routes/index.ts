import type { IRouter } from '../../types/osd';
import { registerClusterRoutes } from './cluster_routes';
import { registerModelGroupRoutes } from './model_group_routes';
import { registerModelRoutes } from './model_routes';
import { NativeRouteDeps, registerNativeRoutes } from './native_routes';
import { registerPredictRoutes } from './predict_routes';
import { RouteDeps } from './route_helpers';
import { registerTaskRoutes } from './task_routes';
import { registerUploadRoutes } from './upload_routes';

/** The single list of the plugin's routes, registered once per router. */
export function registerRoutes(router: IRouter, deps: RouteDeps & Pick<NativeRouteDeps, 'native'>) {
  // With native inference off, uploads are not copied into its cache either.
  const uploads = deps.native?.config.enabled ? deps.native.uploads : undefined;
  registerModelGroupRoutes(router, deps);
  registerModelRoutes(router, { ...deps, uploads });
  registerUploadRoutes(router, { ...deps, uploads });
  registerTaskRoutes(router, deps);
  registerPredictRoutes(router, deps);
  registerClusterRoutes(router, deps);
  registerNativeRoutes(router, deps);
}

export type { RouteDeps };
