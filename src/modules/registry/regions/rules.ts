import type { RegionRecord } from './repo.ts';

export type RegionNode = { code: string; name: string; level: number; flags: string[]; children: RegionNode[] };

/** Nation → provinces → cities, built from one query (no query per level). */
export function buildRegionTree(rows: RegionRecord[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>(rows.map((r) => [r.code, { code: r.code, name: r.name, level: r.level, flags: r.flags, children: [] }]));
  const roots: RegionNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.code) as RegionNode;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
