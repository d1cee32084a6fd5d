import { Type, type Static } from 'typebox';
import { PageQuery, RegionCode, Uuid } from '../../../platform/http/schemas.ts';
import { DateTime } from '../../../platform/http/schemas.ts';
import { TITLE_LEVELS } from './rules.ts';

const TitleLevel = Type.Union(TITLE_LEVELS.map((l) => Type.Literal(l)));
const Status = Type.Union([Type.Literal('active'), Type.Literal('inactive')]);

export const PersonBody = Type.Object(
  {
    idNumber: Type.String({ minLength: 1, maxLength: 20 }),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    regionCode: RegionCode,
    employerId: Uuid,
    titleSeries: Type.String({ maxLength: 50, default: '' }),
    titleLevel: TitleLevel,
    specialty: Type.String({ maxLength: 100, default: '' }),
    phone: Type.String({ maxLength: 20, default: '' }),
    // 是否担任管理岗位. Like the other optional fields, left out means the default — on PUT too.
    managementPost: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type PersonBody = Static<typeof PersonBody>;

/** As PersonBody, but the ID number and phone may be left out (unchanged). */
export const PersonUpdateBody = Type.Object(
  {
    ...PersonBody.properties,
    idNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);

export const PersonQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50 })),
    regionCode: Type.Optional(RegionCode),
    employerId: Type.Optional(Uuid),
    titleLevel: Type.Optional(TitleLevel),
    status: Type.Optional(Status),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const PersonExportQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50 })),
    regionCode: Type.Optional(RegionCode),
    employerId: Type.Optional(Uuid),
    titleLevel: Type.Optional(TitleLevel),
    status: Type.Optional(Status),
    format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' }),
  },
  { additionalProperties: false },
);

export const PersonResponse = Type.Object({
  id: Type.String(),
  idNumberMasked: Type.String(),
  name: Type.String(),
  gender: Type.String(),
  birthDate: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  provinceCode: Type.String(),
  employerId: Type.String(),
  employerName: Type.String(),
  titleSeries: Type.String(),
  titleLevel: Type.String(),
  specialty: Type.String(),
  phoneMasked: Type.String(),
  managementPost: Type.Boolean(),
  status: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
  abilities: Type.Object({ edit: Type.Boolean(), deactivate: Type.Boolean(), activate: Type.Boolean(), revealIdNumber: Type.Boolean() }),
});

export const PersonPage = Type.Object({
  items: Type.Array(PersonResponse),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
