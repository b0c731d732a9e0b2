import { promises as fs } from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export default async function globalTeardown() {
  const state = globalThis.__MLM_INTEGRATION_STATE__ || {};
  if (state.hostPid) {
    try {
      process.kill(state.hostPid, 'SIGTERM');
    } catch {
      // already gone
    }
    // Its sidecar may still be writing into the data folder until the host has stopped it.
    for (let i = 0; i < 100 && alive(state.hostPid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  if (state.dataDir) await fs.rm(state.dataDir, { recursive: true, force: true });
  if (state.startedOpenSearch) {
    const { stopOpenSearch } = await import(path.join(ROOT, 'scripts', 'opensearch.mjs'));
    await stopOpenSearch({ port: state.opensearchPort });
  }
}
