#!/usr/bin/env node
// Entry point. The server runs from one bundle, dist/zhigeng.mjs, built from src/ by esbuild
// whenever src/ is newer: running TypeScript through a loader at every start would cost about
// a second of start-up, and a restart must answer /healthz within 2 s.
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bundle = path.join(root, 'dist', 'zhigeng.mjs');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestMtime(path.join(root, 'src'))) {
  const { build } = await import('esbuild');
  // Built beside, then renamed: two processes starting at once never run a half-written file.
  const temp = `${bundle}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [path.join(root, 'src', 'cli.ts')],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  renameSync(temp, bundle);
}
await import(pathToFileURL(bundle).href);
