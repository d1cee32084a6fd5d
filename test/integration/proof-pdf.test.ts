import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigner, loadSigningKey, type Signer } from '../../src/platform/crypto/signing.ts';
import { qrDarkRuns, qrPngDataUrl } from '../../src/platform/files/qr.ts';
import { extractProofToken, renderLearningProof } from '../../src/modules/credentials/proof-pdf.ts';
import { buildLearningProofStatement, verificationUrl, type LearningProofInput, type LearningProofStatement } from '../../src/modules/credentials/statement.ts';

const BASE_URL = 'https://ce.example.gov.cn';
const input: LearningProofInput = {
  proofId: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b',
  issuer: '浙江省人力资源和社会保障厅',
  person: { name: '王堃喆', idNumberMasked: '3301**********1234', employerName: '杭州市第一人民医院' },
  years: [
    { year: 2024, totalHours: 92, publicHours: 30, professionalHours: 62, requiredTotal: 90, compliant: true },
    { year: 2023, totalHours: 71.5, publicHours: 24, professionalHours: 47.5, requiredTotal: 90, compliant: false },
  ],
};

/** Every Flate stream of the file, inflated (streams that are not Flate are skipped). */
function inflatedStreams(pdf: Buffer): Buffer[] {
  const text = pdf.toString('latin1');
  const out: Buffer[] = [];
  for (const match of text.matchAll(/>>\s*stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(start, end)));
    } catch {
      // Not a Flate stream: nothing of interest to the test.
    }
  }
  return out;
}

/** The strings that the fonts' ToUnicode CMaps map glyphs to: what text extraction sees. */
function mappedStrings(pdf: Buffer): Set<string> {
  const mapped = new Set<string>();
  for (const stream of inflatedStreams(pdf)) {
    const cmap = stream.toString('latin1');
    if (!cmap.includes('begincmap')) continue;
    for (const [, hex] of cmap.matchAll(/<([0-9a-fA-F ]+)>/g)) {
      mapped.add(Buffer.from(hex.replace(/ /g, ''), 'hex').swap16().toString('utf16le'));
    }
  }
  return mapped;
}

let signer: Signer;
let statement: LearningProofStatement;
let token: string;
let pdf: Buffer;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'zhigeng-proof-'));
  signer = createSigner(loadSigningKey(dataDir, {}));
  statement = buildLearningProofStatement(input, new Date('2025-03-01T18:30:00Z'));
  token = await signer.sign(statement);
  pdf = await renderLearningProof(statement, token, BASE_URL);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('renderLearningProof', () => {
  it('writes a one-page PDF well under 2 MB, with the font subset embedded', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(2 * 1024 * 1024);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(pdf.includes('/FontFile')).toBe(true);
    expect(pdf.includes('+NotoSansSC-Regular')).toBe(true);
  });

  it('really carries the Chinese text: the ToUnicode maps cover the title, the labels and a rare name character', () => {
    const mapped = mappedStrings(pdf);
    for (const ch of '继续教育学时证明公需科目专业科目合计要求是否达标未达标扫码或访问以下网址验证真伪王堃喆') {
      expect(mapped, `glyph for ${ch}`).toContain(ch);
    }
    // Only the glyphs used are embedded: a character absent from the page is absent from the maps.
    expect(mapped).not.toContain('龘');
  });

  it('sets the metadata and embeds the token, which verifies offline to the statement', async () => {
    const text = pdf.toString('latin1');
    expect(text).toContain('/Title');
    expect(text).toContain('/Author');
    expect(extractProofToken(pdf)).toBe(token);
    expect(await signer.verify(extractProofToken(pdf) ?? '')).toEqual({ ok: true, payload: statement, kid: signer.kid });
  });

  it('links to the verification URL', () => {
    expect(pdf.toString('latin1')).toContain(`/URI (${verificationUrl(BASE_URL, statement.proofId, token)})`);
  });

  it('renders a statement without years', async () => {
    const empty = buildLearningProofStatement({ ...input, years: [] }, new Date('2025-03-01T00:00:00Z'));
    const out = await renderLearningProof(empty, await signer.sign(empty), BASE_URL);
    expect(out.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(extractProofToken(Buffer.from('%PDF-1.3 no keywords'))).toBeNull();
  });
});

describe('buildLearningProofStatement and verificationUrl', () => {
  it('sorts years, rounds hours to one decimal and stamps issuedAt from now', () => {
    const built = buildLearningProofStatement(
      { ...input, years: [{ ...input.years[0], totalHours: 92.04 }, { ...input.years[1], publicHours: 24.000001 }] },
      new Date('2025-03-01T18:30:00Z'),
    );
    expect(built.type).toBe('learning-hours-proof');
    expect(built.issuedAt).toBe('2025-03-01T18:30:00.000Z');
    expect(built.years.map((y) => y.year)).toEqual([2023, 2024]);
    expect(built.years[0].publicHours).toBe(24);
    expect(built.years[1].totalHours).toBe(92);
  });

  it.each([
    ['an unmasked ID number', { ...input, person: { ...input.person, idNumberMasked: '330106199001011234' } }],
    ['negative hours', { ...input, years: [{ ...input.years[0], publicHours: -1 }] }],
    ['a fractional year', { ...input, years: [{ ...input.years[0], year: 2024.5 }] }],
  ])('refuses %s', (_label, bad) => {
    expect(() => buildLearningProofStatement(bad, new Date())).toThrow();
  });

  it('builds the short verification URL (id and signature segment) without a doubled slash', () => {
    expect(verificationUrl('https://ce.example.gov.cn/', 'p-1', 'a.b.c')).toBe('https://ce.example.gov.cn/verify/proof/p-1/c');
  });
});

describe('QR helpers', () => {
  it('makes a PNG data URL and a symbol with the three finder patterns', async () => {
    expect(await qrPngDataUrl('https://ce.example.gov.cn/verify/proof/x')).toMatch(/^data:image\/png;base64,/);
    const { modules, runs } = await qrDarkRuns('https://ce.example.gov.cn/verify/proof/x');
    // Each finder pattern's top edge is a run of seven dark modules in row 0.
    expect(runs.filter((r) => r.y === 0 && r.length === 7).map((r) => r.x)).toEqual([0, modules - 7]);
    expect(runs.some((r) => r.y === modules - 1 && r.x === 0 && r.length >= 7)).toBe(true);
  });
});
