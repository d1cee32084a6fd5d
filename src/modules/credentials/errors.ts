import { type ErrorSpec, registerErrors } from '../../platform/http/errors.ts';

/** Credentials error codes (STYLE.md 20); clients branch on the code. */
export const CREDENTIALS_ERRORS = {
  /** Issuing a proof: the signed-in account is not linked to a professional (staff accounts). */
  CREDENTIALS_NOT_A_PROFESSIONAL: { status: 403, zh: '只有专业技术人员本人可以开具学时证明', en: 'Only a professional can obtain a proof of their own hours' },
  /** Issuing a proof for a year that has not begun: choose past or current years. */
  CREDENTIALS_YEAR_IN_FUTURE: { status: 422, zh: '不能为尚未开始的年度 {year} 开具证明', en: 'Year {year} has not begun; no proof can be issued for it' },
  /** Checking an uploaded file that is not a PDF: upload the proof as it was downloaded. */
  CREDENTIALS_NOT_A_PDF: { status: 422, zh: '上传的文件不是 PDF', en: 'The uploaded file is not a PDF' },
} satisfies Record<string, ErrorSpec>;

registerErrors(CREDENTIALS_ERRORS);
