#!/usr/bin/env node
/**
 * `npm start`: builds the plugin, then serves it on 127.0.0.1:$PORT (5601) in the standalone
 * host, against OPENSEARCH_URL or, when that is unset, a local OpenSearch + ML Commons started
 * from the project's cache (downloaded from Maven Central the first time).
 */
import { createRequire } from 'module';
import path from 'path';
import { fileURLToPath } from 'url';
import { buildDevHost, buildPublic, buildServer } from './build.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

async function main() {
  await buildServer();
  await buildPublic({ production: true });
  await buildDevHost();

  let opensearchUrl = process.env.OPENSEARCH_URL;
  let stopLocal = async () => {};
  if (!opensearchUrl) {
    const { startOpenSearch, stopOpenSearch } = await import('./opensearch.mjs');
    const port = Number(process.env.OPENSEARCH_PORT || 9200);
    console.log(`OPENSEARCH_URL is not set: starting a local OpenSearch with ML Commons on 127.0.0.1:${port} (first run downloads it from Maven Central)`);
    const node = await startOpenSearch({ port, log: (m) => console.log(`[opensearch] ${m}`) });
    opensearchUrl = node.url;
    if (!node.alreadyRunning) stopLocal = () => stopOpenSearch({ port });
  }
  const { redactUrl, startStandalone } = require(path.join(ROOT, 'target', 'dev', 'standalone.js'));
  // The product's own data folder (OSD's path.data), so its native cache holds only what its users put there.
  const dataDir = path.join(ROOT, '.cache', 'standalone-data');
  const host = await startStandalone({ port: Number(process.env.PORT || 5601), opensearchUrl, dataDir });
  console.log(`ML Models is running: ${host.url}/app/mlModels (OpenSearch ${redactUrl(opensearchUrl)}). Ctrl-C stops it.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await stopLocal();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
