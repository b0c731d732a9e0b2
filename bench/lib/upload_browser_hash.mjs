/**
 * SHA-256 of a file in real Chromium with the plugin's own hashing code (public/lib/sha256.ts,
 * hash-wasm, 8 MB slices), bundled by esbuild into the page; the file enters through a real
 * <input type=file>, as in the register page.
 */
import { build } from 'esbuild';
import path from 'path';
import { chromium } from 'playwright-core';
import { ROOT } from './harness.mjs';

async function hashBundle() {
  const result = await build({
    stdin: {
      contents: "import { sha256OfBlob } from './public/lib/sha256'; window.__sha256OfBlob = sha256OfBlob;",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2019'],
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

export async function browserHash(file, { repetitions = 3 } = {}) {
  const script = await hashBundle();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><input type="file" id="f">');
    await page.addScriptTag({ content: script });
    await page.setInputFiles('#f', file);
    const runs = [];
    for (let i = 0; i < repetitions; i++) {
      runs.push(
        await page.evaluate(async () => {
          const f = document.getElementById('f').files[0];
          const t0 = performance.now();
          const hash = await window.__sha256OfBlob(f);
          return { hash, ms: performance.now() - t0, bytes: f.size };
        })
      );
    }
    return { file: path.relative(ROOT, file), runs };
  } finally {
    await browser.close();
  }
}
