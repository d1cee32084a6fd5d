import type { ProofVerdict } from './service.ts';
import type { CourseCertificateStatement, LearningProofStatement, LearningProofYear, SignedStatement } from './statement.ts';

/**
 * The public verification page behind a proof's QR code: server-rendered, Chinese first and
 * English second, no script (the CSP allows scripts from our origin only; inline styles are
 * allowed). Every value from the statement is escaped.
 */

const PAGE_TIME_ZONE = 'Asia/Shanghai';

const STYLE = `
body{margin:0;font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:#1f2937;background:#f5f7fa;line-height:1.6}
main{max-width:720px;margin:0 auto;padding:24px 16px}
h1{font-size:20px;margin:0 0 16px}
.en{color:#6b7280;font-size:.85em;font-weight:normal}
.verdict{border-radius:8px;padding:16px 20px;margin-bottom:20px;border:1px solid}
.verdict strong{font-size:20px}
.verdict p{margin:4px 0 0}
.genuine{background:#ecfdf3;border-color:#6ce9a6;color:#05603a}
.not-genuine{background:#fef3f2;border-color:#fda29b;color:#912018}
table{border-collapse:collapse;width:100%;background:#fff;margin-bottom:20px}
th,td{border:1px solid #d0d5dd;padding:6px 10px;text-align:left;vertical-align:top}
th{background:#eef2f7;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.no{color:#b42318}
footer{color:#6b7280;font-size:13px;margin-top:24px}
`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function bi(zh: string, en: string): string {
  return `${escapeHtml(zh)} <span class="en" lang="en">${escapeHtml(en)}</span>`;
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-CA', { timeZone: PAGE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function verdictBlock(verdict: ProofVerdict): string {
  const [cls, head, note] = verdict.genuine
    ? ['genuine', bi('真实有效', 'Genuine'), bi('本证明由本系统签发，签名验证通过，内容未被改动。', 'This proof was issued by this system; its signature verifies and its content is unaltered.')]
    : verdict.reason === 'revoked'
      ? ['not-genuine', bi('验证失败：证明已撤销', 'Not genuine: the proof has been revoked'), bi('签发机构已撤销本证明，其内容不再有效。', 'The issuer has withdrawn this proof; what it states no longer holds.')]
      : ['not-genuine', bi('验证失败：证明无效或已被篡改', 'Not genuine: the proof is invalid or was altered'), bi('请核对二维码或网址是否完整，或向持证人索取原件。', 'Check that the QR code or address is complete, or ask the holder for the original.')];
  return `<div class="verdict ${cls}" role="status" data-testid="verify-verdict" data-genuine="${String(verdict.genuine)}"><strong>${head}</strong><p>${note}</p></div>`;
}

function row(zh: string, en: string, value: string): string {
  return `<tr><th scope="row">${bi(zh, en)}</th><td>${escapeHtml(value)}</td></tr>`;
}

function yearRow(y: LearningProofYear): string {
  const num = (n: number) => `<td class="num">${escapeHtml(n.toFixed(1))}</td>`;
  const status = y.compliant ? `<td>${bi('达标', 'Compliant')}</td>` : `<td class="no">${bi('未达标', 'Not compliant')}</td>`;
  return `<tr><td>${escapeHtml(String(y.year))}</td>${num(y.publicHours)}${num(y.professionalHours)}${num(y.totalHours)}${num(y.requiredTotal)}${status}</tr>`;
}

function statementBlock(s: LearningProofStatement): string {
  const head = [['年度', 'Year'], ['公需科目', 'Public'], ['专业科目', 'Professional'], ['合计', 'Total'], ['要求', 'Required'], ['是否达标', 'Compliant']]
    .map(([zh, en]) => `<th scope="col">${bi(zh, en)}</th>`)
    .join('');
  const years = s.years.length ? s.years.map(yearRow).join('') : `<tr><td colspan="6">${bi('无学时记录', 'No learning records')}</td></tr>`;
  return [
    `<h2>${bi('证明内容', 'What the proof states')}</h2>`,
    `<table data-testid="verify-person">${row('姓名', 'Name', s.person.name)}${row('身份证号', 'ID number', s.person.idNumberMasked)}${row('工作单位', 'Employer', s.person.employerName)}</table>`,
    `<table data-testid="verify-years"><caption>${bi('继续教育学时（单位：学时）', 'Continuing-education hours (unit: credit hours)')}</caption><thead><tr>${head}</tr></thead><tbody>${years}</tbody></table>`,
    `<table data-testid="verify-issue">${row('签发日期', 'Issue date', formatDate(s.issuedAt))}${row('签发机构', 'Issuer', s.issuer)}${row('证明编号', 'Proof ID', s.proofId)}</table>`,
  ].join('\n');
}

function certificateBlock(s: CourseCertificateStatement): string {
  return [
    `<h2>${bi('结业证明内容', 'What the certificate states')}</h2>`,
    `<table data-testid="verify-person">${row('姓名', 'Name', s.person.name)}${row('身份证号', 'ID number', s.person.idNumberMasked)}${row('工作单位', 'Employer', s.person.employerName)}</table>`,
    `<table data-testid="verify-course">${row('课程', 'Course', s.course.title)}${row('学时', 'Credit hours', s.course.hours.toFixed(1))}${row('完成日期', 'Completed on', formatDate(s.course.completedAt))}</table>`,
    `<table data-testid="verify-issue">${row('签发日期', 'Issue date', formatDate(s.issuedAt))}${row('施教机构', 'Provider', s.issuer)}${row('证书编号', 'Certificate ID', s.proofId)}</table>`,
  ].join('\n');
}

function anyStatementBlock(s: SignedStatement): string {
  return s.type === 'course-completion-certificate' ? certificateBlock(s) : statementBlock(s);
}

/** The whole HTML document for a verdict; only a genuine proof shows what it states. */
export function renderVerifyPage(verdict: ProofVerdict): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>学时证明验证 Proof verification</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${bi('继续教育学时证明验证', 'Verification of a continuing-education hours proof')}</h1>
${verdictBlock(verdict)}
${verdict.genuine ? anyStatementBlock(verdict.statement) : ''}
<footer>${bi('本页根据签发时登记的电子签名核验证明。签名公钥：', 'This page checks the electronic signature registered at issue. Public keys:')} <a href="/.well-known/jwks.json">/.well-known/jwks.json</a></footer>
</main>
</body>
</html>
`;
}
