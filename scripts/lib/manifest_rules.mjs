/**
 * The rules OSD applies to a plugin manifest and zip: the installer's
 * (src/cli_plugin/install/{zip,pack,opensearch_dashboards}.js) and the runtime manifest parser's
 * (src/core/server/plugins/discovery/plugin_manifest_parser.ts), restated from their behaviour.
 */

/** Keys the 2.19 manifest parser knows; any other key is fatal at startup. */
export const KNOWN_MANIFEST_KEYS = [
  'id',
  'version',
  'opensearchDashboardsVersion',
  'server',
  'ui',
  'requiredPlugins',
  'optionalPlugins',
  'requiredBundles',
  'configPath',
  'extraPublicDirs',
  'requiredEnginePlugins',
  'supportedOSDataSourceVersions',
  'requiredOSDataSourcePlugins',
];

/** The installer rejects ids that are not camelCase. */
export const INSTALLER_ID_PATTERN = /^[a-z]{1}([a-zA-Z0-9]{1,})$/;
export const SEMVER_XYZ = /^(\d+)\.(\d+)\.(\d+)$/;

/** Returns the list of problems (empty when the manifest is acceptable for `osdVersion`). */
export function checkManifest(manifest, osdVersion) {
  const problems = [];
  if (typeof manifest !== 'object' || manifest === null) return ['manifest is not a JSON object'];
  const unknown = Object.keys(manifest).filter((k) => !KNOWN_MANIFEST_KEYS.includes(k));
  if (unknown.length) problems.push(`manifest contains the following unrecognized properties: ${unknown.join(', ')}`);
  if (typeof manifest.id !== 'string' || !manifest.id) problems.push('manifest lacks "id"');
  else {
    if (manifest.id.includes('.')) problems.push('plugin id must not contain "."');
    if (!INSTALLER_ID_PATTERN.test(manifest.id)) problems.push(`plugin id "${manifest.id}" is not camelCase (installer rule)`);
  }
  if (typeof manifest.version !== 'string' || !manifest.version) problems.push('manifest lacks "version"');
  if (manifest.server !== undefined && typeof manifest.server !== 'boolean') problems.push('"server" must be a boolean');
  if (manifest.ui !== undefined && typeof manifest.ui !== 'boolean') problems.push('"ui" must be a boolean');
  if (!manifest.server && !manifest.ui) problems.push('both "server" and "ui" are missing or false');
  for (const key of ['requiredPlugins', 'optionalPlugins', 'requiredBundles', 'extraPublicDirs', 'requiredOSDataSourcePlugins']) {
    const v = manifest[key];
    if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))) problems.push(`"${key}" must be an array of strings`);
  }
  const cp = manifest.configPath;
  if (cp !== undefined && typeof cp !== 'string' && !(Array.isArray(cp) && cp.every((x) => typeof x === 'string'))) {
    problems.push('"configPath" must be a string or an array of strings');
  }
  const target = manifest.opensearchDashboardsVersion;
  const m = SEMVER_XYZ.exec(String(target));
  if (!m) problems.push(`opensearchDashboardsVersion "${target}" is not a concrete x.y.z version (the installer cannot parse it)`);
  if (osdVersion) {
    // The runtime requires an exact x.y.z match; the installer the same major.
    if (target !== osdVersion) problems.push(`opensearchDashboardsVersion "${target}" does not equal the target OSD version "${osdVersion}"`);
  }
  return problems;
}
