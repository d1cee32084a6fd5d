import { Type } from 'typebox';
import { DateTime, Uuid } from '../../platform/http/schemas.ts';
import { PLAN_FIELDS } from '../learning/catalogue.ts';
import { BUDGET_CATEGORIES, FUNDING, SEMINAR_STATUSES } from './rules.ts';

const lit = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
// Null first: with type coercion on, a null tried against an integer first would become 0.
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

export const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
export const Field = lit(PLAN_FIELDS);
export const Category = lit(BUDGET_CATEGORIES);
export const Status = lit(SEMINAR_STATUSES);
export const Cents = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 });
const DateOnly = Type.String({ format: 'date', maxLength: 10 });
export const Version = Type.Integer({ minimum: 1 });

export const YearParams = Type.Object({ year: Year }, { additionalProperties: false });
export const SeminarIdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

const Teacher = Type.Object({ name: Type.String({ minLength: 1, maxLength: 50 }), title: Type.String({ maxLength: 50 }), affiliation: Type.String({ maxLength: 100 }) }, { additionalProperties: false });
const BudgetLine = Type.Object({ category: Category, amountCents: Cents, note: Type.String({ maxLength: 200 }) }, { additionalProperties: false });

const ContentProps = {
  title: Type.String({ minLength: 2, maxLength: 200 }),
  field: Field,
  departmentCode: Type.String({ pattern: '^[a-z]+(\\.[0-9]{6})?$', maxLength: 30 }),
  topics: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 }),
  startDate: DateOnly,
  endDate: DateOnly,
  days: Type.Integer({ minimum: 1, maximum: 60 }),
  place: Type.String({ minLength: 1, maxLength: 200 }),
  plannedTrainees: Type.Integer({ minimum: 1, maximum: 1000 }),
  hoursTenths: Type.Integer({ minimum: 1, maximum: 10000 }),
  teachers: Type.Array(Teacher, { maxItems: 50 }),
  funding: lit(FUNDING),
  budgetLines: Type.Array(BudgetLine, { maxItems: 7 }),
};
export const CreateBody = Type.Object({ hostId: Uuid, year: Year, ...ContentProps }, { additionalProperties: false });
export const UpdateBody = Type.Object({ version: Version, ...ContentProps }, { additionalProperties: false });
export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });
export const WithdrawBody = Type.Object({ version: Version, reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export const PrereviewBody = Type.Object({
  version: Version, decision: Type.Union([Type.Literal('pre_approved'), Type.Literal('returned')]), reason: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export const ListQuery = Type.Object({ year: Type.Optional(Year), status: Type.Optional(Status), hostId: Type.Optional(Uuid) }, { additionalProperties: false });

export const SeminarResponse = Type.Object({
  id: Type.String(), year: Type.Integer(), hostId: Type.String(), hostName: Type.String(), provinceCode: Type.String(), departmentCode: Type.String(),
  departmentName: Type.String(), title: Type.String(), field: Type.String(), topics: Type.Array(Type.String()), startDate: Type.String(), endDate: Type.String(),
  days: Type.Integer(), place: Type.String(), plannedTrainees: Type.Integer(), hoursTenths: Type.Integer(),
  teachers: Type.Array(Type.Object({ name: Type.String(), title: Type.String(), affiliation: Type.String() })), funding: Type.String(), status: Type.String(),
  statusReason: Nullable(Type.String()), submittedAt: Nullable(DateTime), centralApprovedCents: Nullable(Type.Integer()), publishedAt: Nullable(DateTime),
  version: Type.Integer(), createdAt: DateTime, updatedAt: DateTime,
  budgetLines: Type.Array(Type.Object({ category: Type.String(), amountCents: Type.Integer(), note: Type.String() })), budgetTotalCents: Type.Integer(),
  abilities: Type.Object({ edit: Type.Boolean(), submit: Type.Boolean(), withdraw: Type.Boolean(), prereview: Type.Boolean(), select: Type.Boolean() }),
});
export const SeminarList = Type.Object({ items: Type.Array(SeminarResponse) });
export const History = Type.Object({
  items: Type.Array(Type.Object({ seq: Type.Integer(), at: DateTime, actorName: Type.String(), action: Type.String(), summary: Type.Record(Type.String(), Type.Unknown()) })),
});

const Call = Type.Object({ year: Type.Integer(), deadline: DateTime, maxSeminars: Nullable(Type.Integer()), maxCentralCents: Nullable(Type.Integer()) });
export const CallResponse = Type.Object({ call: Nullable(Call) });
export const CallBody = Type.Object({ deadline: Type.String({ format: 'date-time', maxLength: 40 }), maxSeminars: Nullable(Type.Integer({ minimum: 1, maximum: 100_000 })), maxCentralCents: Nullable(Cents) }, { additionalProperties: false });
const Limit = Type.Object({ category: Category, perPersonDayCents: Cents }, { additionalProperties: false });
export const LimitsBody = Type.Object({ limits: Type.Array(Limit, { maxItems: 7 }) }, { additionalProperties: false });
export const LimitsResponse = Type.Object({ year: Type.Integer(), fromYear: Nullable(Type.Integer()), limits: Type.Array(Type.Object({ category: Type.String(), perPersonDayCents: Type.Integer() })) });

// Review
export const ExpertBody = Type.Object({
  accountId: Uuid, name: Type.String({ minLength: 1, maxLength: 100 }), fields: Type.Array(Field, { minItems: 1, maxItems: 15 }),
  organisationId: Nullable(Uuid), affiliation: Type.String({ maxLength: 200 }),
}, { additionalProperties: false });
export const ExpertUpdateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }), fields: Type.Array(Field, { minItems: 1, maxItems: 15 }), organisationId: Nullable(Uuid),
  affiliation: Type.String({ maxLength: 200 }), active: Type.Boolean(),
}, { additionalProperties: false });
export const ConflictBody = Type.Object({ organisationId: Uuid, reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
const Expert = Type.Object({
  id: Type.String(), accountId: Type.String(), username: Type.String(), name: Type.String(), fields: Type.Array(Type.String()), organisationId: Nullable(Type.String()),
  organisationName: Nullable(Type.String()), affiliation: Type.String(), active: Type.Boolean(), load: Type.Integer(),
  conflicts: Type.Array(Type.Object({ organisationId: Type.String(), organisationName: Type.String(), reason: Type.String() })),
});
export const ExpertResponse = Expert;
export const ExpertList = Type.Object({ items: Type.Array(Expert) });
export const DrawBody = Type.Object({
  year: Year, reviewersPerApplication: Type.Integer({ minimum: 1, maximum: 9, default: 3 }), seed: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' })),
}, { additionalProperties: false });
const Draw = Type.Object({
  id: Type.String(), year: Type.Integer(), seed: Type.String(), params: Type.Record(Type.String(), Type.Unknown()), assignments: Type.Integer(), createdAt: DateTime,
});
export const DrawResponse = Type.Object({ ...Draw.properties, items: Type.Array(Type.Object({ seminarId: Type.String(), expertId: Type.String(), expertName: Type.String(), fallback: Type.Boolean() })) });
export const DrawList = Type.Object({ items: Type.Array(Draw) });
export const YearQuery = Type.Object({ year: Year }, { additionalProperties: false });
export const Rubric = Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), labelZh: Type.String(), labelEn: Type.String(), weight: Type.Integer() })) });
export const BlindAssignment = Type.Object({
  seminarId: Type.String(), year: Type.Integer(), title: Type.String(), field: Type.String(), topics: Type.Array(Type.String()), startDate: Type.String(), endDate: Type.String(),
  days: Type.Integer(), place: Type.String(), plannedTrainees: Type.Integer(), hoursTenths: Type.Integer(), funding: Type.String(),
  teachers: Type.Array(Type.Object({ name: Type.String(), title: Type.String(), affiliation: Type.String() })),
  budgetLines: Type.Array(Type.Object({ category: Type.String(), amountCents: Type.Integer(), note: Type.String() })), budgetTotalCents: Type.Integer(),
  status: Type.String(), scores: Nullable(Type.Record(Type.String(), Type.Number())), totalTenths: Nullable(Type.Integer()), comment: Type.String(),
});
export const BlindList = Type.Object({ items: Type.Array(BlindAssignment) });
export const ScoreBody = Type.Object({
  scores: Type.Record(Type.String({ pattern: '^[a-z_]+$', maxLength: 30 }), Type.Integer({ minimum: 0, maximum: 100 }), { maxProperties: 20 }),
  comment: Type.String({ maxLength: 2000 }),
}, { additionalProperties: false });
export const DeclareConflictBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export const DeclareConflictResponse = Type.Object({ replacedBy: Nullable(Type.String()) });

// Selection
const RankedItem = Type.Object({
  id: Type.String(), title: Type.String(), hostName: Type.String(), field: Type.String(), departmentCode: Type.String(), plannedTrainees: Type.Integer(),
  funding: Type.String(), budgetTotalCents: Type.Integer(), status: Type.String(), centralApprovedCents: Nullable(Type.Integer()), publishedAt: Nullable(DateTime), version: Type.Integer(),
  scoreTenths: Nullable(Type.Integer()), rank: Nullable(Type.Integer()), reviews: Type.Array(Type.Object({ expertName: Type.String(), status: Type.String(), totalTenths: Nullable(Type.Integer()), comment: Type.String(), dropped: Type.Boolean() })),
});
export const SelectionResponse = Type.Object({
  year: Type.Integer(),
  planFound: Type.Boolean(),
  quota: Type.Array(Type.Object({ field: Type.String(), target: Type.Integer(), selected: Type.Integer(), remaining: Type.Integer() })),
  call: Nullable(Type.Object({ maxSeminars: Nullable(Type.Integer()), maxCentralCents: Nullable(Type.Integer()) })),
  selectedSeminars: Type.Integer(),
  selectedCentralCents: Type.Integer(),
  items: Type.Array(RankedItem),
});
export const SelectBody = Type.Object({
  version: Version, decision: Type.Union([Type.Literal('approved'), Type.Literal('not_selected')]), centralApprovedCents: Type.Optional(Nullable(Cents)),
}, { additionalProperties: false });
export const PublishBody = Type.Object({ year: Year }, { additionalProperties: false });
export const PublishResponse = Type.Object({ year: Type.Integer(), published: Type.Integer(), publishedAt: DateTime });
export const PublicQuery = Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false });
export const PublicList = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(), year: Type.Integer(), title: Type.String(), hostName: Type.String(), field: Type.String(), startDate: Type.String(), endDate: Type.String(),
    days: Type.Integer(), place: Type.String(), seats: Type.Integer(), hoursTenths: Type.Integer(), provinceCode: Type.String(), publishedAt: DateTime,
  })),
});

// Oversight
export const OversightResponse = Type.Object({
  year: Type.Integer(),
  planFound: Type.Boolean(),
  byField: Type.Array(Type.Object({ field: Type.String(), target: Nullable(Type.Integer()), seminars: Type.Integer(), trainees: Type.Integer() })),
  byDepartment: Type.Array(Type.Object({ departmentCode: Type.String(), departmentName: Type.String(), target: Nullable(Type.Integer()), seminars: Type.Integer(), trainees: Type.Integer() })),
  funds: Type.Object({ approvedCents: Type.Integer(), spentCents: Type.Integer() }),
  execution: Type.Array(Type.Object({
    id: Type.String(), title: Type.String(), hostName: Type.String(), budgetCents: Type.Integer(), centralApprovedCents: Nullable(Type.Integer()), spentCents: Type.Integer(),
    ratePercent: Nullable(Type.Number()), rank: Type.Integer(),
  })),
  lateReports: Type.Array(Type.Object({
    id: Type.String(), title: Type.String(), hostName: Type.String(), endDate: Type.String(), dueDate: Type.String(), submittedAt: Nullable(DateTime), daysLate: Type.Integer(),
  })),
});
