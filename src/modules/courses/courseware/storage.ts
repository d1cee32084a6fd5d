import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/errors.ts';

/** Largest course video or document (DATA_DIR disk, not memory: files stream in and out). */
export const MAX_MEDIA_BYTES = Number(process.env.ZHIGENG_MAX_MEDIA_BYTES ?? 500 * 1024 * 1024);

/** Where course files live: `<root>/<courseId>/<mediaId>`, uploads first land in `<root>/.incoming`. */
export type MediaStore = { root: string };

export function createMediaStore(root: string): MediaStore {
  mkdirSync(path.join(root, '.incoming'), { recursive: true });
  return { root };
}

export function mediaPath(store: MediaStore, courseId: string, mediaId: string): string {
  return path.join(store.root, courseId, mediaId);
}

/** An upload written to disk: its first bytes (for the type check), size and SHA-256. */
export type ReceivedUpload = { tmpPath: string; fileName: string; sizeBytes: number; sha256: string; head: Buffer };

/**
 * Stream the one file of a multipart request to a temporary file, hashing it and keeping its first
 * 64 bytes on the way; nothing is held in memory. Too large → 413 and nothing is kept.
 */
export async function receiveUpload(req: FastifyRequest, store: MediaStore, maxBytes = MAX_MEDIA_BYTES): Promise<ReceivedUpload> {
  const missing = () => new AppError('VALIDATION_FAILED', {}, [{ code: 'FIELD_REQUIRED', path: '/file', params: { column: 'file' } }]);
  if (!req.isMultipart()) throw missing();
  const file = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file) throw missing();
  const tmpPath = path.join(store.root, '.incoming', randomUUID());
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  let sizeBytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      if (head.length < 64) head = Buffer.concat([head, chunk.subarray(0, 64 - head.length)]);
      done(null, chunk);
    },
  });
  try {
    await pipeline(file.file, tap, createWriteStream(tmpPath));
    if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE');
    if (sizeBytes === 0) throw missing();
  } catch (error) {
    await rm(tmpPath, { force: true });
    throw error;
  }
  return { tmpPath, fileName: file.filename.slice(0, 200) || 'file', sizeBytes, sha256: hash.digest('hex'), head };
}

/** Move a received upload into its place. */
export async function keepUpload(store: MediaStore, upload: ReceivedUpload, courseId: string, mediaId: string): Promise<void> {
  mkdirSync(path.join(store.root, courseId), { recursive: true });
  await rename(upload.tmpPath, mediaPath(store, courseId, mediaId));
}

export async function discardFile(file: string): Promise<void> {
  await rm(file, { force: true });
}

export async function fileSize(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}

/** A stream of bytes [start, end] of a stored file. */
export function streamFile(file: string, range?: { start: number; end: number }) {
  return createReadStream(file, range);
}
