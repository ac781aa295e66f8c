/**
 * Reconcile at the size of a real dataset: the fixture run copied 1×, 10×, 100× and 300× (each copy
 * its own organisation and cities, as many press offices would be), a full reconcile timed at each
 * size with the growth factor per ×3 step (linear is ×3; the issue asks ≤ 3.5), then an incremental
 * reconcile after one new document at 300× (asked: ≤ 5 % of the full one). PGlite, or Postgres
 * with DATABASE_URL. Prints figures; asserts nothing.
 */
import { sql } from 'kysely';
import { startFixtureServer } from '../fixtures/server/fixture-server.ts';
import { loadGazetteer } from '../extractors/gazetteer/load-gazetteer.ts';
import { loadSourcesFile } from '../pipelines/crawl/sources-file.ts';
import { currentExtractorVersion } from '../pipelines/extract/extractor-version.ts';
import { reconcile } from '../pipelines/reconcile/reconcile.ts';
import { runPipeline } from '../pipelines/run/run-pipeline.ts';
import { InProcessStageRunner } from '../pipelines/run/run-stage.ts';
import { migrate, openDatabase } from '../sql/database.ts';
import { upsertSource } from '../sql/queries/sources.ts';
import { startRun } from '../sql/queries/runs.ts';
import { FIXTURE_SOURCES_FILE } from '../cli/commands/run-command.ts';

const SCALES = [1, 10, 100, 300];
const REPEATS = 3;

const database = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL, schema: `bench_reconcile_${process.pid}` } : { dataDir: 'memory://' });
if (database.schema) await sql`create schema if not exists ${sql.id(database.schema)}`.execute(database.db);
const migrated = await migrate(database.db, { schema: database.schema });
if (migrated.error) throw migrated.error;
const db = database.db;
const gazetteer = loadGazetteer();
const extractorVersion = currentExtractorVersion();

const server = await startFixtureServer();
try {
  const sources = await loadSourcesFile(FIXTURE_SOURCES_FILE, { FIXTURES: server.origin });
  for (const source of sources) await upsertSource(db, source);
  const runner = new InProcessStageRunner({ db, gazetteer, extractorVersion, crawlOptions: { hostDelayMs: 0, retryBaseDelayMs: 50 } });
  await runPipeline({ db, runner, extractorVersion }, { sourceIds: sources.map((s) => s.id) });
} finally {
  await server.close();
}

const count = async (table: 'documents' | 'claims') => Number((await db.selectFrom(table).select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const base = { documents: await count('documents'), claims: await count('claims') };
console.log(`fixture run: ${base.documents} documents, ${base.claims} claims (${database.kind}); each copy renames its organisation and cities ("ISA#7", "Foshan#7")`);

/**
 * Copies the original documents, versions, extractions and claims as copies `from`..`to`; with
 * `only`, just that document, as a new release about the subjects of copy `from`.
 */
async function addCopies(from: number, to: number, runId: string | null = null, only: string | null = null): Promise<void> {
  if (to < from) return;
  await sql`insert into documents (url, source_id, status, first_seen_at)
    select d.url || '#copy' || g, d.source_id, d.status, d.first_seen_at from documents d, generate_series(${from}::int, ${to}::int) g
    where d.url not like '%#copy%' and (${only}::text is null or d.url = ${only}::text)`.execute(db);
  await sql`insert into document_versions (document_id, url, final_url, http_status, content_type, etag, last_modified, content_hash, fetched_at, body, body_size, format, title, published, published_source, language, clean_text, captions, parse_warnings, run_id)
    select nd.id, v.url || '#copy' || g, v.final_url, v.http_status, v.content_type, v.etag, v.last_modified, v.content_hash || g, v.fetched_at, v.body, v.body_size, v.format, v.title, v.published, v.published_source, v.language, v.clean_text, v.captions, v.parse_warnings, v.run_id
    from document_versions v join documents d on d.id = v.document_id cross join generate_series(${from}::int, ${to}::int) g
    join documents nd on nd.url = d.url || '#copy' || g
    where d.url not like '%#copy%'`.execute(db);
  await sql`insert into extractions (version_id, extractor_version, extracted_at, claim_count, run_id)
    select nv.id, e.extractor_version, e.extracted_at, e.claim_count, ${runId}::bigint
    from extractions e join document_versions v on v.id = e.version_id cross join generate_series(${from}::int, ${to}::int) g
    join document_versions nv on nv.url = v.url || '#copy' || g and nv.fetched_at = v.fetched_at
    where v.url not like '%#copy%'`.execute(db);
  await sql`insert into claims (version_id, extractor_version, ordinal, kind, subject, payload, quote, start_offset, end_offset, rule, provenance)
    select nv.id, c.extractor_version, c.ordinal, c.kind,
      case c.kind when 'partnership' then split_part(c.subject, '|', 1) || '#' || g || '|' || split_part(c.subject, '|', 2) || '#' || g else c.subject || '#' || g end,
      case c.kind
        when 'city_attribute' then jsonb_set(c.payload, '{city}', to_jsonb((c.payload->>'city') || '#' || g))
        when 'partnership' then jsonb_set(c.payload, '{cities}', jsonb_build_array((c.payload->'cities'->>0) || '#' || g, (c.payload->'cities'->>1) || '#' || g))
        else jsonb_set(c.payload, '{subject}', to_jsonb((c.payload->>'subject') || '#' || g)) end,
      c.quote, c.start_offset, c.end_offset, c.rule, c.provenance
    from claims c join document_versions v on v.id = c.version_id cross join generate_series(${from}::int, ${to}::int) g
    join document_versions nv on nv.url = v.url || '#copy' || g and nv.fetched_at = v.fetched_at
    where v.url not like '%#copy%'`.execute(db);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
async function timeFull(): Promise<number> {
  await reconcile({ db, gazetteer, extractorVersion }, { runId: null, scope: 'all' }); // warm: flags of new copies written once
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    await reconcile({ db, gazetteer, extractorVersion }, { runId: null, scope: 'all' });
    times.push(performance.now() - start);
  }
  return median(times);
}

let copies = 1;
const results: Array<{ scale: number; ms: number; claims: number }> = [];
for (const scale of SCALES) {
  await addCopies(copies + 1, scale);
  copies = scale;
  const ms = await timeFull();
  results.push({ scale, ms, claims: await count('claims') });
  const previous = results.at(-2);
  const growth = previous ? (ms / previous.ms) * (3 / (scale / previous.scale)) : null;
  console.log(`full reconcile ${String(scale).padStart(3)}×: ${(await count('documents')).toString().padStart(5)} documents, ${results.at(-1)!.claims.toString().padStart(6)} claims — ${ms.toFixed(0)} ms${previous ? `, ×${(ms / previous.ms).toFixed(2)} for ×${scale / previous.scale} data (${growth!.toFixed(2)} per ×3, linear 3.00)` : ''}`);
}
const step = results.at(-1)!;
const before = results.at(-2)!;
console.log(`growth per ×3 (100× → 300×): ${(step.ms / before.ms).toFixed(2)} (asked ≤ 3.5)`);

// One new document at 300×: a run that extracted only it re-checks only its subjects.
const runId = await startRun(db, 'bench', {});
const busiest = await sql<{ url: string }>`select v.url from claims c join document_versions v on v.id = c.version_id where v.url not like '%#copy%' group by v.url order by count(*) desc, v.url limit 1`.execute(db);
await addCopies(copies + 1, copies + 1, runId, busiest.rows[0]!.url);
const times: number[] = [];
for (let i = 0; i < REPEATS; i++) {
  const start = performance.now();
  const result = await reconcile({ db, gazetteer, extractorVersion }, { runId });
  times.push(performance.now() - start);
  if (i === 0) console.log(`incremental: ${result.subjects} subjects, ${result.claims} claims re-checked (scope ${result.scope})`);
}
const incremental = median(times);
console.log(`incremental after one new copy of the fixture run's documents at 300×: ${incremental.toFixed(0)} ms = ${((100 * incremental) / step.ms).toFixed(1)} % of the full reconcile (asked ≤ 5 %)`);
if (database.schema) await sql`drop schema ${sql.id(database.schema)} cascade`.execute(db);
await database.close();
