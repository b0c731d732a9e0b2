/**
 * Jest global setup of the unit projects (and part of the integration one): the real model
 * fixtures the tests read, built deterministically, skipped when up to date.
 */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';
import { DEFAULT_FIXTURES, ensureFixtures, FIXTURES_DIR } from '../scripts/fixtures/build.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TORCHSCRIPT = ['glove-ts-hf', 'glove-ts-st', 'glove-ts-sparse'];

export async function ensureTestFixtures() {
  await ensureFixtures([...DEFAULT_FIXTURES, 'tiny-sparse-plain', 'minilm', 'wide-768', 'glove-cross']);
  // TorchScript fixtures are traced by Debian's PyTorch (scripts/install_deps.sh installs it).
  if (TORCHSCRIPT.every((n) => existsSync(path.join(FIXTURES_DIR, 'torchscript', n, 'model.zip')))) return;
  const traced = spawnSync('/usr/bin/python3', [path.join(ROOT, 'scripts', 'fixtures', 'torchscript.py')], { stdio: 'inherit' });
  if (traced.status !== 0) throw new Error('TorchScript fixtures could not be built: run scripts/install_deps.sh (python3-torch)');
}

export default ensureTestFixtures;
