// Garbage-collection pauses, observed for the whole process from the first import of this
// module, so that a measured window can ask how much of its time went to GC.
import { PerformanceObserver } from 'node:perf_hooks';

const pauses: { start: number; ms: number }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push({ start: e.startTime, ms: e.duration });
});
observer.observe({ entryTypes: ['gc'] });

/** Sum of GC pauses that started in [start, end) (performance.now() times). */
export async function gcPausesBetween(start: number, end: number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 20)); // entries arrive asynchronously
  for (const e of observer.takeRecords()) pauses.push({ start: e.startTime, ms: e.duration });
  return pauses.filter((p) => p.start >= start && p.start < end).reduce((sum, p) => sum + p.ms, 0);
}

/** Forget pauses older than `before`, so that a long run does not keep them all. */
export function dropPausesBefore(before: number): void {
  const keep = pauses.filter((p) => p.start >= before);
  pauses.length = 0;
  pauses.push(...keep);
}
