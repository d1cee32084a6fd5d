// Each standalone benchmark script owns one section of docs/benchmarks.md between its markers
// (<!-- name:begin --> … <!-- name:end -->), placed before the results that bench/run.ts writes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'benchmarks.md');

export function writeDocsSection(name: string, title: string, lines: string[]): void {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${begin}\n## ${title}\n\n${lines.join('\n')}\n${end}`;
  const text = readFileSync(DOCS, 'utf8');
  const marker = '<!-- results:';
  const next = text.includes(begin) ? text.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), section) : text.replace(marker, `${section}\n\n${marker}`);
  writeFileSync(DOCS, next);
}
