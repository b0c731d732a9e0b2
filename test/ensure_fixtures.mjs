/**
 * Jest global setup of the unit projects (and part of the integration one): the real model
 * fixtures the tests read, built deterministically, skipped when up to date.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';
import { DEFAULT_FIXTURES, ensureFixtures, FIXTURES_DIR } from '../scripts/fixtures/build.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TORCHSCRIPT = ['glove-ts-hf', 'glove-ts-st', 'glove-ts-sparse'];
const TRACER = path.join(ROOT, 'scripts', 'fixtures', 'torchscript.py');

/** Traced again whenever the tracer changes (what it writes into fixture.json included). */
const tracerKey = () => createHash('sha256').update(readFileSync(TRACER)).digest('hex');

export async function ensureTestFixtures() {
  await ensureFixtures([...DEFAULT_FIXTURES, 'tiny-sparse-plain', 'minilm', 'wide-768', 'glove-cross']);
  // TorchScript fixtures are traced by Debian's PyTorch (scripts/install_deps.sh installs it).
  const keyFile = path.join(FIXTURES_DIR, 'torchscript', '.buildkey');
  const key = tracerKey();
  const built = TORCHSCRIPT.every((n) => existsSync(path.join(FIXTURES_DIR, 'torchscript', n, 'model.zip')));
  if (built && existsSync(keyFile) && readFileSync(keyFile, 'utf8').trim() === key) return;
  const traced = spawnSync('/usr/bin/python3', [TRACER], { stdio: 'inherit' });
  if (traced.status !== 0) throw new Error('TorchScript fixtures could not be built: run scripts/install_deps.sh (python3-torch)');
  writeFileSync(keyFile, `${key}\n`);
}

export default ensureTestFixtures;
