import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TableOutput } from '../files/table-writer.ts';
import { AppError } from './errors.ts';

/** Read the one uploaded file of a multipart request into memory (size-limited by the plugin). */
export async function readUploadFile(req: FastifyRequest): Promise<{ data: Buffer; fileName: string }> {
  const missing = () => new AppError('VALIDATION_FAILED', {}, [{ code: 'FIELD_REQUIRED', path: '/file', params: { column: 'file' } }]);
  if (!req.isMultipart()) throw missing();
  const file = await req.file();
  if (!file) throw missing();
  const data = await file.toBuffer();
  if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE');
  return { data, fileName: file.filename };
}

export async function readUpload(req: FastifyRequest): Promise<Buffer> {
  return (await readUploadFile(req)).data;
}

export function sendFile(reply: FastifyReply, output: TableOutput, baseName: string) {
  const name = `${baseName}.${output.extension}`;
  return reply
    .header('content-type', output.contentType)
    .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(output.body);
}
