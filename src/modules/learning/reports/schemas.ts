import { Type } from 'typebox';
import { MAX_REPORT_ROWS, REPORT_FIELDS } from './fields.ts';

// Each cell may come as text or number; meaning is checked per row so that a bad row is reported
// with its row number (and, in accept_valid mode, does not stop the others).
const Cell = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Null()]);

export const ReportRecord = Type.Object(Object.fromEntries(REPORT_FIELDS.map((f) => [f, Type.Optional(Cell)])), { additionalProperties: false });

export const ReportBody = Type.Object({ records: Type.Array(ReportRecord, { minItems: 1, maxItems: MAX_REPORT_ROWS }) }, { additionalProperties: false });

export const ReportQuery = Type.Object(
  { mode: Type.Union([Type.Literal('all_or_nothing'), Type.Literal('accept_valid')], { default: 'all_or_nothing' }) },
  { additionalProperties: false },
);

export const UploadQuery = Type.Object(
  {
    mode: Type.Union([Type.Literal('all_or_nothing'), Type.Literal('accept_valid')], { default: 'all_or_nothing' }),
    organisationId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

export const RowError = Type.Object({
  row: Type.Integer(),
  column: Type.String(),
  code: Type.String(),
  message: Type.String(),
  value: Type.Optional(Type.String()),
});

export const ReportResponse = Type.Object({
  received: Type.Integer(),
  created: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  errors: Type.Array(RowError),
});
