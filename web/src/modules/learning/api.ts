import { api, ApiError, buildHeaders, buildUrl, toApiError, uploadFile, type Page, type UploadResult } from '../../shared/api.ts';
import { getLanguage } from '../../shared/i18n.ts';
import type {
  ApiKey,
  ApiKeyBody,
  ComplianceList,
  ComplianceListQuery,
  CreatedApiKey,
  Decision,
  DecisionStep,
  EnterRecordValues,
  LearningRecord,
  OrgOption,
  PersonOption,
  RecordBodyValues,
  RecordListQuery,
  RegionNode,
  ReportMode,
  ReportResult,
  RulesPatch,
  RulesPreview,
  RulesView,
  YearCompliance,
} from './types.ts';

export type * from './types.ts';

/** Query keys, so that a mutation can invalidate exactly the lists it changed. */
export const learningKeys = {
  own: ['learning', 'me'] as const,
  ownRecords: ['learning', 'me', 'records'] as const,
  ownCompliance: (from: number, to: number) => ['learning', 'me', 'compliance', from, to] as const,
  records: ['learning', 'records'] as const,
  recordList: (query: RecordListQuery) => ['learning', 'records', 'list', query] as const,
  record: (id: string) => ['learning', 'records', 'one', id] as const,
  compliance: (query: ComplianceListQuery) => ['learning', 'compliance', query] as const,
  rules: (regionCode: string, year: number) => ['learning', 'rules', regionCode, year] as const,
  apiKeys: ['learning', 'api-keys'] as const,
  apiKeyPage: (page: number, pageSize: number) => ['learning', 'api-keys', page, pageSize] as const,
  people: (q: string) => ['learning', 'people-options', q] as const,
  orgs: (q: string) => ['learning', 'org-options', q] as const,
  provinces: ['learning', 'provinces'] as const,
};

// The professional's own archive.
export const fetchOwnRecords = () => api.get<{ items: LearningRecord[] }>('/api/me/learning/records').then((r) => r.items);
export const declareRecord = (body: RecordBodyValues) => api.post<LearningRecord>('/api/me/learning/records', body);
export const updateOwnRecord = (id: string, body: RecordBodyValues) => api.put<LearningRecord>(`/api/me/learning/records/${id}`, body);
export const evidencePath = (recordId: string) => `/api/me/learning/records/${recordId}/evidence`;
export const fetchOwnCompliance = (from: number, to: number) =>
  api.get<{ items: YearCompliance[] }>('/api/me/learning/compliance', { from, to }).then((r) => r.items);

function fileNameOf(disposition: string | null): string | null {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return plain ? plain[1] : null;
}

/** POST /api/me/learning/proofs answers a signed PDF; the caller saves the blob as a file. */
export async function fetchProof(years: number[]): Promise<{ blob: Blob; fileName: string | null }> {
  const headers = { ...buildHeaders('POST'), Accept: 'application/pdf', 'Content-Type': 'application/json' };
  let response: Response;
  try {
    response = await fetch('/api/me/learning/proofs', { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify({ years }) });
  } catch {
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: '' });
  }
  if (!response.ok) throw toApiError(response.status, await response.text());
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}

// Employers, departments and provinces.
export const fetchRecords = (query: RecordListQuery) => api.get<Page<LearningRecord>>('/api/learning/records', query);
export const fetchRecord = (id: string) => api.get<LearningRecord>(`/api/learning/records/${id}`);
export const enterRecord = (body: EnterRecordValues) => api.post<LearningRecord>('/api/learning/records', body);
export const decideRecord = (step: DecisionStep, id: string, decision: Decision, reason?: string) =>
  api.post<LearningRecord>(`/api/learning/records/${id}/${step}`, reason ? { decision, reason } : { decision });
export const evidenceUrl = (recordId: string, evidenceId: string) => `/api/learning/records/${recordId}/evidence/${evidenceId}`;
export const fetchComplianceList = (query: ComplianceListQuery) => api.get<ComplianceList>('/api/learning/compliance/list', query);

// Rules per region and year.
export const fetchRules = (regionCode: string, year: number) => api.get<RulesView>(`/api/learning/rules/${regionCode}/${year}`);
export const previewRules = (regionCode: string, year: number, patch: RulesPatch) =>
  api.post<RulesPreview>(`/api/learning/rules/${regionCode}/${year}/preview`, { patch });
export const saveRules = (regionCode: string, year: number, patch: RulesPatch, note: string) =>
  api.put<RulesView>(`/api/learning/rules/${regionCode}/${year}`, { patch, note });

// API keys and provider reports.
export const fetchApiKeys = (page: number, pageSize: number) => api.get<Page<ApiKey>>('/api/learning/api-keys', { page, pageSize });
export const createApiKey = (body: ApiKeyBody) => api.post<CreatedApiKey>('/api/learning/api-keys', body);
export const revokeApiKey = (id: string) => api.post<unknown>(`/api/learning/api-keys/${id}/revoke`);

/**
 * An error of the report endpoint. Unlike toApiError it never signals "signed out": a 401 here
 * means the typed API key was refused, not that the administrator's session ended.
 */
function reportError(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown; details?: ApiError['details']; requestId?: string };
    if (typeof body.code === 'string' && typeof body.message === 'string') {
      return new ApiError(status, { code: body.code, message: body.message, details: body.details, requestId: body.requestId });
    }
  } catch {
    // Not JSON (a proxy page): a synthetic code below.
  }
  return new ApiError(status, { code: `HTTP_${status}`, message: '' });
}

/**
 * A provider report sent as a provider's system would: multipart `file`, authenticated only by the
 * API key typed on the page. The server refuses a request carrying both a session cookie and a key
 * (API_KEY_WITH_SESSION), and XMLHttpRequest always sends same-origin cookies, so this is a fetch
 * with `credentials: 'omit'` — which cannot report upload progress, only its phases.
 */
export async function uploadReport(file: File, apiKey: string, mode: ReportMode): Promise<UploadResult<ReportResult>> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers = { Accept: 'application/json', 'Accept-Language': getLanguage(), Authorization: `Bearer ${apiKey}` };
  let response: Response;
  try {
    response = await fetch(buildUrl('/api/learning/reports', { mode }), { method: 'POST', headers, body: form, credentials: 'omit' });
  } catch {
    return { ok: false, error: new ApiError(0, { code: 'NETWORK_ERROR', message: '' }) };
  }
  const text = await response.text();
  if (response.ok) return { ok: true, data: JSON.parse(text) as ReportResult };
  return { ok: false, error: reportError(response.status, text) };
}

/** A report file uploaded by the signed-in administrator of a provider, with upload progress (0–100). */
export const uploadReportSignedIn = (file: File, mode: ReportMode, onProgress: (percent: number) => void) =>
  uploadFile<ReportResult>('/api/learning/reports/upload', file, { mode }, onProgress);

// Pickers.
export const fetchPeopleOptions = (q: string) =>
  api.get<Page<PersonOption>>('/api/people', { q: q || undefined, status: 'active', pageSize: 20 }).then((r) => r.items);
export const fetchOrgOptions = (q: string) => api.get<{ items: OrgOption[] }>('/api/organisations/options', { q: q || undefined }).then((r) => r.items);
export const fetchProvinces = () =>
  api.get<{ items: RegionNode[] }>('/api/regions/tree').then((r) => (r.items[0]?.children ?? []).map(({ code, name }) => ({ code, name })));
