import { type Grant, type Permission, grantsWith } from './permissions.ts';

/** Collects positional parameters while a query is assembled. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The columns through which a table reaches each kind of scope node. */
export type ScopeColumns = {
  province?: string;
  region?: string;
  department?: string;
  organisation?: string;
};

/**
 * The one scope filter (STYLE.md 27): an SQL condition that keeps only rows inside the
 * scopes of the caller's grants carrying `permission`. A grant whose scope the table cannot
 * reach contributes nothing, so out-of-scope rows are simply not found.
 */
export function scopeFilter(grants: readonly Grant[], permission: Permission, cols: ScopeColumns, params: SqlParams): string {
  const relevant = grantsWith(grants, permission);
  // Decide on a nationwide grant first, so that no parameter is added for a condition that
  // is then dropped (PostgreSQL cannot type an unused parameter).
  if (relevant.some((g) => g.scopeType === 'nation')) return 'TRUE';
  const parts: string[] = [];
  for (const grant of relevant) {
    const part = grantCondition(grant, cols, params);
    if (part) parts.push(part);
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

function grantCondition(grant: Grant, cols: ScopeColumns, params: SqlParams): string | null {
  switch (grant.scopeType) {
    case 'nation':
      return 'TRUE';
    case 'region': {
      const isProvince = grant.scopeId.endsWith('0000');
      const col = isProvince ? cols.province : cols.region;
      return col ? `${col} = ${params.add(grant.scopeId)}` : null;
    }
    case 'department': {
      if (!cols.department) return null;
      // A national department also sees its provincial counterparts ('miit' → 'miit.330000').
      const p = params.add(grant.scopeId);
      return `(${cols.department} = ${p} OR ${cols.department} LIKE ${p}::text || '.%')`;
    }
    case 'organisation':
      return cols.organisation ? `${cols.organisation} = ${params.add(grant.scopeId)}` : null;
  }
}

/** The values of one row at the columns of ScopeColumns (absent: the table cannot reach that kind of node). */
export type ScopeValues = { province?: string; region?: string; department?: string | null; organisation?: string };

/**
 * The rule of scopeFilter applied to a row already read (a cached one): true when a grant
 * carrying `permission` reaches it. test/integration/scope-twin.test.ts keeps the two equal.
 */
export function inScope(grants: readonly Grant[], permission: Permission, values: ScopeValues): boolean {
  return grantsWith(grants, permission).some((grant) => {
    switch (grant.scopeType) {
      case 'nation':
        return true;
      case 'region':
        return (grant.scopeId.endsWith('0000') ? values.province : values.region) === grant.scopeId;
      case 'department':
        return !!values.department && (values.department === grant.scopeId || values.department.startsWith(`${grant.scopeId}.`));
      case 'organisation':
        return values.organisation === grant.scopeId;
    }
  });
}
