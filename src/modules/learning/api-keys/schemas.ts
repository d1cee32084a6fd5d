import { Type } from 'typebox';
import { DateTime, PageQuery, RegionCode, Uuid } from '../../../platform/http/schemas.ts';

const Purpose = Type.Union([Type.Literal('report'), Type.Literal('compliance'), Type.Literal('xapi')]);

export const CreateKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    purpose: Purpose,
    organisationId: Type.Optional(Uuid),
    regionCode: Type.Optional(RegionCode),
  },
  { additionalProperties: false },
);

export const KeyListQuery = Type.Object(
  {
    purpose: Type.Optional(Purpose),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('revoked')])),
    ...PageQuery,
  },
  { additionalProperties: false },
);

/** The key text appears in this answer only: it is never stored and cannot be shown again. */
export const CreatedKeyResponse = Type.Object({ id: Type.String(), key: Type.String(), prefix: Type.String() });

export const KeyResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  purpose: Type.String(),
  prefix: Type.String(),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  organisationName: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  regionName: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  revokedAt: Type.Union([DateTime, Type.Null()]),
  lastUsedAt: Type.Union([DateTime, Type.Null()]),
  abilities: Type.Object({ revoke: Type.Boolean() }),
});

export const KeyPage = Type.Object({ items: Type.Array(KeyResponse), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
