import { type Locale, type Message, formatMessage } from '../i18n/locale.ts';

export type ErrorSpec = Message & { status: number };

/** One problem inside a request: a field (`path`) or a cell of an imported file (`row`, `column`). */
export type ErrorDetail = {
  code: string;
  path?: string;
  row?: number;
  column?: string;
  value?: string;
  params?: Record<string, string | number>;
};

/** The only error services throw: a stable code, parameters for its message, and details. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly details: ErrorDetail[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

const catalog = new Map<string, ErrorSpec>();

/** Each module registers its own codes (its `errors.ts`); a duplicate code is a programming error. */
export function registerErrors(specs: Record<string, ErrorSpec>): void {
  for (const [code, spec] of Object.entries(specs)) {
    const prior = catalog.get(code);
    if (prior && prior !== spec) throw new Error(`error code ${code} registered twice`);
    catalog.set(code, spec);
  }
}

export function findErrorSpec(code: string): ErrorSpec | undefined {
  return catalog.get(code);
}

export function statusOf(code: string): number {
  return catalog.get(code)?.status ?? 500;
}

export function describe(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const spec = catalog.get(code);
  return spec ? formatMessage(spec, locale, params) : code;
}

export type LocalisedDetail = ErrorDetail & { message: string };

export function localiseDetails(details: ErrorDetail[], locale: Locale): LocalisedDetail[] {
  return details.map((d) => ({ ...d, message: describe(d.code, locale, { column: d.column ?? (d.path ?? '').replace(/^\//, ''), ...d.params }) }));
}

export const PLATFORM_ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: '请求数据不符合要求', en: 'The request is not valid' },
  FIELD_INVALID: { status: 400, zh: '字段 {column} 的值不符合要求', en: 'Field {column} is not valid' },
  FIELD_REQUIRED: { status: 400, zh: '字段 {column} 必须填写', en: 'Field {column} is required' },
  FIELD_UNKNOWN: { status: 400, zh: '不认识的字段 {column}', en: 'Unknown field {column}' },
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please sign in first' },
  FORBIDDEN: { status: 403, zh: '没有执行此操作的权限', en: 'You are not allowed to do this' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改临时密码', en: 'Change your temporary password first' },
  CSRF_INVALID: { status: 403, zh: '请求校验失败，请刷新页面后重试', en: 'Request verification failed; reload the page and retry' },
  NOT_FOUND: { status: 404, zh: '找不到所请求的内容', en: 'Not found' },
  CONFLICT: { status: 409, zh: '与已有数据冲突', en: 'This conflicts with existing data' },
  REFERENCE_NOT_FOUND: { status: 422, zh: '引用的数据不存在', en: 'A referenced record does not exist' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '上传内容过大', en: 'The upload is too large' },
  SERVICE_STARTING: { status: 503, zh: '系统正在启动，请稍后再试', en: 'The service is starting; try again shortly' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请联系管理员并提供请求编号', en: 'Internal error; contact the administrator with the request id' },
} satisfies Record<string, ErrorSpec>;

registerErrors(PLATFORM_ERRORS);
