/**
 * Modules OSD provides to every plugin bundle through `window.__osdSharedDeps__` (OSD
 * packages/osd-ui-shared-deps). A plugin must never bundle these: two copies of React or OUI in one
 * page break hooks and theming. The global names are an internal OSD contract: re-check per target.
 */
export const OSD_SHARED_DEPS = {
  react: 'React',
  'react-dom': 'ReactDom',
  'react-dom/server': 'ReactDomServer',
  'react-router': 'ReactRouter',
  'react-router-dom': 'ReactRouterDom',
  '@elastic/eui': 'ElasticEui',
  '@elastic/eui/lib/services': 'ElasticEuiLibServices',
  '@elastic/eui/lib/services/format': 'ElasticEuiLibServicesFormat',
  moment: 'Moment',
  'moment-timezone': 'MomentTimezone',
  rxjs: 'Rxjs',
  'rxjs/operators': 'RxjsOperators',
  lodash: 'Lodash',
  'lodash/fp': 'LodashFp',
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** esbuild plugin: resolves each shared dep to the matching `__osdSharedDeps__` global. */
export function osdSharedDepsPlugin() {
  const names = Object.keys(OSD_SHARED_DEPS);
  const filter = new RegExp(`^(${names.map(escape).join('|')})$`);
  return {
    name: 'osd-shared-deps',
    setup(build) {
      build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'osd-shared-deps' }));
      build.onLoad({ filter: /.*/, namespace: 'osd-shared-deps' }, (args) => ({
        contents: `module.exports = window.__osdSharedDeps__.${OSD_SHARED_DEPS[args.path]};`,
        loader: 'js',
      }));
    },
  };
}

/**
 * Source of a script that provides the shared deps the way OSD's page does (standalone host
 * only). `require` keeps each global the module object itself, as OSD's webpack build does.
 */
export function sharedDepsEntrySource(resolvable) {
  const lines = Object.entries(OSD_SHARED_DEPS)
    .filter(([mod]) => resolvable(mod))
    .map(([mod, global]) => `deps.${global} = require(${JSON.stringify(mod)});`);
  return `const deps = {};\n${lines.join('\n')}\nwindow.__osdSharedDeps__ = deps;\n`;
}
