import { Type } from 'typebox';
import { DateTime, PageQuery, RegionCode, Uuid } from '../../platform/http/schemas.ts';
import { CATEGORIES, LEARNING_FORMS, PLAN_FIELDS, RECORD_SOURCES, RECORD_STATUSES } from './catalogue.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
export const Year = Type.Integer({ minimum: 1990, maximum: 2100 });

export const RecordBody = Type.Object(
  {
    year: Year,
    category: literals(CATEGORIES),
    form: literals(LEARNING_FORMS),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    providerName: Type.String({ maxLength: 200, default: '' }),
    startDate: DateString,
    endDate: DateString,
    hours: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
    field: literals(PLAN_FIELDS),
    /** A conversion of the province's rules (e.g. a national conference): it sets form and hours. */
    conversionKey: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);

export const EnterRecordBody = Type.Object({ ...RecordBody.properties, personId: Uuid }, { additionalProperties: false });

export const DecisionBody = Type.Object(
  { decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), reason: Type.Optional(Type.String({ maxLength: 300 })) },
  { additionalProperties: false },
);

export const RecordQuery = Type.Object(
  {
    personId: Type.Optional(Uuid),
    employerId: Type.Optional(Uuid),
    year: Type.Optional(Year),
    status: Type.Optional(literals(RECORD_STATUSES)),
    source: Type.Optional(literals(RECORD_SOURCES)),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const Evidence = Type.Object({ id: Type.String(), fileName: Type.String(), contentType: Type.String(), sizeBytes: Type.Integer(), sha256: Type.String(), createdAt: DateTime });

export const RecordResponse = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  idNumberMasked: Type.String(),
  employerId: Type.String(),
  employerName: Type.String(),
  year: Type.Integer(),
  category: Type.String(),
  form: Type.String(),
  title: Type.String(),
  providerId: Type.Union([Type.String(), Type.Null()]),
  providerName: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  hours: Type.Number(),
  field: Type.String(),
  source: Type.String(),
  status: Type.String(),
  providerRecordId: Type.Union([Type.String(), Type.Null()]),
  reviewReason: Type.Union([Type.String(), Type.Null()]),
  reviewedAt: Type.Union([DateTime, Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
  evidenceCount: Type.Integer(),
  evidence: Type.Optional(Type.Array(Evidence)),
  abilities: Type.Object({ edit: Type.Boolean(), review: Type.Boolean(), confirm: Type.Boolean() }),
});

export const RecordPage = Type.Object({ items: Type.Array(RecordResponse), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export const RecordList = Type.Object({ items: Type.Array(RecordResponse) });

export const YearCompliance = Type.Object({
  year: Type.Integer(),
  totalHours: Type.Number(),
  publicHours: Type.Number(),
  professionalHours: Type.Number(),
  requiredTotal: Type.Number(),
  requiredProfessional: Type.Number(),
  requiredPublic: Type.Number(),
  compliant: Type.Boolean(),
  byForm: Type.Record(Type.String(), Type.Number()),
  shortfalls: Type.Array(Type.Object({ kind: Type.String(), hours: Type.Number() })),
  explanation: Type.Object({ zh: Type.String(), en: Type.String() }),
});

export const YearsQuery = Type.Object(
  { from: Type.Optional(Year), to: Type.Optional(Year) },
  { additionalProperties: false },
);

export const ComplianceListQuery = Type.Object(
  {
    year: Year,
    employerId: Type.Optional(Uuid),
    regionCode: Type.Optional(RegionCode),
    departmentCode: Type.Optional(Type.String({ maxLength: 20 })),
    compliant: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const ComplianceExportQuery = Type.Object(
  {
    year: Year,
    employerId: Type.Optional(Uuid),
    regionCode: Type.Optional(RegionCode),
    departmentCode: Type.Optional(Type.String({ maxLength: 20 })),
    compliant: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' }),
  },
  { additionalProperties: false },
);

export const ComplianceListResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      personId: Type.String(),
      name: Type.String(),
      idNumberMasked: Type.String(),
      employerName: Type.String(),
      regionName: Type.String(),
      titleLevel: Type.String(),
      totalHours: Type.Number(),
      publicHours: Type.Number(),
      professionalHours: Type.Number(),
      compliant: Type.Boolean(),
    }),
  ),
  total: Type.Integer(),
  compliantCount: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const RulesParams = Type.Object({ regionCode: RegionCode, year: Year }, { additionalProperties: false });
export const RulesBody = Type.Object(
  { patch: Type.Record(Type.String({ maxLength: 40 }), Type.Unknown()), note: Type.String({ maxLength: 300, default: '' }) },
  { additionalProperties: false },
);
export const PreviewBody = Type.Object({ patch: Type.Record(Type.String({ maxLength: 40 }), Type.Unknown()) }, { additionalProperties: false });
