/**
 * The reconciler over the fixture crawl: the seeds keep exactly the findings of
 * fixtures/gold/seeds/CROSS.md, a run re-checks only what changed, and a flag whose evidence
 * goes away is closed as resolved_by_source while reviewed flags keep their decision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../sql/database.ts';
import { startFixtureServer, type FixtureServer } from '../../../fixtures/server/fixture-server.ts';
import { InProcessStageRunner } from '../../../pipelines/run/run-stage.ts';
import { reconcile } from '../../../pipelines/reconcile/reconcile.ts';
import { listFlags, reviewFlag } from '../../../sql/queries/flags.ts';
import type { FlagDetails } from '../../../core/flag-details.ts';
import { EXTRACTOR_VERSION, FIXTURE_CRAWL_OPTIONS, runFixtures, testGazetteer } from '../run/fixture-run.ts';
import { freshPglite } from '../../support/services.ts';

describe('the reconciler over the fixture crawl', () => {
  let database: Database;
  let server: FixtureServer;
  let firstRun: Awaited<ReturnType<typeof runFixtures>>;
  const runner = () => new InProcessStageRunner({ db: database.db, gazetteer: testGazetteer(), extractorVersion: EXTRACTOR_VERSION, crawlOptions: FIXTURE_CRAWL_OPTIONS });

  beforeAll(async () => {
    database = await freshPglite();
    server = await startFixtureServer();
    firstRun = await runFixtures(database.db, runner(), server.origin);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('keeps exactly the five CROSS.md findings: four open, the Chinese count growth explained', async () => {
    const open = await listFlags(database.db, { statuses: ['open'] });
    expect(open.map((f) => f.kind).sort()).toEqual(['attribute_conflict', 'founding_vs_joined_later', 'stated_count_vs_list', 'unresolved_name']);
    expect(open.find((f) => f.kind === 'attribute_conflict')?.subject).toBe('Qingdao');
    expect(open.find((f) => f.kind === 'founding_vs_joined_later')?.explanation).toMatch(/^Köln is listed among the founding members \(2016-04/);
    expect(open.find((f) => f.kind === 'stated_count_vs_list')?.explanation).toMatch(/likely extra: Köln/);
    expect(open.find((f) => f.kind === 'unresolved_name')?.explanation).toMatch(/"Zhuzhouan" is no known place; most likely Zhuzhou/);
    const explained = await listFlags(database.db, { statuses: ['explained'] });
    const china = explained.find((f) => f.explanation.startsWith('ISA CN members'));
    expect(china?.severity).toBe('explained');
    expect(china?.explanation).toMatch(/11 \(2016-04\) → 14 \(2017-04-24\)/);
    // German growth 7 → 10 → 21 is no finding: shown as explained too, never open.
    expect(explained.every((f) => f.kind === 'count_growth_explained')).toBe(true);
    expect(firstRun.reconcile?.ruleErrors).toEqual([]);
  });

  it('gives each flag a timeline sorted by date, then claim id, and a likely-wrong claim where the evidence supports one', async () => {
    for (const flag of await listFlags(database.db, { statuses: ['open', 'explained'] })) {
      const points = (flag.details as FlagDetails).timeline?.points ?? [];
      const keys = points.map((p) => `${p.asOf}|${String(p.claimId).padStart(12, '0')}`);
      expect(keys, flag.kind).toEqual([...keys].sort());
    }
    const koeln = (await listFlags(database.db, { kind: 'founding_vs_joined_later' }))[0]!;
    const details = koeln.details as FlagDetails;
    expect(details.likelyWrong?.reason).toBe("Köln's own release dates its admission 2017-04-24");
    expect(details.timeline?.points.map((p) => p.label)).toEqual(['Köln listed', 'Köln admitted']);
  });

  it('re-checks nothing on a run that brings nothing new, and keeps every fingerprint', async () => {
    const before = (await listFlags(database.db, { statuses: ['open', 'explained'] })).map((f) => f.fingerprint).sort();
    const second = await runFixtures(database.db, runner(), server.origin);
    expect(second.reconcile).toMatchObject({ scope: 'changed', subjects: 0, claims: 0, created: 0, resolvedBySource: 0 });
    expect((await listFlags(database.db, { statuses: ['open', 'explained'] })).map((f) => f.fingerprint).sort()).toEqual(before);
  });

  it('closes a flag whose evidence is gone as resolved_by_source and keeps a reviewed one as decided', async () => {
    const [stated] = await listFlags(database.db, { kind: 'stated_count_vs_list' });
    const [qingdao] = await listFlags(database.db, { kind: 'attribute_conflict' });
    await reviewFlag(database.db, qingdao!.id, { status: 'confirmed', note: 'Qingdao is in Shandong', reviewer: 'checker' });
    // The claims behind both flags stop standing: their documents get newer versions that say nothing.
    const ids = [stated!.id, qingdao!.id];
    const versions = await database.db.selectFrom('flag_claims as fc').innerJoin('claims as c', 'c.id', 'fc.claim_id').innerJoin('document_versions as v', 'v.id', 'c.version_id')
      .select(['v.document_id', 'v.url']).distinct().where('fc.flag_id', 'in', ids).execute();
    for (const v of versions) {
      const version = await database.db.insertInto('document_versions').values({
        document_id: v.document_id, url: v.url, final_url: v.url, http_status: 200, content_type: 'text/html', etag: null, last_modified: null,
        content_hash: `blank-${v.document_id}`, fetched_at: new Date('2030-01-01T00:00:00Z'), body: new Uint8Array(), body_size: 0, format: 'html',
        title: null, published: null, published_source: null, language: 'de', clean_text: 'Nichts.', captions: '[]', parse_warnings: '[]', run_id: null,
      }).returning('id').executeTakeFirstOrThrow();
      await database.db.insertInto('extractions').values({ version_id: version.id, extractor_version: EXTRACTOR_VERSION, claim_count: 0, run_id: null }).execute();
    }
    const result = await reconcile({ db: database.db, gazetteer: testGazetteer(), extractorVersion: EXTRACTOR_VERSION }, { runId: firstRun.runId });
    expect(result.scope).toBe('changed');
    expect(result.resolvedBySource).toBeGreaterThanOrEqual(1);
    const after = await listFlags(database.db, { statuses: ['open', 'explained', 'confirmed', 'resolved_by_source'] });
    expect(after.find((f) => f.id === stated!.id)?.status).toBe('resolved_by_source');
    expect(after.find((f) => f.id === qingdao!.id)?.status).toBe('confirmed');
  });
});
