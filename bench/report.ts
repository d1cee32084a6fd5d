// Tables for the console and the results section of docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { engineLabel } from './db.ts';
import { GET_TARGET, type GetResult, type Measured } from './person-get.ts';
import { IMPORT_TARGET, type ImportResult } from './people-import.ts';

export const RESULTS_MARKER = '<!-- results: everything below this line is written by `npm run bench` (bench/run.ts) -->';

export type RunReport = {
  startedAt: Date;
  seconds: number;
  flags: string;
  machine: string[];
  loadBefore: number[];
  loadAfter: number[];
  imports: ImportResult[];
  gets: GetResult[];
  skipped: string[];
};

export function describeMachine(extra: string[]): string[] {
  const cpus = os.cpus();
  return [
    `CPU: ${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length} cores (os.cpus())`,
    `Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `Node.js: ${process.version}`,
    ...extra,
  ];
}

const pct = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
const num = (n: number) => Math.round(n).toLocaleString('en-US');
const verdict = (ratio: number, target: number) => (ratio >= target ? 'meets target' : 'BELOW target');
const cpuCell = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(3));

function markdownTable(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function importRows(results: ImportResult[]): string[][] {
  return results.map((r) => [
    engineLabel(r.engine),
    num(r.rows),
    `${num(r.importRps)} (${(r.importMs / 1000).toFixed(2)} s)`,
    `${num(r.copyRps)} (${(r.copyMs / 1000).toFixed(2)} s)`,
    pct(r.ratio),
    `≥ ${pct(IMPORT_TARGET)}`,
    verdict(r.ratio, IMPORT_TARGET),
  ]);
}

function getRows(results: GetResult[]): string[][] {
  const cell = (m: Measured) => `${num(m.rps)} / ${m.p50Ms.toFixed(1)} / ${m.p99Ms.toFixed(1)}`;
  return results.map((r) => [engineLabel(r.engine), String(r.connections), cell(r.app), cell(r.bare), pct(r.ratio), `≥ ${pct(GET_TARGET)}`, verdict(r.ratio, GET_TARGET)]);
}

const IMPORT_HEADER = ['Engine', 'Rows', 'importPeople rows/s', 'raw COPY rows/s (baseline)', 'Ratio', 'Target', 'Verdict'];
const GET_HEADER = ['Engine', 'Connections', 'Full app req/s / p50 ms / p99 ms', 'Bare Fastify req/s / p50 ms / p99 ms (baseline)', 'Ratio', 'Target', 'Verdict'];

/** Plain-text summary for the console. */
export function consoleSummary(report: RunReport): string[] {
  const lines: string[] = ['', '=== Zhigeng benchmarks ==='];
  const text = (header: string[], rows: string[][]) => {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
    return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  };
  if (report.imports.length) lines.push('', 'People import (best of rounds)', ...text(IMPORT_HEADER, importRows(report.imports)));
  if (report.gets.length) lines.push('', 'GET /api/people/:id', ...text(GET_HEADER, getRows(report.gets)));
  for (const s of report.skipped) lines.push(`skipped: ${s}`);
  lines.push('', `total ${report.seconds.toFixed(0)} s; load average before ${report.loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${report.loadAfter.map((l) => l.toFixed(2)).join(' ')}`);
  return lines;
}

function importDetails(r: ImportResult): string[] {
  const lines = [
    '',
    `**${engineLabel(r.engine)}** — file ${(r.fileBytes / 1e6).toFixed(1)} MB; import runs ${r.importRuns.map((m) => `${(m / 1000).toFixed(2)} s`).join(', ')}; ` +
      `COPY runs ${r.copyRuns.map((m) => `${(m / 1000).toFixed(2)} s`).join(', ')}; garbage-collection pauses in the best import run: ${(r.importGcMs / 1000).toFixed(2)} s.`,
  ];
  if (!r.profile) return lines;
  const total = r.profile.filter((s) => !s.detail).reduce((sum, s) => sum + s.ms, 0);
  lines.push('', `Where the import's time goes (${engineLabel(r.engine)}, each step run alone over all rows; indented lines split the seal step):`, '');
  lines.push(
    ...markdownTable(
      ['Step', 'ms', 'Share', 'of which GC ms'],
      r.profile.map((s) => [s.detail ? `↳ ${s.step.trim()}` : s.step, s.ms.toFixed(0), s.detail ? '' : pct(s.ms / total), s.gcMs.toFixed(0)]),
    ),
  );
  return lines;
}

function getDetails(r: GetResult): string[] {
  const cpu = (m: Measured) => (m.cpu ? `${cpuCell(m.cpu.serverMs)} / ${cpuCell(m.cpu.databaseMs)} / ${cpuCell(m.cpu.loadgenMs)}` : '–');
  const lines = ['', `**${engineLabel(r.engine)}** — demo data: ${num(r.people)} people; CPU ms per request (server process / PostgreSQL backends / load generator): full app ${cpu(r.app)}, bare Fastify ${cpu(r.bare)}.`];
  if (!r.layers) return lines;
  lines.push('', `The full app's layers (${engineLabel(r.engine)}), each measured alone, 1 s warm-up + 4 s (the last row is the main run):`, '');
  lines.push(...markdownTable(['Request', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req server / PostgreSQL'], r.layers.map((l) => [
    l.label, num(l.result.rps), l.result.p50Ms.toFixed(1), l.result.p99Ms.toFixed(1), l.result.cpu ? `${cpuCell(l.result.cpu.serverMs)} / ${cpuCell(l.result.cpu.databaseMs)}` : '–',
  ])));
  return lines;
}

export function resultsMarkdown(report: RunReport): string {
  const lines: string[] = ['', '## Results', '', `Measured ${report.startedAt.toISOString()} by \`npm run bench${report.flags ? ` -- ${report.flags}` : ''}\` in ${report.seconds.toFixed(0)} s.`, ''];
  lines.push(...report.machine.map((m) => `- ${m}`));
  lines.push(`- Load average (1/5/15 min) before: ${report.loadBefore.map((l) => l.toFixed(2)).join(' / ')}; after: ${report.loadAfter.map((l) => l.toFixed(2)).join(' / ')}`);
  for (const s of report.skipped) lines.push(`- Skipped: ${s}`);
  if (report.imports.length) {
    lines.push('', '### People import', '', ...markdownTable(IMPORT_HEADER, importRows(report.imports)));
    for (const r of report.imports) lines.push(...importDetails(r));
  }
  if (report.gets.length) {
    lines.push('', '### GET /api/people/:id', '', ...markdownTable(GET_HEADER, getRows(report.gets)));
    for (const r of report.gets) lines.push(...getDetails(r));
  }
  return `${lines.join('\n')}\n`;
}

/** Replace the results section of the page, keeping the explanation above the marker. */
export function writeResults(file: string, report: RunReport, fallbackIntro: string): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = current.indexOf(RESULTS_MARKER);
  const intro = at >= 0 ? current.slice(0, at).trimEnd() : fallbackIntro.trimEnd();
  writeFileSync(file, `${intro}\n\n${RESULTS_MARKER}\n${resultsMarkdown(report)}`);
}
