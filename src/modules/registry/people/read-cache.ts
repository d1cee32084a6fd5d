import type { ScopeValues } from '../../../platform/auth/scope.ts';
import type { PersonRow } from './repo.ts';

/**
 * A short-lived cache of person rows for GET /api/people/:id, the registry's hottest read.
 * Entries live TTL_MS; every write to a person or an organisation in this process clears the
 * whole cache (writes are rare next to reads), so a change is seen at once here and within
 * TTL_MS by other instances. A read racing a write's commit may keep the previous row for at
 * most TTL_MS. Scope is never cached: each read checks the caller's grants against the row's
 * scope values with inScope, the twin of the SQL scope filter.
 */
export const TTL_MS = 5_000;
const MAX_ENTRIES = 20_000;

export type CachedPerson = { row: PersonRow; scope: ScopeValues };
type Entry = CachedPerson & { expires: number; generation: number };

const entries = new Map<string, Entry>();
let generation = 0;

export function cachedPerson(id: string, now = Date.now()): CachedPerson | null {
  const entry = entries.get(id);
  if (!entry) return null;
  if (entry.expires <= now || entry.generation !== generation) {
    entries.delete(id);
    return null;
  }
  return entry;
}

/** Remember a row read at generation `readAt` (taken before the query, so that a write during it wins). */
export function rememberPerson(id: string, value: CachedPerson, readAt: number, now = Date.now()): void {
  if (readAt !== generation) return;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(id, { ...value, expires: now + TTL_MS, generation });
}

export function currentGeneration(): number {
  return generation;
}

/** Called by every write to people or organisations. */
export function forgetPeople(): void {
  generation += 1;
  entries.clear();
}
