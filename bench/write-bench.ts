/**
 * The write paths alone: claim rows per second into PGlite (memory) and Postgres, batched (500
 * versions per transaction) and one version per transaction, with the CPU of this process and of
 * the Postgres backends (10.5: ≥ 15,000 rows/s on Postgres, ≥ 10,000 on PGlite).
 *
 *   npx tsx bench/write-bench.ts [--versions 4000]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../sql/database.ts';
import type { Claim } from '../core/claim.ts';
import type { ParsedDocument } from '../core/parsed-document.ts';
import { storeExtraction, storeExtractions } from '../sql/queries/claims.ts';

// node-postgres names its connections after PGAPPNAME: the backends of this process are told apart by it.
const BENCH_APP_NAME = `isa-bench-${process.pid}`;
process.env.PGAPPNAME = BENCH_APP_NAME;
import { storeDocumentVersions } from '../sql/queries/documents.ts';

export async function backendCpuSeconds(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Only this process's backends (its pool sets application_name): others share the database.
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and application_name = $1', [BENCH_APP_NAME]);
    let total = 0;
    for (const { pid } of rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        total += (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        // ended meanwhile
      }
    }
    return total;
  } finally {
    await client.end();
  }
}

/** Ten claims of the shapes the extractors make (counts, lists, events), quotes of real length. */
export function benchClaims(n: number): Claim[] {
  return Array.from({ length: 10 }, (_, i) => ({
    kind: 'member_count',
    subject: 'ISA',
    country: i % 2 ? 'DE' : 'CN',
    count: 40 + ((n + i) % 50),
    qualifier: 'exact',
    unit: 'cities',
    scope: 'total',
    asOf: null,
    evidence: { quote: `Die Allianz zählt ${40 + ((n + i) % 50)} Mitgliedsstädte (Satz ${i} von Meldung ${n}).`, start: i * 80, end: i * 80 + 60 },
    provenance: { rule: 'bench/member-count' },
  })) as unknown as Claim[];
}

export interface ClaimWriteFigures {
  batchedRowsPerSecond: number;
  batchedRowsPerCpuSecond: number;
  singleRowsPerSecond: number;
}

/** Claim rows per second: batches of 500 versions vs one transaction per version. */
export async function claimWrites(database: Database, versions: number, postgresUrl: string | null): Promise<ClaimWriteFigures> {
  const parsed = { format: 'text', title: null, published: null, publishedSource: null, language: 'de', text: 'x', captions: [], warnings: [], links: [] } as unknown as ParsedDocument;
  const ids: string[] = [];
  for (let start = 0; start < versions; start += 500) {
    const stored = await storeDocumentVersions(
      database.db,
      Array.from({ length: Math.min(500, versions - start) }, (_, i) => ({
        fetched: { runId: null, url: `http://claims.bench/${start + i}`, sourceId: null, finalUrl: `http://claims.bench/${start + i}`, httpStatus: 200, contentType: 'text/plain', etag: null, lastModified: null, contentHash: `c${start + i}`, fetchedAt: new Date(), body: new Uint8Array([1]) },
        parsed,
      })),
    );
    for (const s of stored) if (s.ok && s.versionId) ids.push(s.versionId);
  }
  const half = Math.floor(ids.length / 2);
  const batched = ids.slice(0, half);
  const single = ids.slice(half, half + Math.min(half, 300));
  const backend0 = postgresUrl ? await backendCpuSeconds(postgresUrl) : 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let start = 0; start < batched.length; start += 500) {
    await storeExtractions(database.db, batched.slice(start, start + 500).map((versionId, i) => ({ versionId, extractorVersion: 'bench', runId: null, claims: benchClaims(start + i) })));
  }
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6 + (postgresUrl ? (await backendCpuSeconds(postgresUrl)) - backend0 : 0);
  const t2 = performance.now();
  for (const [i, versionId] of single.entries()) await storeExtraction(database.db, { versionId, extractorVersion: 'bench', runId: null, claims: benchClaims(i) });
  const t3 = performance.now();
  return { batchedRowsPerSecond: (batched.length * 10) / ((t1 - t0) / 1000), batchedRowsPerCpuSecond: (batched.length * 10) / cpuSeconds, singleRowsPerSecond: (single.length * 10) / ((t3 - t2) / 1000) };
}

/** A migrated database for one bench: PGlite in memory, or a schema of its own on Postgres, dropped on close. */
export async function freshBenchDatabase(url: string | null): Promise<{ database: Database; close: () => Promise<void> }> {
  if (!url) {
    const database = await openDatabase({ dataDir: 'memory://' });
    const migrated = await migrate(database.db);
    if (migrated.error) throw migrated.error;
    return { database, close: () => database.close() };
  }
  const schema = `bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const database = await openDatabase({ databaseUrl: url, schema });
  const migrated = await migrate(database.db, { schema });
  if (migrated.error) throw migrated.error;
  return {
    database,
    close: async () => {
      await database.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { versions: { type: 'string' } } });
  const versions = Number(values.versions ?? 4000);
  const postgresUrl = process.env.DATABASE_URL || null;
  for (const url of postgresUrl ? [null, postgresUrl] : [null]) {
    const name = url ? 'Postgres' : 'PGlite (memory)';
    const { database, close } = await freshBenchDatabase(url);
    try {
      const claims = await claimWrites(database, versions, url);
      console.log(
        `  claim writes into ${name}: ${claims.batchedRowsPerSecond.toFixed(0)} rows/s batched (500 versions per transaction; ${claims.batchedRowsPerCpuSecond.toFixed(0)} rows per CPU-s${url ? ' incl. backends' : ''}), ${claims.singleRowsPerSecond.toFixed(0)} rows/s one version per transaction`,
      );
    } finally {
      await close();
    }
  }
}
