import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './paths.ts';

const ROOT = PROJECT_ROOT;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Build the web app when it has never been built or its sources changed since the last build. */
export async function ensureWebBuilt(log: (line: string) => void): Promise<void> {
  const index = path.join(ROOT, 'web/dist/index.html');
  const sources = path.join(ROOT, 'web/src');
  if (!existsSync(sources)) return;
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(sources)) return;
  log('正在构建网页 / building the web app …');
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
}
