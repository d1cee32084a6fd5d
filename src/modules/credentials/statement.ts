/**
 * The signed statement behind a learning-hours proof (学时证明). It is the JWS payload, so it
 * carries only what the printed page shows: a masked ID number, never the full one.
 */
export type LearningProofYear = {
  year: number;
  totalHours: number;
  publicHours: number;
  professionalHours: number;
  requiredTotal: number;
  compliant: boolean;
};

export type LearningProofStatement = {
  type: 'learning-hours-proof';
  proofId: string;
  /** ISO 8601 instant. */
  issuedAt: string;
  /** The issuing authority's display name, e.g. a provincial HR department. */
  issuer: string;
  person: { name: string; idNumberMasked: string; employerName: string };
  years: LearningProofYear[];
};

export type LearningProofInput = {
  proofId: string;
  issuer: string;
  person: LearningProofStatement['person'];
  years: LearningProofYear[];
};

/** Hours are numeric(6,1) in the database; round so the signed JSON never shows 12.299999. */
function roundHours(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0) throw new Error(`${field} must be a non-negative number`);
  return Math.round(value * 10) / 10;
}

/**
 * Build the statement to sign: years sorted ascending, hours rounded to one decimal, `now`
 * taken as an argument. Compliance is decided by the learning module's rules and passed in.
 * Refuses an unmasked ID number, since the statement is readable by anyone holding the token.
 */
export function buildLearningProofStatement(input: LearningProofInput, now: Date): LearningProofStatement {
  if (!input.person.idNumberMasked.includes('*')) throw new Error('person.idNumberMasked must be masked');
  const years = [...input.years]
    .sort((a, b) => a.year - b.year)
    .map((y) => {
      if (!Number.isInteger(y.year)) throw new Error('year must be an integer');
      return {
        year: y.year,
        totalHours: roundHours(y.totalHours, 'totalHours'),
        publicHours: roundHours(y.publicHours, 'publicHours'),
        professionalHours: roundHours(y.professionalHours, 'professionalHours'),
        requiredTotal: roundHours(y.requiredTotal, 'requiredTotal'),
        compliant: y.compliant,
      };
    });
  return {
    type: 'learning-hours-proof',
    proofId: input.proofId,
    issuedAt: now.toISOString(),
    issuer: input.issuer,
    person: { name: input.person.name, idNumberMasked: input.person.idNumberMasked, employerName: input.person.employerName },
    years,
  };
}

/** The signature segment of a compact JWS (header.payload.signature): 86 base64url characters for Ed25519. */
export function signatureOf(token: string): string {
  return token.slice(token.lastIndexOf('.') + 1);
}

/**
 * The public page that checks a proof: the proof's id and the JWS signature segment only, so
 * that the QR code stays small enough to read. The page looks the registered token up by id
 * and requires its signature to equal the one in the URL; the whole token stays in the PDF's
 * metadata for offline checks.
 */
export function verificationUrl(baseUrl: string, proofId: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/verify/proof/${proofId}/${signatureOf(token)}`;
}

/** The signed statement behind a course completion certificate (结业证明): what the page shows. */
export type CourseCertificateStatement = {
  type: 'course-completion-certificate';
  proofId: string;
  issuedAt: string;
  /** The training institution or CE base that gave the course. */
  issuer: string;
  person: { name: string; idNumberMasked: string; employerName: string };
  course: { id: string; title: string; hours: number; category: string; field: string; completedAt: string };
};

/** Any statement this instance signs and verifies. */
export type SignedStatement = LearningProofStatement | CourseCertificateStatement;

export type CourseCertificateInput = Omit<CourseCertificateStatement, 'type' | 'issuedAt'>;

/** Build a course certificate's statement: hours rounded to one decimal, the ID number masked. */
export function buildCourseCertificateStatement(input: CourseCertificateInput, now: Date): CourseCertificateStatement {
  if (!input.person.idNumberMasked.includes('*')) throw new Error('person.idNumberMasked must be masked');
  return {
    type: 'course-completion-certificate',
    proofId: input.proofId,
    issuedAt: now.toISOString(),
    issuer: input.issuer,
    person: { name: input.person.name, idNumberMasked: input.person.idNumberMasked, employerName: input.person.employerName },
    course: { ...input.course, hours: roundHours(input.course.hours, 'hours') },
  };
}
