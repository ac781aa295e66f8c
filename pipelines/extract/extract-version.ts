import type { Kysely } from 'kysely';
import { extractClaims } from '../../extractors/extract-claims.ts';
import type { Gazetteer } from '../../extractors/gazetteer/gazetteer-types.ts';
import { storeExtraction } from '../../sql/queries/claims.ts';
import type { DB } from '../../sql/schema.ts';
import { BadInputError } from '../../core/errors.ts';

export interface ExtractDeps {
  db: Kysely<DB>;
  gazetteer: Gazetteer;
  /** Stamped on every claim; `currentExtractorVersion()` in production. */
  extractorVersion: string;
}

export interface ExtractVersionResult {
  versionId: string;
  claims: number;
  /** True when this extractor version had already processed the version: nothing was written. */
  skipped: boolean;
}

/** Extracts one stored document version's claims and stores them, once per extractor version. */
export async function extractVersion(deps: ExtractDeps, input: { versionId: string; runId: string | null }): Promise<ExtractVersionResult> {
  const done = await deps.db
    .selectFrom('extractions')
    .select('claim_count')
    .where('version_id', '=', input.versionId)
    .where('extractor_version', '=', deps.extractorVersion)
    .executeTakeFirst();
  if (done) return { versionId: input.versionId, claims: done.claim_count, skipped: true };

  const version = await deps.db
    .selectFrom('document_versions')
    .select(['clean_text', 'published', 'language', 'fetched_at', 'url'])
    .where('id', '=', input.versionId)
    .executeTakeFirst();
  if (!version) throw new BadInputError(`document version ${input.versionId} does not exist; was it deleted after the job was queued?`, { input: input.versionId });

  const claims = extractClaims(version.clean_text, {
    gazetteer: deps.gazetteer,
    published: version.published,
    language: version.language ?? 'de',
    now: version.fetched_at,
  });
  const written = await storeExtraction(deps.db, { versionId: input.versionId, extractorVersion: deps.extractorVersion, claims, runId: input.runId });
  return { versionId: input.versionId, claims: claims.length, skipped: !written };
}
