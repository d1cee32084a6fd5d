import { getLanguage } from './i18n.ts';

/** One entry of an error body's `details`: a field (`path`, JSON-pointer style) or an import cell. */
export type ApiErrorDetail = {
  code: string;
  message: string;
  path?: string;
  row?: number;
  column?: string;
  value?: unknown;
};

type ErrorBody = { code: string; message: string; details?: ApiErrorDetail[]; requestId?: string };

/** A failed call: the server's `{ code, message, details }`, or a synthetic code when there is no body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  readonly requestId: string | undefined;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details ?? [];
    this.requestId = body.requestId;
  }
}

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
export type Query = Record<string, string | number | boolean | null | undefined>;

// The CSRF token lives in memory only: it comes back with every login and GET /api/auth/me.
let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401, so the app can drop the session and show the login page. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Headers every call sends: the UI language and, on state changes, the CSRF token. */
export function buildHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': getLanguage() };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

/** Turns a status and raw response text into an ApiError, tolerating non-JSON bodies (proxies, 502s). */
export function toApiError(status: number, text: string): ApiError {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isErrorBody(parsed)) {
      if (status === 401) unauthorizedListeners.forEach((l) => l());
      return new ApiError(status, parsed);
    }
  } catch {
    // Not JSON: fall through to a synthetic body so callers still branch on `code`.
  }
  if (status === 401) unauthorizedListeners.forEach((l) => l());
  return new ApiError(status, { code: `HTTP_${status}`, message: '' });
}

type RequestOptions = { query?: Query; body?: unknown; signal?: AbortSignal };

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers = buildHeaders(method);
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: '' });
  }
  const text = await response.text();
  if (!response.ok) throw toApiError(response.status, text);
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body, query }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

export type UploadResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/**
 * Multipart upload through XMLHttpRequest, because fetch cannot report upload progress.
 * `onProgress` receives 0–100.
 */
export function uploadFile<T>(path: string, file: File, query: Query, onProgress: (percent: number) => void): Promise<UploadResult<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path, query));
    for (const [key, value] of Object.entries(buildHeaders('POST'))) xhr.setRequestHeader(key, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve({ ok: true, data: (xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T });
      } else {
        resolve({ ok: false, error: toApiError(xhr.status, xhr.responseText) });
      }
    };
    xhr.onerror = () => resolve({ ok: false, error: new ApiError(0, { code: 'NETWORK_ERROR', message: '' }) });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
