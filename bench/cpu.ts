// CPU time spent by each party of an HTTP benchmark, per request: the server child process,
// the PostgreSQL backends serving its database, and this process (the load generator).
// Linux /proc only; elsewhere (or for a remote PostgreSQL) the figures are left out.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { serverUrl } from './db.ts';

const TICK_MS = 10; // USER_HZ = 100 on Linux

/** utime + stime of a process in ms, or null when /proc cannot tell. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

async function backendPids(database: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    const rows = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
    return rows.rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

export type CpuShare = { serverMs: number | null; databaseMs: number | null; loadgenMs: number };
type Snapshot = { server: number | null; backends: Map<number, number>; self: NodeJS.CpuUsage };

/** Snapshots taken at the start and end of a measured window. */
export class CpuProbe {
  private first: Snapshot | null = null;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly serverPid: number,
    private readonly database: string | null,
  ) {}

  private async take(): Promise<Snapshot> {
    const backends = new Map<number, number>();
    if (this.database) {
      for (const pid of await backendPids(this.database).catch(() => [])) {
        const ms = processCpuMs(pid);
        if (ms !== null) backends.set(pid, ms);
      }
    }
    return { server: processCpuMs(this.serverPid), backends, self: process.cpuUsage() };
  }

  /** Start of the window (the backends alive now are the ones counted). */
  start(): void {
    this.pending = this.take().then((s) => {
      this.first = s;
    });
  }

  /** CPU ms per request over the window. */
  async finish(requests: number): Promise<CpuShare | null> {
    await this.pending;
    const first = this.first;
    if (!first || requests === 0) return null;
    const last = await this.take();
    const self = process.cpuUsage(first.self);
    let db: number | null = this.database && first.backends.size ? 0 : null;
    for (const [pid, ms] of first.backends) {
      const now = processCpuMs(pid);
      if (db !== null && now !== null) db += now - ms;
    }
    const per = (ms: number | null) => (ms === null ? null : ms / requests);
    return {
      serverMs: per(first.server === null || last.server === null ? null : last.server - first.server),
      databaseMs: per(db),
      loadgenMs: (self.user + self.system) / 1000 / requests,
    };
  }
}
