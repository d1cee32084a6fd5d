/**
 * Competent departments named in the attachment of the 2023 task plan (../shared/seed),
 * plus the ministry itself. `counterpart` is the usual name of the provincial office that
 * mirrors the department; a department without one has no provincial counterpart.
 */
export type DepartmentEntry = { code: string; name: string; shortName: string; nameEn: string; counterpart: string | null };

export const NATIONAL_DEPARTMENTS: DepartmentEntry[] = [
  { code: 'mohrss', name: '人力资源和社会保障部', shortName: '人力资源社会保障部', nameEn: 'Ministry of Human Resources and Social Security', counterpart: '人力资源和社会保障厅' },
  { code: 'cac', name: '中央网络安全和信息化委员会办公室', shortName: '中央网信办', nameEn: 'Cyberspace Administration of China', counterpart: '网信办' },
  { code: 'ndrc', name: '国家发展和改革委员会', shortName: '国家发展改革委', nameEn: 'National Development and Reform Commission', counterpart: '发展和改革委员会' },
  { code: 'moe', name: '教育部', shortName: '教育部', nameEn: 'Ministry of Education', counterpart: '教育厅' },
  { code: 'most', name: '科学技术部', shortName: '科技部', nameEn: 'Ministry of Science and Technology', counterpart: '科学技术厅' },
  { code: 'miit', name: '工业和信息化部', shortName: '工业和信息化部', nameEn: 'Ministry of Industry and Information Technology', counterpart: '经济和信息化厅' },
  { code: 'mof', name: '财政部', shortName: '财政部', nameEn: 'Ministry of Finance', counterpart: '财政厅' },
  { code: 'mnr', name: '自然资源部', shortName: '自然资源部', nameEn: 'Ministry of Natural Resources', counterpart: '自然资源厅' },
  { code: 'mee', name: '生态环境部', shortName: '生态环境部', nameEn: 'Ministry of Ecology and Environment', counterpart: '生态环境厅' },
  { code: 'mot', name: '交通运输部', shortName: '交通运输部', nameEn: 'Ministry of Transport', counterpart: '交通运输厅' },
  { code: 'moa', name: '农业农村部', shortName: '农业农村部', nameEn: 'Ministry of Agriculture and Rural Affairs', counterpart: '农业农村厅' },
  { code: 'mem', name: '应急管理部', shortName: '应急管理部', nameEn: 'Ministry of Emergency Management', counterpart: '应急管理厅' },
  { code: 'samr', name: '国家市场监督管理总局', shortName: '市场监管总局', nameEn: 'State Administration for Market Regulation', counterpart: '市场监督管理局' },
  { code: 'cas', name: '中国科学院', shortName: '中国科学院', nameEn: 'Chinese Academy of Sciences', counterpart: null },
  { code: 'nea', name: '国家能源局', shortName: '国家能源局', nameEn: 'National Energy Administration', counterpart: '能源局' },
  { code: 'cnipa', name: '国家知识产权局', shortName: '国家知识产权局', nameEn: 'China National Intellectual Property Administration', counterpart: '知识产权局' },
  { code: 'nrra', name: '国家乡村振兴局', shortName: '国家乡村振兴局', nameEn: 'National Rural Revitalization Administration', counterpart: '乡村振兴局' },
];
