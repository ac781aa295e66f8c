/** Runs the whole pipeline over the bundled fixture sites, as `isa run` does, for end-to-end tests. */
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { loadGazetteer } from '../../../extractors/gazetteer/load-gazetteer.ts';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { loadSourcesFile } from '../../../pipelines/crawl/sources-file.ts';
import { runPipeline, type RunPipelineDeps, type RunReport } from '../../../pipelines/run/run-pipeline.ts';
import type { StageRunner } from '../../../pipelines/run/run-stage.ts';
import { upsertSource } from '../../../sql/queries/sources.ts';
import { currentExtractorVersion } from '../../../pipelines/extract/extractor-version.ts';
import type { DB } from '../../../sql/schema.ts';

export const FIXTURE_SOURCES = fileURLToPath(new URL('../../../fixtures/sources.yaml', import.meta.url));

let gazetteer: Gazetteer | null = null;
/** The real gazetteer, loaded once per test file. */
export function testGazetteer(): Gazetteer {
  gazetteer ??= loadGazetteer();
  return gazetteer;
}

/** The extractor version of this checkout, as the CLI computes it. */
export const EXTRACTOR_VERSION = currentExtractorVersion();

/** Fast politeness for loopback: the fixture server is ours. */
export const FIXTURE_CRAWL_OPTIONS = { hostDelayMs: 0, retryBaseDelayMs: 50 };

export async function runFixtures(db: Kysely<DB>, runner: StageRunner, origin: string, progress?: RunPipelineDeps['progress']): Promise<RunReport> {
  const sources = await loadSourcesFile(FIXTURE_SOURCES, { FIXTURES: origin });
  for (const source of sources) await upsertSource(db, source);
  return runPipeline({ db, runner, extractorVersion: EXTRACTOR_VERSION, ...(progress ? { progress } : {}) }, { sourceIds: sources.map((s) => s.id) });
}

/**
 * Every row of the dataset tables, ordered, for before/after comparisons. Logs of activity (runs,
 * fetches, run_errors) grow with every run by design and are left out.
 */
export async function datasetSnapshot(db: Kysely<DB>) {
  return {
    sources: await db.selectFrom('sources').select(['id', 'name', 'config']).orderBy('id').execute(),
    documents: await db.selectFrom('documents').selectAll().orderBy('id').execute(),
    versions: await db.selectFrom('document_versions').select(['id', 'document_id', 'url', 'final_url', 'content_hash', 'etag', 'last_modified', 'fetched_at', 'clean_text', 'published', 'title']).orderBy('id').execute(),
    extractions: await db.selectFrom('extractions').selectAll().orderBy('version_id').execute(),
    claims: await db.selectFrom('claims').selectAll().orderBy('id').execute(),
    flags: await db.selectFrom('flags').selectAll().orderBy('id').execute(),
    flagClaims: await db.selectFrom('flag_claims').selectAll().orderBy('flag_id').orderBy('claim_id').execute(),
  };
}
