// Enumerations of the learning-records module with their zh/en labels.
// Data only: keys are stored in the database and exchanged; labels are shown and accepted on import.

export type Label = { zh: string; en: string };

// Order No. 25 Art. 7 (DOMAIN.md §2): public subjects (公需科目) and professional subjects (专业科目).
export const CATEGORIES = ['public', 'professional'] as const;

export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, Label> = {
  public: { zh: '公需科目', en: 'Public subjects' },
  professional: { zh: '专业科目', en: 'Professional subjects' },
};

// Order No. 25 Art. 8 lists forms (1)–(5) (DOMAIN.md §2); the rest are the non-course activities
// that regions convert into hours (DOMAIN.md §3.2) and provincial systems record separately (§4.3).
export const LEARNING_FORMS = [
  'training',
  'advanced_seminar',
  'online',
  'conference',
  'practice',
  'academic_study',
  'research_visit',
  'exam',
  'publication',
  'project',
  'other',
] as const;

export type LearningForm = (typeof LEARNING_FORMS)[number];

export const LEARNING_FORM_LABELS: Record<LearningForm, Label> = {
  training: { zh: '培训班/研修班/进修班', en: 'Training class, seminar or refresher course' },
  advanced_seminar: { zh: '高级研修', en: 'Advanced seminar' },
  online: { zh: '远程教育（网络学习）', en: 'Distance education (online learning)' },
  conference: { zh: '学术会议/讲座/访问', en: 'Academic conference, lecture or visit' },
  practice: { zh: '继续教育实践活动', en: 'Continuing-education practice activity' },
  academic_study: { zh: '学历（学位）教育', en: 'Degree study' },
  research_visit: { zh: '访问学者/考察', en: 'Visiting scholar or study tour' },
  exam: { zh: '考试', en: 'Examination' },
  publication: { zh: '论文著作', en: 'Papers and books' },
  project: { zh: '科研项目', en: 'Research project' },
  other: { zh: '其他', en: 'Other' },
};

// The fifteen fields (领域) of the 2023 Knowledge Update Project plan table, in the table's order
// (seed 000_7809c469e182b9ab, 附件; DOMAIN.md §5).
export const PLAN_FIELDS = [
  'next_gen_it',
  'biotech',
  'new_energy',
  'new_materials',
  'high_end_equipment',
  'new_energy_vehicles',
  'green',
  'aerospace',
  'marine_equipment',
  'digital_tech',
  'intellectual_property',
  'cyber_security',
  'emergency_management',
  'rural_revitalisation',
  'other',
] as const;

export type PlanField = (typeof PLAN_FIELDS)[number];

export const PLAN_FIELD_LABELS: Record<PlanField, Label> = {
  next_gen_it: { zh: '新一代信息技术', en: 'Next-generation information technology' },
  biotech: { zh: '生物技术', en: 'Biotechnology' },
  new_energy: { zh: '新能源', en: 'New energy' },
  new_materials: { zh: '新材料', en: 'New materials' },
  high_end_equipment: { zh: '高端装备', en: 'High-end equipment' },
  new_energy_vehicles: { zh: '新能源汽车', en: 'New-energy vehicles' },
  green: { zh: '绿色环保', en: 'Green and environmental protection' },
  aerospace: { zh: '航空航天', en: 'Aerospace' },
  marine_equipment: { zh: '海洋装备', en: 'Marine equipment' },
  digital_tech: { zh: '数字技术', en: 'Digital technology' },
  intellectual_property: { zh: '知识产权', en: 'Intellectual property' },
  cyber_security: { zh: '网络安全', en: 'Cyber security' },
  emergency_management: { zh: '应急管理', en: 'Emergency management' },
  rural_revitalisation: { zh: '乡村振兴', en: 'Rural revitalisation' },
  other: { zh: '其他', en: 'Other' },
};

// How a record reached the system; employers register each person's activities (DOMAIN.md §2, §4.4).
export const RECORD_SOURCES = [
  'self_declared',
  'employer_entered',
  'provider_reported',
  'online_course',
  'exchange',
  'seminar',
] as const;

export type RecordSource = (typeof RECORD_SOURCES)[number];

export const RECORD_SOURCE_LABELS: Record<RecordSource, Label> = {
  self_declared: { zh: '个人申报', en: 'Self-declared' },
  employer_entered: { zh: '单位录入', en: 'Entered by employer' },
  provider_reported: { zh: '机构报送', en: 'Reported by provider' },
  online_course: { zh: '网络课程', en: 'Online course' },
  exchange: { zh: '数据交换', en: 'Data exchange' },
  seminar: { zh: '高级研修班', en: 'Advanced seminar programme' },
};

// For forms the province's rules list in `confirmForms`, the employer's approval makes a record
// 'endorsed' (not yet counted) and the province's confirmation makes it 'confirmed'.
export const RECORD_STATUSES = ['submitted', 'endorsed', 'approved', 'rejected', 'confirmed'] as const;

export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const RECORD_STATUS_LABELS: Record<RecordStatus, Label> = {
  submitted: { zh: '待审核', en: 'Submitted' },
  endorsed: { zh: '单位已审核，待省级确认', en: 'Endorsed by employer, awaiting the province' },
  approved: { zh: '单位已审核', en: 'Approved by employer' },
  rejected: { zh: '已退回', en: 'Rejected' },
  confirmed: { zh: '已确认', en: 'Confirmed by province' },
};

/** Narrows an arbitrary value to one of `keys`. */
export function isOneOf<K extends string>(keys: readonly K[], value: unknown): value is K {
  return typeof value === 'string' && (keys as readonly string[]).includes(value);
}

// Spreadsheets mix full-width and ASCII brackets, so both spellings of '学历（学位）教育' must match.
function normaliseZh(text: string): string {
  return text.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
}

/**
 * Key, zh label or en label (case-insensitive) → key; null when nothing matches. A zh label made of
 * alternatives ('培训班/研修班/进修班') also matches each alternative alone, as typed on import.
 */
export function parseLabel<K extends string>(value: string, keys: readonly K[], labels: Record<K, Label>): K | null {
  const v = value.trim();
  const lower = v.toLowerCase();
  const zh = normaliseZh(v);
  return (
    keys.find((k) => {
      const label = labels[k];
      if (k === lower || label.en.toLowerCase() === lower) return true;
      const whole = normaliseZh(label.zh);
      return whole === zh || whole.split('/').includes(zh);
    }) ?? null
  );
}
