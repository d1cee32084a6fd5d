/**
 * QR codes for verification URLs. Error correction M (15 %) survives a fold or a stamp on a
 * printed page without making long URLs (a signed proof's URL is about a thousand characters)
 * much denser. The quiet zone is the standard's four modules.
 */
const ERROR_CORRECTION = 'M';
export const QR_QUIET_ZONE = 4;

/** qrcode is loaded on first use, like the other file libraries: it is not needed to start. */
async function loadQrcode() {
  return (await import('qrcode')).default;
}

/** A PNG data URL, for an <img> or a pdfmake `image`; eight pixels per module stay sharp when scaled. */
export async function qrPngDataUrl(text: string, pixelsPerModule = 8): Promise<string> {
  const qrcode = await loadQrcode();
  return qrcode.toDataURL(text, { errorCorrectionLevel: ERROR_CORRECTION, type: 'image/png', margin: QR_QUIET_ZONE, scale: pixelsPerModule });
}

/** A horizontal run of dark modules in row `y`, from column `x`, `length` modules long. */
export type QrRun = { x: number; y: number; length: number };

/**
 * The symbol as runs of dark modules (quiet zone not included), for drawing it as vectors: a
 * PDF then prints it sharp at any resolution, in a few KB, without decoding an image.
 */
export async function qrDarkRuns(text: string): Promise<{ modules: number; runs: QrRun[] }> {
  const qrcode = await loadQrcode();
  const { size, data } = qrcode.create(text, { errorCorrectionLevel: ERROR_CORRECTION }).modules;
  const runs: QrRun[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && data[y * size + x]) x++;
      runs.push({ x: start, y, length: x - start });
    }
  }
  return { modules: size, runs };
}
