import { randomBytes } from 'node:crypto';

/** A multipart/form-data body with one part `file`, as a browser sends it. */
export function multipartFile(content: Buffer | string, fileName: string, contentType = 'application/octet-stream') {
  const boundary = `----zhigengTest${randomBytes(12).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
