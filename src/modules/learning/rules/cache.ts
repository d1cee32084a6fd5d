import type { Executor } from '../../../platform/db/executor.ts';
import type { ComplianceRules } from '../rules.ts';

/**
 * The effective rules of a province and year for hot paths (a course heartbeat's daily cap):
 * read once and kept TTL_MS. Saving rules in this process forgets them at once; another instance
 * applies a change within TTL_MS. Compliance itself never reads through this cache.
 */
export const TTL_MS = 30_000;

type Resolve = (db: Executor, provinceCodes: string[], year: number) => Promise<Map<string, ComplianceRules>>;
const entries = new Map<string, { rules: ComplianceRules | undefined; expires: number }>();
let generation = 0;

export async function cachedRules(resolve: Resolve, db: Executor, provinceCode: string, year: number, now = Date.now()): Promise<ComplianceRules | undefined> {
  const key = `${provinceCode}/${year}`;
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.rules;
  const readAt = generation;
  const rules = (await resolve(db, [provinceCode], year)).get(provinceCode);
  // A save during the read wins: its rules are read again next time.
  if (readAt === generation) entries.set(key, { rules, expires: now + TTL_MS });
  return rules;
}

export function forgetRules(): void {
  generation += 1;
  entries.clear();
}
