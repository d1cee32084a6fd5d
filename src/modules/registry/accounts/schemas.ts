import { Type } from 'typebox';
import { ROLES, SCOPE_TYPES } from '../../../platform/auth/permissions.ts';
import { PageQuery, RegionCode, Uuid } from '../../../platform/http/schemas.ts';
import { DateTime } from '../../../platform/http/schemas.ts';

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

const GrantSchema = Type.Object(
  {
    role: Type.Union(ROLES.map((r) => Type.Literal(r))),
    scopeType: Type.Union(SCOPE_TYPES.map((s) => Type.Literal(s))),
    scopeId: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
);

export const Me = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  kind: Type.String(),
  personId: Type.Union([Type.String(), Type.Null()]),
  mustChangePassword: Type.Boolean(),
  grants: Type.Array(Type.Object({ role: Type.String(), scopeType: Type.String(), scopeId: Type.String(), scopeName: Type.String() })),
  permissions: Type.Array(Type.String()),
});

export const SessionResponse = Type.Object({ csrfToken: Type.String(), me: Me });

export const PasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 128 }), newPassword: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

export const RegisterBody = Type.Object(
  {
    idNumber: Type.String({ minLength: 1, maxLength: 20 }),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    phone: Type.String({ minLength: 1, maxLength: 20 }),
    regionCode: RegionCode,
    employerId: Uuid,
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);

export const AccountQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('rejected'), Type.Literal('disabled')])),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const AccountPage = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      username: Type.String(),
      displayName: Type.String(),
      kind: Type.String(),
      status: Type.String(),
      personId: Type.Union([Type.String(), Type.Null()]),
      employerName: Type.Union([Type.String(), Type.Null()]),
      createdAt: DateTime,
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const ReviewBody = Type.Object(
  { decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), reason: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

export const CreateAccountBody = Type.Object(
  {
    username: Type.String({ pattern: '^[A-Za-z0-9_.]{3,32}$', maxLength: 32 }),
    displayName: Type.String({ minLength: 1, maxLength: 50 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
    grants: Type.Array(GrantSchema, { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);
