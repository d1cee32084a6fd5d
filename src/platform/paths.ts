import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root: the nearest folder above this file with package.json. Found by walking
 * up, because the same code runs from `src/` (tests, tsx) and from the bundle in `dist/`.
 */
function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('project root not found');
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot();
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');
export const WEB_DIR = path.join(PROJECT_ROOT, 'web');
export const WEB_DIST = path.join(WEB_DIR, 'dist');
