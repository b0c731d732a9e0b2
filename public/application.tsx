import type { History } from 'history';
import React from 'react';
import type { AppMountParameters, CoreStartPublic } from '../types/osd';
import { AppRoot, DataSourcePicker } from './components/app/app_root';
import { appLeaveHandler, guardHistory, LeaveGuard } from './lib/leave_guard';
import { mountReact } from './mount_react';
import type { MlModelsSetupDeps } from './types';

/** OSD's data-source picker when multiple data sources are enabled (`data_source.enabled`), else none. */
function dataSourcePicker(coreStart: CoreStartPublic, params: AppMountParameters, deps: MlModelsSetupDeps): DataSourcePicker | undefined {
  const { dataSource, dataSourceManagement } = deps;
  if (!dataSource?.dataSourceEnabled || !dataSourceManagement || !coreStart.savedObjects) return undefined;
  return { Menu: dataSourceManagement.ui.getDataSourceMenu(), savedObjects: coreStart.savedObjects.client, setMenuMountPoint: params.setHeaderActionMenu };
}

/** Mounts the app into OSD's element and returns the unmount function OSD calls on leave. */
export function renderApp(coreStart: CoreStartPublic, params: AppMountParameters, deps: MlModelsSetupDeps = {}): () => void {
  const leaveGuard = new LeaveGuard();
  params.onAppLeave?.(appLeaveHandler(leaveGuard));
  // OSD's ScopedHistory implements history 4's History; its routes are relative to the app base path.
  const history = guardHistory(params.history as unknown as History, leaveGuard);
  return mountReact(<AppRoot core={coreStart} history={history} leaveGuard={leaveGuard} picker={dataSourcePicker(coreStart, params, deps)} />, params.element);
}
