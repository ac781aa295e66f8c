import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../sql/database.ts';
import { startFixtureServer, type FixtureServer } from '../../../fixtures/server/fixture-server.ts';
import { InProcessStageRunner } from '../../../pipelines/run/run-stage.ts';
import { runPipeline } from '../../../pipelines/run/run-pipeline.ts';
import { currentClaims } from '../../../sql/queries/claims.ts';
import { listFlags } from '../../../sql/queries/flags.ts';
import { runItems } from '../../../sql/queries/runs.ts';
import type { MemberListClaim } from '../../../core/claim.ts';
import { DATABASES } from '../../support/services.ts';
import { normalizeUrl } from '../../../pipelines/crawl/normalize-url.ts';
import { datasetSnapshot, EXTRACTOR_VERSION, FIXTURE_CRAWL_OPTIONS, runFixtures, testGazetteer } from './fixture-run.ts';
import { RunProgress, type RunEvent } from '../../../pipelines/run/run-progress.ts';
import { emptyCrawlTally, tallyCrawl } from '../../../pipelines/crawl/crawl-progress.ts';

const SEED_PATHS = {
  wuppertal: '/wuppertal/wirtschaft-arbeit/china/kooperationen.php',
  koeln: '/koeln/wirtschaft/neuer-brueckenschlag-nach-china-koeln-tritt-chinesisch-deutscher-industriestaedteallianz-bei/',
  nrwheute: '/nrwheute/chongqing-und-duesseldorf-feiern-20-jahre-staedtepartnerschaftsfreundschaft/',
  mainz: '/mainz/aktuelles/pressemitteilungen/mainz-will-der-industriestaedteallianz-beitreten.php',
  mainzPdf: '/mainz/dokumente/pm-2019-11-04-isa-delegationsreise-foshan.pdf',
};

for (const { name, open, available } of DATABASES) {
  describe.skipIf(!available)(`the fixture crawl end to end on ${name}`, () => {
    let database: Database;
    let server: FixtureServer;
    let firstRun: Awaited<ReturnType<typeof runFixtures>>;
    const events: RunEvent[] = [];

    beforeAll(async () => {
      database = await open();
      server = await startFixtureServer();
      const runner = new InProcessStageRunner({ db: database.db, gazetteer: testGazetteer(), extractorVersion: EXTRACTOR_VERSION, crawlOptions: FIXTURE_CRAWL_OPTIONS });
      firstRun = await runFixtures(database.db, runner, server.origin, (event) => events.push(event));
    }, 240_000);
    // Stored URLs are normalised (no trailing slash, no tracking parameters).
    const stored = (path: string) => normalizeUrl(server.url(path));
    afterAll(async () => {
      await server?.close();
      await database?.close();
    });

    it('records what it did with each URL in run_items, adding up to the run\'s counts', async () => {
      const items = await runItems(database.db, firstRun.runId);
      const counted: Record<string, number> = {};
      for (const item of items) counted[item.outcome] = (counted[item.outcome] ?? 0) + 1;
      for (const [outcome, n] of Object.entries(firstRun.documents)) expect(counted[outcome] ?? 0, outcome).toBe(n);
      expect(items.filter((i) => i.outcome === 'new').length).toBeGreaterThanOrEqual(5);
      for (const item of items.filter((i) => i.outcome === 'skipped' || i.outcome === 'failed')) expect(item.reason, item.url).toBeTruthy();
    });

    it('tells its progress as it goes, and the counts seen on the way are the report\'s', () => {
      const progress = new RunProgress(() => 0);
      // The crawl's own events, counted before each source's end replaced them with its result.
      const live = new Map<string, ReturnType<typeof emptyCrawlTally>>();
      for (const event of events) {
        if (event.type === 'crawl') tallyCrawl(live.get(event.source) ?? live.set(event.source, emptyCrawlTally()).get(event.source)!, event.event);
        progress.apply(event);
      }
      const started = events[0] as Extract<RunEvent, { type: 'run-started' }>;
      expect(started).toMatchObject({ type: 'run-started', runId: firstRun.runId, mode: 'in-process' });
      expect([...started.sources].sort()).toEqual(firstRun.sources.map((s) => s.id).sort());
      expect(events.at(-1)).toMatchObject({ type: 'run-finished', status: firstRun.status });
      expect(progress.phase).toBe('done');
      for (const source of firstRun.sources) {
        const seen = progress.source(source.id);
        expect(seen.state).toBe('done');
        expect(seen.tally.documents, source.id).toEqual(source.documents);
        expect(seen.tally.pages, source.id).toBe(source.pages);
        expect(live.get(source.id)?.documents, source.id).toEqual(source.documents);
        expect(live.get(source.id)?.pages, source.id).toBe(source.pages);
        expect(live.get(source.id)?.queued, `${source.id}: nothing left queued`).toBe(0);
      }
      const summed = { new: 0, changed: 0, unchanged: 0, gone: 0, failed: 0, skipped: 0 };
      for (const source of firstRun.sources) for (const key of Object.keys(summed) as Array<keyof typeof summed>) summed[key] += source.documents[key];
      expect(summed).toEqual(firstRun.documents);
      const x = progress.extraction!;
      expect(x.extracted).toBe(firstRun.extracted.versions);
      expect(x.claims).toBe(firstRun.extracted.claims);
      expect(x.extracted + x.skipped + x.failed).toBe(x.total);
      expect(progress.reconcile?.subjects).toBe(firstRun.reconcile?.subjects);
      // In-process: no queue, so no job states.
      expect(progress.jobs).toEqual({ queued: 0, active: 0, done: 0, failed: 0 });
    });

    it('stores each seed document once, with its clean main text and no page chrome', async () => {
      const versions = await database.db.selectFrom('document_versions').select(['url', 'final_url', 'clean_text', 'format', 'http_status', 'content_hash', 'published']).execute();
      const byPath = (path: string) => versions.filter((v) => v.url === stored(path));
      for (const path of Object.values(SEED_PATHS)) expect(byPath(path), path).toHaveLength(1);

      const wuppertal = byPath(SEED_PATHS.wuppertal)[0]!;
      expect(wuppertal.clean_text).toContain('Wuppertal ist Gründungsmitglied der Chinesisch-Deutsche Industriestädteallianz (ISA)');
      expect(wuppertal.clean_text).not.toContain('Matomo');
      expect(wuppertal.clean_text).not.toContain('Seite teilen');

      const pdf = byPath(SEED_PATHS.mainzPdf)[0]!;
      expect(pdf.format).toBe('pdf');
      expect(pdf.published).toBe('2019-11-04');
      expect(pdf.clean_text).toMatch(/Bei der Plenarsitzung der Chinesisch-Deutschen Industriestädteallianz standen\s+Gespräche/);
      expect(pdf.clean_text.match(/Pressestelle \| Kommunikation/g)?.length ?? 0).toBeLessThanOrEqual(1);
      expect(firstRun.documents.new).toBeGreaterThanOrEqual(5);
    });

    it('stores the member lists of the Köln and Mainz releases with their stated counts', async () => {
      const claims = await currentClaims(database.db);
      const lists = claims.filter((c) => c.claim.kind === 'member_list') as Array<(typeof claims)[number] & { claim: MemberListClaim }>;
      const koeln = lists.filter((c) => c.url === stored(SEED_PATHS.koeln)).map((c) => [c.claim.country, c.claim.statedCount, c.claim.members.length]);
      expect(koeln).toEqual(expect.arrayContaining([['DE', 10, 10], ['CN', 14, 14]]));
      const mainz = lists.filter((c) => c.url === stored(SEED_PATHS.mainz)).map((c) => [c.claim.country, c.claim.statedCount, c.claim.members.length]);
      expect(mainz).toEqual(expect.arrayContaining([['CN', 11, 11], ['DE', 7, 8]]));
      for (const c of claims) expect(c.claim.evidence.quote.length).toBeGreaterThan(0);
    });

    it('raises exactly one stated-count flag: the seven German founding cities with eight names', async () => {
      const flags = await listFlags(database.db, { kind: 'stated_count_vs_list' });
      expect(flags).toHaveLength(1);
      expect(flags[0]!.explanation).toMatch(/sieben deutschen Städten/);
      expect(flags[0]!.explanation).toMatch(/8 names/);
      const evidence = await database.db.selectFrom('flag_claims as fc').innerJoin('claims as c', 'c.id', 'fc.claim_id').innerJoin('document_versions as v', 'v.id', 'c.version_id')
        .select(['v.url']).where('fc.flag_id', '=', flags[0]!.id).execute();
      expect(evidence.map((e) => e.url)).toContain(stored(SEED_PATHS.mainz));
    });

    it('re-extracts stored documents, without fetching them again, when the extractor changes', async () => {
      const documents = await database.db.selectFrom('documents').select('id').execute();
      const runner = new InProcessStageRunner({ db: database.db, gazetteer: testGazetteer(), extractorVersion: 'next', crawlOptions: FIXTURE_CRAWL_OPTIONS });
      const sources = (await database.db.selectFrom('sources').select('id').execute()).map((s) => s.id);
      const rerun = await runPipeline({ db: database.db, runner, extractorVersion: 'next' }, { sourceIds: sources });
      expect(rerun.documents.new + rerun.documents.changed).toBe(0);
      expect(rerun.extracted.versions).toBe(documents.length);
      const current = await currentClaims(database.db);
      expect(new Set(current.map((c) => c.extractorVersion))).toEqual(new Set(['next']));
      // Back to this checkout's version: its extractions are still there, nothing to redo.
      const back = await runFixtures(database.db, new InProcessStageRunner({ db: database.db, gazetteer: testGazetteer(), extractorVersion: EXTRACTOR_VERSION, crawlOptions: FIXTURE_CRAWL_OPTIONS }), server.origin);
      expect(back.extracted.versions).toBe(0);
      expect(new Set((await currentClaims(database.db, EXTRACTOR_VERSION)).map((c) => c.extractorVersion))).toEqual(new Set([EXTRACTOR_VERSION]));
    });

    it('changes no row of the dataset when run again over unchanged fixtures', async () => {
      const before = await datasetSnapshot(database.db);
      const runner = new InProcessStageRunner({ db: database.db, gazetteer: testGazetteer(), extractorVersion: EXTRACTOR_VERSION, crawlOptions: FIXTURE_CRAWL_OPTIONS });
      const second = await runFixtures(database.db, runner, server.origin);
      expect(second.documents.new + second.documents.changed).toBe(0);
      expect(second.extracted.versions).toBe(0);
      expect(await datasetSnapshot(database.db)).toEqual(before);
    });
  });
}
