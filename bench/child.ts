// Parent side of the benchmark servers: start `node --import tsx bench/<script>` as its own
// process and wait for its ready line (bench/serve.ts announces it). BENCH_CPU_PROF=<dir> makes
// each server write a CPU profile there (node --cpu-prof).
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { READY_PREFIX } from './serve.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type Child = { pid: number; info: Record<string, unknown>; stop: () => Promise<void> };

export function startChild(script: string, args: string[], options: { log?: (line: string) => void; timeoutMs?: number } = {}): Promise<Child> {
  const { log = console.log, timeoutMs = 180_000 } = options;
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(ROOT, 'bench', script), ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} was not ready after ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited before it was ready (code ${code}, signal ${signal})`));
    });
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (!line.startsWith(READY_PREFIX)) return log(`  [${script}] ${line}`);
      clearTimeout(timer);
      resolve({ pid: child.pid as number, info: JSON.parse(line.slice(READY_PREFIX.length)) as Record<string, unknown>, stop });
    });
  });
}
