import { qrCanvas, renderPdf, type PdfContent, type PdfNode } from '../../platform/files/pdf.ts';
import { verificationUrl, type LearningProofStatement, type LearningProofYear } from './statement.ts';

/**
 * The printable learning-hours proof (学时证明): one A4 page, Chinese first and English second,
 * whose QR code and URL lead to the public verification page. The signed token also sits in
 * the PDF's Keywords so that a file can be checked offline (see `extractProofToken`).
 */

export const MUTED = '#666666';
export const RULE = '#b0b7c3';
const HEAD_FILL = '#eef2f7';
/** Dates on the page are the issuing authority's calendar day, not UTC's. */
const PAGE_TIME_ZONE = 'Asia/Shanghai';
/**
 * Points (≈60 mm). The URL carries the proof id and the signature only (≈160 characters), so
 * the symbol has about 50 modules of ≈1 mm whatever the number of years: easy for a phone.
 */
const QR_SIZE = 170;

export function bilingual(zh: string, en: string, options: PdfNode = {}): PdfNode {
  return { text: [zh, { text: ` ${en}`, color: MUTED, fontSize: 8 }], ...options };
}

function formatHours(hours: number): string {
  return hours.toFixed(1);
}

export function formatDate(iso: string): string {
  // en-CA formats as YYYY-MM-DD, readable in both languages.
  return new Intl.DateTimeFormat('en-CA', { timeZone: PAGE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

function titleBlock(statement: LearningProofStatement): PdfContent {
  return [
    { text: statement.issuer, alignment: 'center', fontSize: 11, color: MUTED, margin: [0, 0, 0, 6] },
    { text: '继续教育学时证明', alignment: 'center', fontSize: 22, bold: true, characterSpacing: 2 },
    { text: 'Certificate of Continuing Education Hours', alignment: 'center', fontSize: 12, color: MUTED, margin: [0, 2, 0, 10] },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 483, y2: 0, lineWidth: 1, lineColor: RULE }], margin: [0, 0, 0, 14] },
  ];
}

function personBlock(person: LearningProofStatement['person']): PdfContent {
  const row = (zh: string, en: string, value: string): PdfContent[] => [bilingual(`${zh}：`, en), { text: value, bold: true }];
  return [
    {
      layout: 'noBorders',
      table: {
        widths: [130, '*'],
        body: [row('姓名', 'Name', person.name), row('身份证号', 'ID number', person.idNumberMasked), row('工作单位', 'Employer', person.employerName)],
      },
      margin: [0, 0, 0, 10],
    },
    {
      text: ['兹证明上述人员继续教育学时情况如下（单位：学时）。', { text: '\nThis certifies the continuing-education hours below (unit: credit hours).', color: MUTED, fontSize: 8 }],
      margin: [0, 0, 0, 8],
    },
  ];
}

function yearRow(y: LearningProofYear): PdfContent[] {
  const status = y.compliant
    ? { text: ['达标', { text: '\nCompliant', fontSize: 7, color: MUTED }] }
    : { text: ['未达标', { text: '\nNot compliant', fontSize: 7, color: MUTED }], color: '#b42318' };
  return [String(y.year), formatHours(y.publicHours), formatHours(y.professionalHours), { text: formatHours(y.totalHours), bold: true }, formatHours(y.requiredTotal), status];
}

function yearsTable(years: LearningProofYear[]): PdfNode {
  const head = (zh: string, en: string): PdfNode => ({ text: [zh, { text: `\n${en}`, fontSize: 7, color: MUTED, bold: false }], bold: true, fillColor: HEAD_FILL });
  const header = [head('年度', 'Year'), head('公需科目', 'Public'), head('专业科目', 'Professional'), head('合计', 'Total'), head('要求', 'Required'), head('是否达标', 'Compliant')];
  const empty = [{ text: ['无学时记录', { text: ' No learning records', color: MUTED }], colSpan: 6 }, '', '', '', '', ''];
  return {
    table: { headerRows: 1, widths: [50, '*', '*', '*', '*', 70], body: [header, ...(years.length ? years.map(yearRow) : [empty])] },
    layout: {
      hLineColor: () => RULE,
      vLineColor: () => RULE,
      paddingTop: () => 5,
      paddingBottom: () => 5,
    },
    alignment: 'center',
    margin: [0, 0, 0, 18],
  };
}

function issueBlock(statement: LearningProofStatement): PdfNode {
  const row = (zh: string, en: string, value: string): PdfContent[] => [bilingual(`${zh}：`, en), value];
  return {
    layout: 'noBorders',
    table: {
      widths: [130, '*'],
      body: [row('签发机构', 'Issuer', statement.issuer), row('签发日期', 'Issue date', formatDate(statement.issuedAt)), row('证明编号', 'Proof ID', statement.proofId)],
    },
    margin: [0, 0, 0, 18],
  };
}

export async function verifyBlock(url: string): Promise<PdfNode> {
  return {
    columns: [
      { ...(await qrCanvas(url, QR_SIZE)), width: QR_SIZE },
      {
        width: '*',
        margin: [14, 8, 0, 0],
        stack: [
          { text: '扫码或访问以下网址验证真伪', bold: true, fontSize: 11, link: url, noWrap: true },
          { text: 'Scan or visit to verify', color: MUTED, margin: [0, 0, 0, 6] },
          // No `link` here: on text broken per character pdfkit writes one annotation per character,
          // each repeating the whole URL (≈1 MB for one page); the heading above, kept on one line, carries the link.
          { text: url, fontSize: 7, color: '#1d4ed8', wordBreak: 'break-all', lineHeight: 1.1 },
        ],
      },
    ],
    unbreakable: true,
  };
}

export function footer(): PdfContent {
  return {
    text: [
      '本证明经知更系统电子签名，内容被改动即无法通过验证。',
      { text: ' Electronically signed by Zhigeng; any alteration fails verification.', color: MUTED },
    ],
    fontSize: 7.5,
    alignment: 'center',
    margin: [56, 10, 56, 0],
  };
}

/**
 * Render the proof for a signed statement. `token` is the compact JWS of `statement` (made by
 * the platform signer); `baseUrl` is the public site's origin, e.g. `https://ce.example.gov.cn`.
 */
export async function renderLearningProof(statement: LearningProofStatement, token: string, baseUrl: string): Promise<Buffer> {
  const url = verificationUrl(baseUrl, statement.proofId, token);
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 48],
    language: 'zh-CN',
    info: {
      title: '继续教育学时证明 Certificate of Continuing Education Hours',
      subject: `学时证明 Learning-hours proof ${statement.proofId}`,
      keywords: token,
    },
    content: [titleBlock(statement), personBlock(statement.person), yearsTable(statement.years), issueBlock(statement), await verifyBlock(url)],
    footer: footer(),
  });
}

/**
 * The signed token embedded by `renderLearningProof`, read back from the PDF's Info
 * dictionary (an uncompressed literal string), or null when the file carries none. Verify it
 * with the platform signer: the page's printed content is not itself signed.
 */
export function extractProofToken(pdf: Buffer): string | null {
  const text = pdf.toString('latin1');
  const jws = '([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)';
  const direct = new RegExp(`/Keywords \\(${jws}\\)`).exec(text);
  if (direct) return direct[1];
  // pdfkit writes Info values as indirect objects: `/Keywords 12 0 R` … `12 0 obj\n(…)\nendobj`.
  const ref = /\/Keywords (\d+) 0 R/.exec(text);
  if (!ref) return null;
  const object = new RegExp(`(?:^|\\s)${ref[1]} 0 obj\\s*\\(${jws}\\)\\s*endobj`).exec(text);
  return object ? object[1] : null;
}
