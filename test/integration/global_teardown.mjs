import { promises as fs } from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const STATE = path.join(ROOT, 'target', 'integration_state.json');

export default async function globalTeardown() {
  const state = JSON.parse(await fs.readFile(STATE, 'utf8').catch(() => '{}'));
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
