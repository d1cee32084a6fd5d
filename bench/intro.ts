// The explanation at the top of docs/benchmarks.md, used when the page has none yet; a page
// that has one keeps it (only the part below the results marker is rewritten).
export const INTRO = `# Benchmarks

\`npm run bench\` measures two paths of Zhigeng on PostgreSQL and on PGlite, each against a
baseline measured in the same run on the same machine, and rewrites the results section at
the bottom of this page. The scripts live in \`bench/\`; they print figures and ratios and never
pass or fail anything (the tests are not timed).

## What is measured

**1. People import** (\`bench/people-import.ts\`). 100,000 valid people in the import template's
CSV format (bilingual headers from \`PERSON_IMPORT_COLUMNS\`, citizen IDs with valid check digits
from \`src/modules/registry/synthetic.ts\`, 50 employers with valid credit codes in Zhejiang 330000
and Guangdong 440000, each person in a city of the employer's province), imported into a fresh
database (PostgreSQL: a temporary database created, migrated and loaded with reference data,
dropped at the end; PGlite: in memory).

- Measured: \`importPeople(ctx, file, { dryRun: false })\` as a national administrator — parse,
  validate, encrypt/hash/mask (\`sealPerson\`), look up regions, employers and existing IDs, one
  COPY and one audit event in a transaction. Rows per second.
- Baseline: a raw \`COPY\` through the Executor's \`copyCsv\` of the same 100,000 rows, already sealed
  and encoded (\`sealPerson\` + \`encodePeopleCsv\` done before the clock starts) into the same
  \`people\` table, emptied with \`TRUNCATE\` before each run. Rows per second.
- Ratio = import rows/s ÷ COPY rows/s. **Target ≥ 30 %.** One untimed COPY warms the database
  first; then \`--rounds\` (default 2) rounds of import and COPY alternate and the best of each
  counts. When the ratio is under or near its target (below 1.5× the target, or always with
  \`--profile always\`) the script runs the import's steps one by one over all rows and prints where the time goes, garbage collection
  included.

**2. GET /api/people/:id** (\`bench/person-get.ts\`). The full app (\`buildApp\`, every plugin, hook
and module, \`logLevel: 'silent'\`) on a database holding the demo data (\`loadDemoData\`: 2
provinces, 100 organisations, 2,000 people), signed in through \`POST /api/auth/login\` as the demo
province administrator \`province.zj\`, reading one person of Zhejiang with the session cookie.

- Baseline: a bare Fastify instance (no plugins, hooks or logger) answering the same URL with a
  constant JSON body of the same shape and size as a person.
- Load: 64 keep-alive connections, 2 s warm-up, then 8 s measured; requests/s, latency p50 and
  p99. Ratio = app req/s ÷ bare req/s. **Target ≥ 40 %.** Under or near target (or with
  \`--profile always\`), shorter runs measure the app's layers alone (\`/healthz\` without and with
  the session cookie) and the CPU each party spends per request (from \`/proc\`).

## How it runs, and what to keep in mind

- The load generator is \`bench/load.ts\` (Node's \`http\` with \`http.Agent({ keepAlive: true,
  maxSockets: C })\` and C request loops, bounded in time and count, loopback only; autocannon is
  not a dependency). Each server runs in **its own child process** (\`node --import tsx
  bench/server-app.ts\`, \`bench/server-bare.ts\`) on a port in 3300–3399, so generator and server
  are separate processes — but on a 2-core machine they still **share the two cores**, with the
  PostgreSQL server too. The bare baseline is largely bound by the generator itself; the ratio
  compares the two servers under the same generator, not absolute capacity.
- PGlite runs inside the server process (WebAssembly, one connection): the database's CPU is the
  app's CPU.
- Other work on the machine changes the figures: the results record the load average before and
  after the run. Compare ratios between runs, not absolute numbers between machines.
- Flags: \`--only import|get\`, \`--engine pg|pglite\`, \`--rows N\`, \`--rounds N\`, \`--duration S\`,
  \`--warmup S\`, \`--connections C\`, \`--profile auto|always|never\`, \`--no-docs\` (do not rewrite
  this page). \`DATABASE_URL\` selects the PostgreSQL server (default
  \`postgres://postgres@127.0.0.1:5432/test\`, trust authentication); the benchmarks only create
  and drop their own temporary databases there.
`;
