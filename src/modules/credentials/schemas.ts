import { Type } from 'typebox';

const Year = Type.Integer({ minimum: 1990, maximum: 2100 });

export const IssueProofBody = Type.Object(
  { years: Type.Array(Year, { minItems: 1, maxItems: 10, uniqueItems: true }) },
  { additionalProperties: false },
);

/** The printed URL's two parts; lenient on the HTML page, which answers "not genuine" to anything odd. */
export const ProofLinkParams = Type.Object(
  { id: Type.String({ maxLength: 64 }), signature: Type.String({ maxLength: 256 }) },
  { additionalProperties: false },
);

export const ProofLinkApiParams = Type.Object(
  { id: Type.String({ format: 'uuid', maxLength: 36 }), signature: Type.String({ pattern: '^[A-Za-z0-9_-]+$', maxLength: 256 }) },
  { additionalProperties: false },
);

const ProofYear = Type.Object({
  year: Type.Integer(),
  totalHours: Type.Number(),
  publicHours: Type.Number(),
  professionalHours: Type.Number(),
  requiredTotal: Type.Number(),
  compliant: Type.Boolean(),
});

export const ProofStatement = Type.Object({
  type: Type.Literal('learning-hours-proof'),
  proofId: Type.String(),
  issuedAt: Type.String(),
  issuer: Type.String(),
  person: Type.Object({ name: Type.String(), idNumberMasked: Type.String(), employerName: Type.String() }),
  years: Type.Array(ProofYear),
});

export const CertificateStatement = Type.Object({
  type: Type.Literal('course-completion-certificate'),
  proofId: Type.String(),
  issuedAt: Type.String(),
  issuer: Type.String(),
  person: Type.Object({ name: Type.String(), idNumberMasked: Type.String(), employerName: Type.String() }),
  course: Type.Object({ id: Type.String(), title: Type.String(), hours: Type.Number(), category: Type.String(), field: Type.String(), completedAt: Type.String() }),
});

export const VerifyReason = Type.Union(
  [Type.Literal('not_found'), Type.Literal('revoked'), Type.Literal('no_token'), Type.Literal('malformed'), Type.Literal('unknown_key'), Type.Literal('bad_signature')],
  {
    description:
      'not_found: no registered proof with this id and signature; revoked: withdrawn by the issuer; no_token: the PDF carries no proof token; ' +
      'malformed, unknown_key, bad_signature: the token is not ours or was altered',
  },
);

export const VerifyResponse = Type.Object({
  genuine: Type.Boolean(),
  reason: Type.Optional(VerifyReason),
  statement: Type.Optional(Type.Union([ProofStatement, CertificateStatement])),
});

export const JwksResponse = Type.Object({
  keys: Type.Array(
    Type.Object({
      kty: Type.Optional(Type.String()),
      crv: Type.Optional(Type.String()),
      x: Type.Optional(Type.String()),
      kid: Type.Optional(Type.String()),
      alg: Type.Optional(Type.String()),
      use: Type.Optional(Type.String()),
    }),
  ),
});
