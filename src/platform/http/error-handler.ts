import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { pickLocale } from '../i18n/locale.ts';
import { AppError, type ErrorDetail, describe, localiseDetails, statusOf } from './errors.ts';

type PgError = { code?: string; constraint?: string; detail?: string };

function fromValidation(error: FastifyError): AppError {
  const details: ErrorDetail[] = (error.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>;
    const extra = typeof params.additionalProperty === 'string' ? `/${params.additionalProperty}` : '';
    const missing = typeof params.missingProperty === 'string' ? `/${params.missingProperty}` : '';
    // A JSON pointer into the part that failed ('/regionCode'), the form services use too.
    const path = `${v.instancePath}${extra}${missing}` || '/';
    const code = extra ? 'FIELD_UNKNOWN' : missing ? 'FIELD_REQUIRED' : 'FIELD_INVALID';
    return { code, path, params: { rule: v.keyword, part: error.validationContext ?? '' } };
  });
  return new AppError('VALIDATION_FAILED', {}, details);
}

/** Map any thrown value to the one error body `{ code, message, details, requestId }`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError & PgError;
  if (fe.validation) return fromValidation(fe);
  if (fe.code === '23505') return new AppError('CONFLICT', {}, [{ code: 'CONFLICT', path: fe.constraint ?? '' }]);
  if (fe.code === '23503') return new AppError('REFERENCE_NOT_FOUND', {}, [{ code: 'REFERENCE_NOT_FOUND', path: fe.constraint ?? '' }]);
  if (fe.statusCode === 413 || fe.code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE');
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED');
  if (fe.statusCode === 415 || fe.statusCode === 400) return new AppError('VALIDATION_FAILED', {}, [{ code: 'FIELD_INVALID', path: fe.message }]);
  if (fe.statusCode === 404) return new AppError('NOT_FOUND');
  return new AppError('INTERNAL');
}

export function errorBody(error: AppError, req: FastifyRequest) {
  const locale = pickLocale(req.headers['accept-language']);
  return {
    code: error.code,
    message: describe(error.code, locale, error.params),
    details: localiseDetails(error.details, locale),
    requestId: String(req.id),
  };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, req, reply) => {
    const appError = toAppError(error);
    const status = statusOf(appError.code);
    if (status >= 500) req.log.error({ err: error }, 'unhandled error');
    void reply.status(status).send(errorBody(appError, req));
  });
}
