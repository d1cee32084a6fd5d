import type { Ownership, OrgRole, RegionFlag, TitleLevel } from './enums.ts';

export type Region = {
  code: string;
  name: string;
  level: 0 | 1 | 2;
  parentCode: string | null;
  flags: RegionFlag[];
  hasChildren: boolean;
};
/** GET /api/regions/tree: the nation node at the root, provinces below, cities below them. */
export type RegionNode = { code: string; name: string; level: 0 | 1 | 2; flags: RegionFlag[]; children?: RegionNode[] };

export type Department = {
  code: string;
  name: string;
  shortName: string;
  nameEn: string;
  level: 'national' | 'provincial';
  regionCode: string | null;
  parentCode: string | null;
};

/** `activate` is served although docs/api.md does not list it; older answers may lack it. */
export type Abilities = { edit: boolean; deactivate: boolean; activate?: boolean };

export type OrgOption = { id: string; name: string; regionCode: string };

export type Org = {
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
  regionName: string;
  provinceCode: string;
  departmentCode: string | null;
  departmentName: string | null;
  ownership: Ownership;
  roles: OrgRole[];
  address: string;
  contactName: string;
  /** 基层单位: its staff get the designated-region preference in seminar admission. */
  grassroots: boolean;
  status: 'active' | 'inactive';
  peopleCount: number;
  createdAt: string;
  updatedAt: string;
  abilities: Abilities;
};

export type OrgBody = {
  name: string;
  creditCode: string;
  regionCode: string;
  departmentCode: string | null;
  ownership: Ownership;
  roles: OrgRole[];
  address: string;
  contactName: string;
  grassroots: boolean;
};

export type OrgQuery = {
  q?: string;
  regionCode?: string;
  ownership?: string;
  role?: string;
  status?: string;
  page: number;
  pageSize: number;
};

export type Person = {
  id: string;
  idNumberMasked: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  regionCode: string;
  regionName: string;
  provinceCode: string;
  employerId: string;
  employerName: string;
  titleSeries: string;
  titleLevel: TitleLevel;
  specialty: string;
  phoneMasked: string;
  /** 担任管理岗位: qualifies for seminar enrolment below an intermediate title. */
  managementPost: boolean;
  status: 'active' | 'inactive';
  createdAt: string;
  updatedAt: string;
  abilities: Abilities & { revealIdNumber: boolean };
};

export type PersonBody = {
  idNumber: string;
  name: string;
  regionCode: string;
  employerId: string;
  titleSeries: string;
  titleLevel: TitleLevel;
  specialty: string;
  phone: string;
  managementPost: boolean;
};

export type PeopleQuery = {
  q?: string;
  regionCode?: string;
  employerId?: string;
  titleLevel?: string;
  status?: string;
  page: number;
  pageSize: number;
};

export type Account = {
  id: string;
  username: string;
  displayName: string;
  kind: 'staff' | 'professional';
  status: string;
  personId: string | null;
  employerName: string | null;
  createdAt: string;
};

export type AccountQuery = { status?: string; q?: string; page: number; pageSize: number };

export type ImportResult = { rows: number; created: number; dryRun: boolean };
