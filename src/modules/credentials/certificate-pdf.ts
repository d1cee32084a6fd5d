import { renderPdf, type PdfContent, type PdfNode } from '../../platform/files/pdf.ts';
import { CATEGORY_LABELS, PLAN_FIELD_LABELS, isOneOf, CATEGORIES, PLAN_FIELDS } from '../learning/catalogue.ts';
import { MUTED, RULE, bilingual, footer, formatDate, verifyBlock } from './proof-pdf.ts';
import { verificationUrl, type CourseCertificateStatement } from './statement.ts';

/**
 * The printable course completion certificate (结业证明): one A4 page, Chinese first, with the
 * same QR verification and embedded token as the learning-hours proof (proof-pdf.ts).
 */
function rows(s: CourseCertificateStatement): PdfContent[][] {
  const row = (zh: string, en: string, value: string): PdfContent[] => [bilingual(`${zh}：`, en), { text: value, bold: true }];
  const category = isOneOf(CATEGORIES, s.course.category) ? CATEGORY_LABELS[s.course.category].zh : s.course.category;
  const field = isOneOf(PLAN_FIELDS, s.course.field) ? PLAN_FIELD_LABELS[s.course.field].zh : s.course.field;
  return [
    row('姓名', 'Name', s.person.name),
    row('身份证号', 'ID number', s.person.idNumberMasked),
    row('工作单位', 'Employer', s.person.employerName),
    row('课程', 'Course', s.course.title),
    row('类别 / 领域', 'Category / field', `${category} / ${field}`),
    row('学时', 'Credit hours', s.course.hours.toFixed(1)),
    row('完成日期', 'Completed on', formatDate(s.course.completedAt)),
    row('施教机构', 'Provider', s.issuer),
    row('签发日期', 'Issue date', formatDate(s.issuedAt)),
    row('证书编号', 'Certificate ID', s.proofId),
  ];
}

export async function renderCourseCertificate(statement: CourseCertificateStatement, token: string, baseUrl: string): Promise<Buffer> {
  const url = verificationUrl(baseUrl, statement.proofId, token);
  const table: PdfNode = { layout: 'noBorders', table: { widths: [150, '*'], body: rows(statement) }, margin: [0, 0, 0, 18] };
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 48],
    language: 'zh-CN',
    info: { title: '结业证明 Course completion certificate', subject: `结业证明 Course certificate ${statement.proofId}`, keywords: token },
    content: [
      { text: '继续教育课程结业证明', alignment: 'center', fontSize: 22, bold: true, characterSpacing: 2 },
      { text: 'Certificate of Course Completion', alignment: 'center', fontSize: 12, color: MUTED, margin: [0, 2, 0, 10] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 483, y2: 0, lineWidth: 1, lineColor: RULE }], margin: [0, 0, 0, 14] },
      table,
      await verifyBlock(url),
    ],
    footer: footer(),
  });
}
