import { api, buildUrl, type Page, type Query } from '../../shared/api.ts';
import type { RegionFlag } from './enums.ts';
import type {
  Account,
  AccountQuery,
  Department,
  Org,
  OrgBody,
  OrgOption,
  OrgQuery,
  PeopleQuery,
  Person,
  PersonBody,
  Region,
  RegionNode,
} from './types.ts';

export type * from './types.ts';

/** Query keys, so that a mutation can invalidate exactly the lists it changed. */
export const registryKeys = {
  regionTree: ['registry', 'regions', 'tree'] as const,
  departments: ['registry', 'departments'] as const,
  orgOptions: (query: Query) => ['registry', 'organisations', 'options', query] as const,
  organisations: ['registry', 'organisations'] as const,
  organisationList: (query: OrgQuery) => ['registry', 'organisations', 'list', query] as const,
  organisation: (id: string) => ['registry', 'organisations', 'one', id] as const,
  people: ['registry', 'people'] as const,
  peopleList: (query: PeopleQuery) => ['registry', 'people', 'list', query] as const,
  person: (id: string) => ['registry', 'people', 'one', id] as const,
  accounts: ['registry', 'accounts'] as const,
  accountList: (query: AccountQuery) => ['registry', 'accounts', 'list', query] as const,
};

export const fetchRegionTree = () => api.get<{ items: RegionNode[] }>('/api/regions/tree').then((r) => r.items);
export const updateRegionFlags = (code: string, flags: RegionFlag[]) => api.put<Region>(`/api/regions/${code}/flags`, { flags });

export const fetchDepartments = (query: { level?: string; regionCode?: string } = {}) =>
  api.get<{ items: Department[] }>('/api/departments', query).then((r) => r.items);

export const fetchOrgOptions = (query: { regionCode?: string; q?: string; role?: string }) =>
  api.get<{ items: OrgOption[] }>('/api/organisations/options', query).then((r) => r.items);

export const fetchOrganisations = (query: OrgQuery) => api.get<Page<Org>>('/api/organisations', query);
export const fetchOrganisation = (id: string) => api.get<Org>(`/api/organisations/${id}`);
export const createOrganisation = (body: OrgBody) => api.post<Org>('/api/organisations', body);
export const updateOrganisation = (id: string, body: OrgBody) => api.put<Org>(`/api/organisations/${id}`, body);
export const setOrganisationActive = (id: string, active: boolean) =>
  api.post<Org>(`/api/organisations/${id}/${active ? 'activate' : 'deactivate'}`);

export const fetchPeople = (query: PeopleQuery) => api.get<Page<Person>>('/api/people', query);
export const fetchPerson = (id: string) => api.get<Person>(`/api/people/${id}`);
export const createPerson = (body: PersonBody) => api.post<Person>('/api/people', body);
/** Partial on edit: idNumber and phone are only sent when re-entered (the client only ever sees them masked). */
export const updatePerson = (id: string, body: Partial<PersonBody>) => api.put<Person>(`/api/people/${id}`, body);
export const setPersonActive = (id: string, active: boolean) =>
  api.post<Person>(`/api/people/${id}/${active ? 'activate' : 'deactivate'}`);
/** Audited on the server: call only on an explicit user action. */
export const revealIdNumber = (id: string) => api.get<{ idNumber: string }>(`/api/people/${id}/id-number`).then((r) => r.idNumber);

export const fetchAccounts = (query: AccountQuery) => api.get<Page<Account>>('/api/accounts', query);
export const reviewAccount = (id: string, decision: 'approve' | 'reject', reason?: string) =>
  api.post<{ id: string; status: string }>(`/api/accounts/${id}/review`, reason ? { decision, reason } : { decision });
export const resetAccountPassword = (id: string) =>
  api.post<{ id: string; temporaryPassword: string }>(`/api/accounts/${id}/reset-password`);

export type ImportKind = 'organisations' | 'people';
export const templateUrl = (kind: ImportKind, format: 'xlsx' | 'csv') => buildUrl(`/api/${kind}/template`, { format });
export const importPath = (kind: ImportKind) => `/api/${kind}/import`;
export const exportUrl = (kind: ImportKind, query: Query, format: 'xlsx' | 'csv') => buildUrl(`/api/${kind}/export`, { ...query, page: undefined, pageSize: undefined, format });
