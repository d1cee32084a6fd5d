import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { QR_QUIET_ZONE, qrDarkRuns } from './qr.ts';

/**
 * PDF output through pdfmake 0.3's server build (pdfkit underneath), with Noto Sans SC from
 * @expo-google-fonts/noto-sans-sc as the default font: pdfkit embeds only the glyphs a
 * document uses (a one-page proof is tens of KB), and the TrueType outlines subset cleanly,
 * which pdf-lib's subsetter does not for CJK.
 */

/** A pdfmake content node (text, table, columns, image, …); see pdfmake's document-definition docs. */
export type PdfNode = { [key: string]: unknown };
export type PdfContent = string | PdfNode | PdfContent[];

/** Document metadata, written to the PDF's Info dictionary (lower-case keys as pdfmake expects). */
export type PdfInfo = {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
};

export type PdfDocDefinition = {
  content: PdfContent;
  info?: PdfInfo;
  pageSize?: string | { width: number; height: number };
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins?: number | [number, number] | [number, number, number, number];
  defaultStyle?: PdfNode;
  styles?: Record<string, PdfNode>;
  images?: Record<string, string>;
  footer?: PdfContent | ((currentPage: number, pageCount: number) => PdfContent);
  header?: PdfContent | ((currentPage: number, pageCount: number) => PdfContent);
  language?: string;
};

type FontFamily = { normal: string; bold: string; italics: string; bolditalics: string };

/** The slice of pdfmake's (untyped) server API this module uses. */
type PdfMakeServer = {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: Record<string, FontFamily>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: PdfDocDefinition, options?: object): { getBuffer(): Promise<Buffer> };
};

export const PDF_FONT = 'NotoSansSC';
export const PDF_AUTHOR = 'Zhigeng 知更';
const PDF_PRODUCER = 'Zhigeng 知更 (pdfmake 0.3)';
const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';
const FONT_FILES = {
  regular: `${FONT_PACKAGE}/400Regular/NotoSansSC_400Regular.ttf`,
  bold: `${FONT_PACKAGE}/700Bold/NotoSansSC_700Bold.ttf`,
};

const require = createRequire(import.meta.url);
let pdfmake: PdfMakeServer | undefined;

/**
 * Load pdfmake once and put the two font files (≈10 MB each) into its virtual file system, so
 * later documents read them from memory. Han characters have no italic: italics map to upright.
 * Documents may not fetch URLs or read local files; images must be data URLs.
 */
function getPdfMake(): PdfMakeServer {
  if (pdfmake) return pdfmake;
  const instance = require('pdfmake') as PdfMakeServer;
  const regular = `zhigeng-fonts/${PDF_FONT}-Regular.ttf`;
  const bold = `zhigeng-fonts/${PDF_FONT}-Bold.ttf`;
  instance.virtualfs.writeFileSync(regular, readFileSync(require.resolve(FONT_FILES.regular)));
  instance.virtualfs.writeFileSync(bold, readFileSync(require.resolve(FONT_FILES.bold)));
  instance.setFonts({ [PDF_FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } });
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy(() => false);
  pdfmake = instance;
  return instance;
}

/**
 * Render a pdfmake document definition to a PDF buffer: A4 unless the definition says
 * otherwise, Noto Sans SC 10 pt by default, author and producer set to Zhigeng.
 */
export async function renderPdf(docDefinition: PdfDocDefinition): Promise<Buffer> {
  const doc: PdfDocDefinition = {
    pageSize: 'A4',
    ...docDefinition,
    defaultStyle: { font: PDF_FONT, fontSize: 10, ...docDefinition.defaultStyle },
    info: { author: PDF_AUTHOR, creator: PDF_AUTHOR, producer: PDF_PRODUCER, ...docDefinition.info },
    // pdfmake writes resolved URLs back into `images`: give it a copy of the caller's map.
    images: { ...docDefinition.images },
  };
  return getPdfMake().createPdf(doc).getBuffer();
}

/**
 * A QR code as a pdfmake canvas of filled rectangles, `width` points square including the
 * quiet zone: vector output prints sharp and costs a few KB and milliseconds, where a PNG of
 * the same symbol takes ~60 KB and ~0.3 s to encode and embed.
 */
export async function qrCanvas(text: string, width: number): Promise<PdfNode> {
  const { modules, runs } = await qrDarkRuns(text);
  const unit = width / (modules + 2 * QR_QUIET_ZONE);
  const dark = runs.map((r) => ({ type: 'rect', x: (QR_QUIET_ZONE + r.x) * unit, y: (QR_QUIET_ZONE + r.y) * unit, w: r.length * unit, h: unit, color: '#000000' }));
  // The white square first: it reserves the quiet zone in the layout and under the symbol.
  return { canvas: [{ type: 'rect', x: 0, y: 0, w: width, h: width, color: '#ffffff' }, ...dark] };
}
