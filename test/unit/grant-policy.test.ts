import { describe, expect, it } from 'vitest';
import type { Grant, Role, ScopeType } from '../../src/platform/auth/permissions.ts';
import { canGrant } from '../../src/modules/registry/accounts/policy.ts';

const NATIONAL: Grant[] = [{ role: 'national_admin', scopeType: 'nation', scopeId: '000000' }];
const ZHEJIANG: Grant[] = [{ role: 'province_admin', scopeType: 'region', scopeId: '330000' }];
const ORG_ID = '0190a5c4-0000-7000-8000-000000000001';

/** Where the node a grant names lies; the service looks this up before asking the policy. */
type Target = Parameters<typeof canGrant>[2];
const IN_ZJ: Target = { regionProvince: '330000', orgProvince: '330000', deptProvince: '330000' };
const IN_GD: Target = { regionProvince: '440000', orgProvince: '440000', deptProvince: '440000' };
const NATIONAL_NODE: Target = { regionProvince: null, orgProvince: null, deptProvince: null };

const SCOPE_IDS: Record<ScopeType, string> = { nation: '000000', region: '330100', department: 'miit.330000', organisation: ORG_ID };
const grant = (role: Role, scopeType: ScopeType, scopeId = SCOPE_IDS[scopeType]): Grant => ({ role, scopeType, scopeId });

describe('canGrant: a national administrator may grant every role, but only on the scope types it fits', () => {
  // Written out rather than derived from ROLE_SCOPES, so that a change to that table shows here.
  const Y = true;
  const N = false;
  const matrix: [Role, Record<ScopeType, boolean>][] = [
    ['national_admin', { nation: Y, region: N, department: N, organisation: N }],
    ['province_admin', { nation: N, region: Y, department: N, organisation: N }],
    ['department_admin', { nation: N, region: N, department: Y, organisation: N }],
    ['organisation_admin', { nation: N, region: N, department: N, organisation: Y }],
    ['expert', { nation: Y, region: Y, department: Y, organisation: N }],
    ['inspector', { nation: Y, region: Y, department: N, organisation: N }],
    ['professional', { nation: N, region: N, department: N, organisation: Y }],
  ];
  const cases = matrix.flatMap(([role, byScope]) =>
    (Object.entries(byScope) as [ScopeType, boolean][]).map(([scopeType, allowed]) => ({ role, scopeType, allowed })),
  );

  it.each(cases)('$role on a $scopeType scope → $allowed', ({ role, scopeType, allowed }) => {
    expect(canGrant(NATIONAL, grant(role, scopeType), IN_GD)).toBe(allowed);
  });
});

describe('canGrant: a province administrator grants only below its own role, inside its province', () => {
  it.each<[string, Grant, Target, boolean]>([
    ['an organisation administrator of a unit in the province', grant('organisation_admin', 'organisation'), IN_ZJ, true],
    ['a professional of a unit in the province', grant('professional', 'organisation'), IN_ZJ, true],
    ['an expert on the province', grant('expert', 'region', '330000'), IN_ZJ, true],
    ['an inspector on a city of the province', grant('inspector', 'region', '330100'), IN_ZJ, true],
    ['a department administrator of a provincial department in the province', grant('department_admin', 'department'), IN_ZJ, true],
    ['a province administrator on a city of the province', grant('province_admin', 'region', '330100'), IN_ZJ, true],
    ['an organisation administrator of a unit in another province', grant('organisation_admin', 'organisation'), IN_GD, false],
    ['an inspector on another province', grant('inspector', 'region', '440000'), IN_GD, false],
    ['a department administrator of another province', grant('department_admin', 'department', 'miit.440000'), IN_GD, false],
    ['a department administrator of a national department', grant('department_admin', 'department', 'miit'), NATIONAL_NODE, false],
    ['a province administrator on its own province', grant('province_admin', 'region', '330000'), IN_ZJ, false],
    ['a province administrator on another province', grant('province_admin', 'region', '440000'), IN_GD, false],
    ['a national administrator', grant('national_admin', 'nation'), NATIONAL_NODE, false],
    ['an expert nationwide', grant('expert', 'nation'), NATIONAL_NODE, false],
    ['an inspector nationwide', grant('inspector', 'nation'), NATIONAL_NODE, false],
    ['a grant whose node was not found', grant('organisation_admin', 'organisation'), {}, false],
    ['an organisation administrator on a region (wrong scope type)', grant('organisation_admin', 'region', '330100'), IN_ZJ, false],
  ])('%s → %s', (_label, wanted, target, allowed) => {
    expect(canGrant(ZHEJIANG, wanted, target)).toBe(allowed);
  });

  it('looks at the province of the node the grant names, not at the scope id text', () => {
    // A unit's id says nothing about its province: only the looked-up target decides.
    expect(canGrant(ZHEJIANG, grant('organisation_admin', 'organisation'), { orgProvince: '330000' })).toBe(true);
    expect(canGrant(ZHEJIANG, grant('organisation_admin', 'organisation'), { orgProvince: '440000', regionProvince: '330000' })).toBe(false);
  });

  it('may grant in each province it administers when it holds several', () => {
    const both: Grant[] = [...ZHEJIANG, { role: 'province_admin', scopeType: 'region', scopeId: '440000' }];
    expect(canGrant(both, grant('organisation_admin', 'organisation'), IN_GD)).toBe(true);
    expect(canGrant(both, grant('organisation_admin', 'organisation'), { orgProvince: '110000' })).toBe(false);
  });

  it('may grant nothing when its own grant is on a city rather than a province', () => {
    const city: Grant[] = [{ role: 'province_admin', scopeType: 'region', scopeId: '330100' }];
    expect(canGrant(city, grant('organisation_admin', 'organisation'), IN_ZJ)).toBe(false);
  });
});

describe('canGrant: roles without account.manage may grant nothing', () => {
  const others: [Role, ScopeType, string][] = [
    ['department_admin', 'department', 'miit'],
    ['organisation_admin', 'organisation', ORG_ID],
    ['expert', 'nation', '000000'],
    ['inspector', 'region', '330000'],
    ['professional', 'organisation', ORG_ID],
  ];

  it.each(others)('a %s cannot hand out even a professional grant on its own unit', (role, scopeType, scopeId) => {
    const actor: Grant[] = [{ role, scopeType, scopeId }];
    expect(canGrant(actor, grant('professional', 'organisation'), IN_ZJ)).toBe(false);
    expect(canGrant(actor, grant('organisation_admin', 'organisation'), IN_ZJ)).toBe(false);
  });

  it('an actor with no grants at all cannot grant', () => {
    expect(canGrant([], grant('expert', 'region', '330000'), IN_ZJ)).toBe(false);
  });
});
