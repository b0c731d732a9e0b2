import { PLUGIN_ID, PLUGIN_NAV_CATEGORY, PLUGIN_TITLE } from '../common/constants';
import type { AppMountParameters, CoreSetupPublic, PluginInitializerContextPublic } from '../types/osd';
import { renderApp } from './application';
import type { MlModelsPluginSetup, MlModelsPluginStart, MlModelsSetupDeps } from './types';

export class MlModelsPlugin {
  // The context carries the browser config; nothing in the plugin reads it yet.
  constructor(_initializerContext: PluginInitializerContextPublic) {}

  setup(core: CoreSetupPublic, deps: MlModelsSetupDeps): MlModelsPluginSetup {
    core.application.register({
      id: PLUGIN_ID,
      title: PLUGIN_TITLE,
      category: PLUGIN_NAV_CATEGORY,
      order: 9050,
      // The bundle is one file (no code splitting), so the app is imported statically and only
      // rendering waits for core's start contract.
      mount: async (params: AppMountParameters) => {
        const [coreStart] = await core.getStartServices();
        return renderApp(coreStart, params, deps);
      },
    });

    // With the new left nav (2.16+, `core.chrome.navGroup.getNavGroupEnabled()`), apps also join a
    // group via `addNavLinksToGroup(DEFAULT_NAV_GROUPS.dataAdministration, [...])`. DEFAULT_NAV_GROUPS
    // is a runtime value of OSD core that this bundle must not import, so the app is only listed
    // under its category for now.

    return {};
  }

  start(): MlModelsPluginStart {
    return {};
  }

  stop() {}
}
