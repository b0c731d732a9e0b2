import path from 'path';
import { fileURLToPath } from 'url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export default async function globalTeardown() {
  const state = globalThis.__MLM_INTEGRATION_STATE__ || {};
  if (state.hostPid) {
    try {
      process.kill(state.hostPid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  if (state.startedOpenSearch) {
    const { stopOpenSearch } = await import(path.join(ROOT, 'scripts', 'opensearch.mjs'));
    await stopOpenSearch({ port: state.opensearchPort });
  }
}
