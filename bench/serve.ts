// Child-process side of the HTTP benchmarks: listen on a free loopback port in 3300-3399,
// announce it to the parent on stdout, and shut down cleanly when the parent sends SIGTERM.
import type { FastifyInstance } from 'fastify';

export const PORT_FIRST = 3300;
export const PORT_LAST = 3399;
export const READY_PREFIX = 'BENCH-READY ';

/** Listen on 127.0.0.1 at the first free port from `from` up to 3399. */
export async function listenInRange(app: FastifyInstance, from = PORT_FIRST): Promise<number> {
  for (let port = Math.max(from, PORT_FIRST); port <= PORT_LAST; port += 1) {
    try {
      await app.listen({ port, host: '127.0.0.1' });
      return port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  throw new Error(`no free port in ${PORT_FIRST}-${PORT_LAST}`);
}

/** The one line the parent waits for: the prefix and a JSON object. */
export function announce(info: Record<string, unknown>): void {
  process.stdout.write(`${READY_PREFIX}${JSON.stringify(info)}\n`);
}

export function onStop(close: () => Promise<void>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // The parent went away without a signal: do not linger.
  process.stdin.on('end', stop);
  process.stdin.resume();
}

export function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
