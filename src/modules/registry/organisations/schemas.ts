import { Type } from 'typebox';
import { PageQuery, RegionCode } from '../../../platform/http/schemas.ts';
import { DateTime } from '../../../platform/http/schemas.ts';
import { ORG_ROLES, OWNERSHIPS } from './rules.ts';

const Ownership = Type.Union(OWNERSHIPS.map((o) => Type.Literal(o)));
const OrgRole = Type.Union(ORG_ROLES.map((r) => Type.Literal(r)));
const Status = Type.Union([Type.Literal('active'), Type.Literal('inactive')]);

export const OrgBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    creditCode: Type.String({ minLength: 1, maxLength: 18 }),
    regionCode: RegionCode,
    departmentCode: Type.Union([Type.String({ maxLength: 20 }), Type.Null()], { default: null }),
    ownership: Ownership,
    roles: Type.Array(OrgRole, { minItems: 1, maxItems: ORG_ROLES.length, uniqueItems: true }),
    address: Type.String({ maxLength: 200, default: '' }),
    contactName: Type.String({ maxLength: 50, default: '' }),
    // 是否基层单位. Like the other optional fields, left out means the default — on PUT too.
    grassroots: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);

const OrgFilter = {
  q: Type.Optional(Type.String({ maxLength: 100 })),
  regionCode: Type.Optional(RegionCode),
  ownership: Type.Optional(Ownership),
  role: Type.Optional(OrgRole),
  status: Type.Optional(Status),
};

export const OrgQuery = Type.Object({ ...OrgFilter, ...PageQuery }, { additionalProperties: false });
export const OrgExportQuery = Type.Object(
  { ...OrgFilter, format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' }) },
  { additionalProperties: false },
);
export const OrgOptionsQuery = Type.Object(
  { regionCode: Type.Optional(RegionCode), q: Type.Optional(Type.String({ maxLength: 100 })), role: Type.Optional(OrgRole) },
  { additionalProperties: false },
);
export const OrgOptions = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), regionCode: Type.String() })),
});

export const OrgResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  creditCode: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  provinceCode: Type.String(),
  departmentCode: Type.Union([Type.String(), Type.Null()]),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  ownership: Type.String(),
  roles: Type.Array(Type.String()),
  address: Type.String(),
  contactName: Type.String(),
  grassroots: Type.Boolean(),
  status: Type.String(),
  peopleCount: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
  abilities: Type.Object({ edit: Type.Boolean(), deactivate: Type.Boolean(), activate: Type.Boolean() }),
});

export const OrgPage = Type.Object({ items: Type.Array(OrgResponse), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
