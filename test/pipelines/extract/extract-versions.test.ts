/**
 * The extract stage takes a batch of versions: one document that cannot be read fails alone (its
 * URL in run_errors), the others' claims are stored together, and a batch job run again (a retry
 * after a crash) writes nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../core/parsed-document.ts';
import { extractVersion, extractVersions } from '../../../pipelines/extract/extract-version.ts';
import { currentParserVersion } from '../../../pipelines/parse/parser-version.ts';
import { extractBatches, runPipeline } from '../../../pipelines/run/run-pipeline.ts';
import { InProcessStageRunner, runStage } from '../../../pipelines/run/run-stage.ts';
import { stageJobId, stageJobSchema } from '../../../pipelines/run/stage-job.ts';
import type { Database } from '../../../sql/database.ts';
import { storeDocumentVersions } from '../../../sql/queries/documents.ts';
import { startRun } from '../../../sql/queries/runs.ts';
import { DATABASES } from '../../support/services.ts';
import { EXTRACTOR_VERSION, testGazetteer } from '../run/fixture-run.ts';

// Our own sentences: a count each extractor run finds, different per document.
const textOf = (n: number) => `Neuhafen ${n} tritt dem Bündnis bei\n\nDer Chinesisch-Deutschen Industriestädteallianz gehören nach Angaben der Geschäftsstelle inzwischen ${20 + n} deutsche Städte an.`;

describe('extract batches', () => {
  it('cut the versions in id order, one job per lane when there are few', () => {
    expect(extractBatches(['10', '9', '2', '1'], 4, 50)).toEqual([['1'], ['2'], ['9'], ['10']]);
    expect(extractBatches(Array.from({ length: 120 }, (_, i) => String(i + 1)), 2, 50).map((b) => b.length)).toEqual([50, 50, 20]);
    expect(extractBatches([], 4, 50)).toEqual([]);
  });

  it('name a job by all its ids, and refuse an empty or oversized batch', () => {
    const job = { stage: 'extract' as const, runId: '7', versionIds: ['3', '4', '5'] };
    expect(stageJobId(job)).toMatch(/^extract-7-3\+2-[0-9a-f]{12}$/);
    expect(stageJobId(job)).not.toBe(stageJobId({ ...job, versionIds: ['3', '4', '6'] }));
    expect(stageJobSchema.safeParse({ ...job, versionIds: [] }).success).toBe(false);
    expect(stageJobSchema.safeParse({ ...job, versionIds: Array.from({ length: 101 }, (_, i) => String(i)) }).success).toBe(false);
  });
});

for (const { name, open, available } of DATABASES) {
  describe.skipIf(!available)(`the extract stage on a batch (${name})`, () => {
    let database: Database;
    const deps = () => ({ db: database.db, gazetteer: testGazetteer(), extractorVersion: EXTRACTOR_VERSION });
    beforeAll(async () => {
      database = await open();
    }, 180_000);
    afterAll(async () => {
      await database?.close();
    });

    /** Stored versions: `broken` ones hold a PDF that cannot be read and were made by an older reader, so extraction reads them again and fails. */
    async function storeVersions(prefix: string, n: number, broken: number[] = []): Promise<Array<{ id: string; url: string }>> {
      const stored = await storeDocumentVersions(
        database.db,
        Array.from({ length: n }, (_, i) => {
          const url = `http://batch.example/${prefix}/${i}${broken.includes(i) ? '.pdf' : '.html'}`;
          const parsed = { format: 'text', title: null, published: '2024-05-01', publishedSource: 'meta', language: 'de', text: textOf(i), captions: [], warnings: [], links: [], parserVersion: broken.includes(i) ? 'read-0000000000' : currentParserVersion() } as unknown as ParsedDocument;
          const body = broken.includes(i) ? new TextEncoder().encode('%PDF-1.4\nno objects follow') : new TextEncoder().encode(`<p>${i}</p>`);
          return { fetched: { runId: null, url, sourceId: null, finalUrl: url, httpStatus: 200, contentType: broken.includes(i) ? 'application/pdf' : 'text/html', etag: null, lastModified: null, contentHash: `${prefix}-${i}`, fetchedAt: new Date('2024-05-02T00:00:00Z'), body }, parsed };
        }),
      );
      return stored.map((s, i) => {
        if (!s.ok || !s.versionId) throw new Error(`could not store test version ${i}`);
        return { id: s.versionId, url: `http://batch.example/${prefix}/${i}${broken.includes(i) ? '.pdf' : '.html'}` };
      });
    }

    const claimRows = (ids: string[]) => database.db.selectFrom('claims').select(['version_id', 'ordinal', 'extractor_version']).where('version_id', 'in', ids).execute();
    const extractionRows = (ids: string[]) => database.db.selectFrom('extractions').select(['version_id']).where('version_id', 'in', ids).execute();

    it('stores the others when one document of the batch fails, and records the failure with its URL', async () => {
      const versions = await storeVersions('one-fails', 4, [1]);
      const ids = versions.map((v) => v.id);
      const report = await runPipeline({ db: database.db, runner: new InProcessStageRunner(deps()), extractorVersion: null }, { sourceIds: [], extraVersionIds: ids, extractBatchSize: 50, concurrency: 1 });
      expect(report.extracted).toMatchObject({ versions: 3, failed: 1 });
      expect(report.extracted.claims).toBeGreaterThanOrEqual(3);
      expect(report.status).toBe('partial');
      const errors = await database.db.selectFrom('run_errors').select(['stage', 'url', 'version_id', 'error_class', 'message']).where('run_id', '=', report.runId).execute();
      expect(errors).toEqual([{ stage: 'extract', url: versions[1]!.url, version_id: ids[1], error_class: 'BadInputError', message: expect.stringContaining('PDF is broken') }]);
      expect(new Set((await extractionRows(ids)).map((r) => String(r.version_id)))).toEqual(new Set([ids[0], ids[2], ids[3]]));
      const claims = await claimRows(ids);
      expect(claims.filter((c) => String(c.version_id) === ids[1])).toEqual([]);
      for (const id of [ids[0], ids[2], ids[3]]) expect(claims.some((c) => String(c.version_id) === id), id).toBe(true);
    });

    it('answers a result per version and never throws for one', async () => {
      const versions = await storeVersions('results', 2, [0]);
      const result = await extractVersions(deps(), { versionIds: [versions[0]!.id, versions[1]!.id, '999999999'], runId: null });
      expect(result.versions).toEqual([
        { ok: false, versionId: versions[0]!.id, url: versions[0]!.url, errorClass: 'BadInputError', message: expect.stringContaining('PDF is broken') },
        { ok: true, versionId: versions[1]!.id, claims: expect.any(Number), skipped: false },
        { ok: false, versionId: '999999999', url: null, errorClass: 'BadInputError', message: expect.stringContaining('does not exist') },
      ]);
      // Plain data: what BullMQ carries back is the same.
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });

    it('writes nothing twice when a batch job runs again (a retry after a crash), also after a partial first try', async () => {
      const versions = await storeVersions('retry', 5);
      const ids = versions.map((v) => v.id);
      const runId = await startRun(database.db, 'run', {});
      // The first try got as far as one version (stored alone) before its process died.
      await extractVersion(deps(), { versionId: ids[2]!, runId });
      const job = { stage: 'extract' as const, runId, versionIds: ids };
      const first = await runStage(deps(), job);
      expect(first.versions.map((v) => v.ok && v.skipped)).toEqual([false, false, true, false, false]);
      const claimsAfterFirst = await claimRows(ids);
      const extractionsAfterFirst = await extractionRows(ids);
      expect(extractionsAfterFirst).toHaveLength(5);
      expect(claimsAfterFirst.length).toBeGreaterThanOrEqual(5);

      const again = await runStage(deps(), job);
      expect(again.versions.map((v) => v.ok && v.skipped)).toEqual([true, true, true, true, true]);
      expect(again.versions.map((v) => (v.ok ? v.claims : -1))).toEqual(first.versions.map((v) => (v.ok ? v.claims : -1)));
      expect(await claimRows(ids)).toHaveLength(claimsAfterFirst.length);
      expect(await extractionRows(ids)).toHaveLength(5);
      // One row per (version, extractor version, ordinal).
      const keys = (await claimRows(ids)).map((c) => `${c.version_id}/${c.extractor_version}/${c.ordinal}`);
      expect(new Set(keys).size).toBe(keys.length);
    });
  });
}
