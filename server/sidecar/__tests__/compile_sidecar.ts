import { buildSync } from 'esbuild';
import path from 'path';

/**
 * Tests run the TypeScript sources, but the sidecar is a separate process and its workers
 * separate threads, which need JavaScript files: compile both entries (dependencies stay external,
 * resolved from the repo's node_modules) next to each other, as the build lays them out.
 */
export function compileSidecar(): string {
  const root = path.resolve(__dirname, '..', '..', '..');
  const outdir = path.join(root, 'target', 'native-sidecar-test', String(process.pid));
  buildSync({
    entryPoints: [path.join(root, 'server/sidecar/sidecar_main.ts'), path.join(root, 'server/sidecar/inference_worker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    packages: 'external',
    outdir,
    logLevel: 'error',
  });
  return path.join(outdir, 'sidecar_main.js');
}
