// Where the time of importPeople goes: the same steps as src/modules/registry/people/import.ts,
// run one after another over the whole file with a clock around each, calling the same
// functions (readTable, validatePersonFields, sealPerson, listExistingHashes, copyCsv …).
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../src/platform/audit/record.ts';
import { type Ctx, requireActor } from '../src/platform/context.ts';
import { mapColumns, pickRow, readTable } from '../src/platform/files/table-file.ts';
import { findOrganisationsByCreditCodes } from '../src/modules/registry/organisations/repo.ts';
import { listAllRegions } from '../src/modules/registry/regions/repo.ts';
import { type PersonFields, validatePersonFields } from '../src/modules/registry/people/fields.ts';
import { MAX_IMPORT_ROWS, PERSON_IMPORT_COLUMNS, encodePeopleCsv } from '../src/modules/registry/people/import.ts';
import { PERSON_COLUMNS, type PersonWrite, listExistingHashes } from '../src/modules/registry/people/repo.ts';
import { sealPerson } from '../src/modules/registry/people/service.ts';
import { gcPausesBetween } from './gc.ts';

/** One step: wall time, and the garbage-collection pauses that started inside it. */
export type Step = { step: string; ms: number; gcMs: number; detail?: boolean };

class Stopwatch {
  private readonly steps: (Step & { start: number })[] = [];

  async time<T>(step: string, fn: () => Promise<T> | T, detail = false): Promise<T> {
    const start = performance.now();
    const result = await fn();
    this.steps.push({ step, start, ms: performance.now() - start, gcMs: 0, detail });
    return result;
  }

  async finish(): Promise<Step[]> {
    const out: Step[] = [];
    for (const { start, ...s } of this.steps) out.push({ ...s, gcMs: await gcPausesBetween(start, start + s.ms) });
    return out;
  }
}

/**
 * Run the import's steps separately on an empty `people` table (the caller truncates it).
 * Lines marked `detail` split a step above them and are not added to the total.
 */
export async function profileImport(ctx: Ctx, data: Buffer): Promise<Step[]> {
  const sw = new Stopwatch();
  const grants = requireActor(ctx).grants;
  const table = await sw.time('parse CSV (readTable: decode + csv-parse)', () => readTable(data, MAX_IMPORT_ROWS));
  const records = await sw.time('map columns (mapColumns + pickRow)', () => {
    const columns = mapColumns(table.headers, PERSON_IMPORT_COLUMNS);
    return table.rows.map((row) => pickRow(row, columns));
  });
  const regions = await sw.time('load regions (listAllRegions)', async () => new Map((await listAllRegions(ctx.db)).map((r) => [r.code, r])));
  const employers = await sw.time('employer lookup (findOrganisationsByCreditCodes)', () => {
    const codes = [...new Set(records.map((r) => (r.employerCreditCode ?? '').toUpperCase()))];
    return findOrganisationsByCreditCodes(ctx.db, grants, 'person.import', codes);
  });
  const fields = await sw.time('validate fields (validatePersonFields)', () =>
    records.map((record) => {
      const checked = validatePersonFields(record, ctx.now);
      if (!checked.ok) throw new Error('profile: invalid row');
      return checked.value;
    }),
  );
  const places = await sw.time('region/employer checks (Map look-ups)', () =>
    records.map((record, i) => {
      const f = fields[i] as PersonFields;
      const region = regions.get(f.regionCode);
      const employer = employers.get((record.employerCreditCode ?? '').toUpperCase());
      if (!region || !employer || region.provinceCode !== employer.provinceCode || !employer.roles.includes('employer')) throw new Error('profile: bad placement');
      return { provinceCode: employer.provinceCode, employerId: employer.id };
    }),
  );
  const ids = await sw.time('uuidv7 ids', () => fields.map(() => uuidv7()));
  const sealed = await sw.time('seal (sealPerson: 2× AES-GCM, HMAC, masks)', () => fields.map((f, i) => sealPerson(ctx.pii, ids[i], f, places[i])));
  await sw.time('  of which pii.encrypt(idNumber)', () => fields.forEach((f) => ctx.pii.encrypt(f.idNumber)), true);
  await sw.time('  of which pii.hash(idNumber)', () => fields.forEach((f) => ctx.pii.hash(f.idNumber)), true);
  await sw.time('  of which pii.encrypt(phone)', () => fields.forEach((f) => ctx.pii.encrypt(f.phone ?? '')), true);
  await sw.time('duplicates in file (hash → hex Map)', () => {
    const first = new Map<string, number>();
    sealed.forEach((p, i) => first.set(p.idNumberHash.toString('hex'), i + 2));
    return first;
  });
  const existing = await sw.time('registry duplicates (listExistingHashes)', () => listExistingHashes(ctx.db, sealed.map((p: PersonWrite) => p.idNumberHash)));
  if (existing.size > 0) throw new Error('profile: people table was not empty');
  const csv = await sw.time('encode COPY CSV (encodePeopleCsv)', () => encodePeopleCsv(sealed));
  await sw.time('COPY + audit in one transaction (copyCsv)', () =>
    ctx.db.transaction(async (tx) => {
      await tx.copyCsv('people', PERSON_COLUMNS, csv);
      await recordAudit(tx, ctx, { action: 'person.imported', entity: 'person_import', entityId: 'profile', after: { rows: sealed.length } });
    }),
  );
  return sw.finish();
}

export function formatProfile(steps: Step[], fullImportMs: number): string[] {
  const total = steps.filter((s) => !s.detail).reduce((sum, s) => sum + s.ms, 0);
  const lines = steps.map((s) => {
    const share = ((s.ms / total) * 100).toFixed(1).padStart(5);
    return `    ${s.step.padEnd(52)} ${s.ms.toFixed(0).padStart(7)} ms ${share} %  (gc ${s.gcMs.toFixed(0)} ms)`;
  });
  const gc = steps.filter((s) => !s.detail).reduce((sum, s) => sum + s.gcMs, 0);
  lines.push(`    ${'sum of steps'.padEnd(52)} ${total.toFixed(0).padStart(7)} ms (gc ${gc.toFixed(0)} ms; full import measured: ${fullImportMs.toFixed(0)} ms)`);
  return lines;
}
