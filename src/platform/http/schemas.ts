import { Type } from 'typebox';

/** Shared schema atoms (STYLE.md 16). */
export const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
export const RegionCode = Type.String({ pattern: '^[0-9]{6}$', maxLength: 6 });
export const ShortText = (max = 100) => Type.String({ maxLength: max });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};

export const FormatQuery = Type.Object(
  { format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' }) },
  { additionalProperties: false },
);

export const ErrorResponse = Type.Object({
  code: Type.String(),
  message: Type.String(),
  details: Type.Array(
    Type.Object({
      code: Type.String(),
      message: Type.String(),
      path: Type.Optional(Type.String()),
      row: Type.Optional(Type.Integer()),
      column: Type.Optional(Type.String()),
      value: Type.Optional(Type.String()),
    }),
  ),
  requestId: Type.String(),
});

export const ImportQuery = Type.Object({ dryRun: Type.Boolean({ default: false }) }, { additionalProperties: false });
export const ImportResponse = Type.Object({ rows: Type.Integer(), created: Type.Integer(), dryRun: Type.Boolean() });

/** An instant: services hand out Date objects, the serializer writes ISO 8601 text. */
export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
