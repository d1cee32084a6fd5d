import type { Static } from 'typebox';
import type { Category, LearningForm, PlanField } from '../../../../src/modules/learning/catalogue.ts';
import type { ComplianceRules, RulesPatch } from '../../../../src/modules/learning/rules.ts';
import type {
  ComplianceListResponse,
  Evidence,
  RecordBody,
  RecordResponse,
  YearCompliance as YearComplianceSchema,
} from '../../../../src/modules/learning/schemas.ts';

// Types come from the server's response schemas (STYLE.md 17); instants travel as ISO text.
type Json<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

export type LearningRecord = Json<Static<typeof RecordResponse>>;
export type RecordEvidence = Json<Static<typeof Evidence>>;
// schemas.ts builds its enumerations from arrays, which Static reads as `never`: named here instead.
export type RecordBodyValues = Omit<Static<typeof RecordBody>, 'category' | 'form' | 'field'> & { category: Category; form: LearningForm; field: PlanField };
export type EnterRecordValues = RecordBodyValues & { personId: string };
export type YearCompliance = Json<Static<typeof YearComplianceSchema>>;
export type ComplianceList = Json<Static<typeof ComplianceListResponse>>;
export type ComplianceListItem = ComplianceList['items'][number];

export type RecordListQuery = {
  status?: string;
  year?: number;
  q?: string;
  personId?: string;
  page: number;
  pageSize: number;
};

export type ComplianceListQuery = {
  year: number;
  compliant?: boolean;
  q?: string;
  employerId?: string;
  page: number;
  pageSize: number;
};

export type Decision = 'approve' | 'reject';
/** The employer's review (submitted →) or the province's confirmation (endorsed →). */
export type DecisionStep = 'review' | 'confirm';

export type { ComplianceRules, RulesPatch };

export type RuleVersion = { regionCode: string; year: number; version: number; patch: RulesPatch; note: string; createdAt: string };

/** GET /api/learning/rules/:regionCode/:year (the route declares no response schema). */
export type RulesView = {
  regionCode: string;
  year: number;
  effective: ComplianceRules;
  patch: RulesPatch;
  versions: RuleVersion[];
  defaults: ComplianceRules;
  savedVersion?: number;
};

export type RulesPreview = {
  people: number;
  compliantBefore: number;
  compliantAfter: number;
  becomeCompliant: number;
  becomeNonCompliant: number;
};

// API keys and provider reports (learning/api-keys, learning/reports on the server).
export type ApiKeyPurpose = 'report' | 'compliance' | 'xapi';

export type ApiKey = {
  id: string;
  name: string;
  purpose: ApiKeyPurpose;
  prefix: string;
  organisationId: string | null;
  organisationName: string | null;
  regionCode: string | null;
  regionName: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  abilities: { revoke: boolean };
};

export type ApiKeyBody = { name: string; purpose: ApiKeyPurpose; organisationId?: string; regionCode?: string };
export type CreatedApiKey = { id: string; key: string; prefix: string };

export type ReportMode = 'all_or_nothing' | 'accept_valid';

export type ReportError = { row?: number; column?: string; path?: string; code: string; message: string; value?: unknown };

export type ReportResult = {
  received: number;
  created: number;
  unchanged: number;
  rejected: number;
  errors: ReportError[];
};

export type PersonOption = { id: string; name: string; idNumberMasked: string; employerName: string };
export type OrgOption = { id: string; name: string; regionCode: string };
export type RegionNode = { code: string; name: string; level: number; children?: RegionNode[] };
