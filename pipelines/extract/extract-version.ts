import type { Kysely } from 'kysely';
import { extractClaims } from '../../extractors/extract-claims.ts';
import type { Gazetteer } from '../../extractors/gazetteer/gazetteer-types.ts';
import { storeExtraction } from '../../sql/queries/claims.ts';
import { rereadVersion } from '../../sql/queries/document-readings.ts';
import type { DB } from '../../sql/schema.ts';
import { BadInputError } from '../../core/errors.ts';
import type { ParsedDocument } from '../../core/parsed-document.ts';
import { readDocument } from '../parse/read-document.ts';
import type { PdfWorkerPool } from '../parse/pdf-to-document.ts';
import { parserVersionOf } from '../parse/parser-version.ts';
import { sourceSchema } from '../../core/source-config.ts';
import type { DocumentWorkerPool } from '../run/document-worker-pool.ts';

export interface ExtractDeps {
  db: Kysely<DB>;
  gazetteer: Gazetteer;
  /** Stamped on every claim; `currentExtractorVersion()` in production. Its `read-…` part is the reader's version. */
  extractorVersion: string;
  /** PDF worker threads for re-reading stored PDFs. @defaultValue a fresh worker per PDF */
  pdfWorkers?: PdfWorkerPool | null;
  /**
   * Worker threads that read and extract with a time and memory limit, on a gazetteer equal to
   * `gazetteer`. @defaultValue none: in this thread
   */
  documentWorkers?: DocumentWorkerPool | null;
}

export interface ExtractVersionResult {
  versionId: string;
  claims: number;
  /** True when this extractor version had already processed the version: nothing was written. */
  skipped: boolean;
  /** True when the stored body was read again by a newer reader and its text or date changed. */
  reread?: boolean;
}

/**
 * Extracts one stored document version's claims and stores them, once per extractor version.
 * When the version was read by another reader than the one in `extractorVersion`, its stored body
 * is read again through `readDocument` first (no refetch); a changed reading replaces the stored
 * text and date, and the old one is kept in `document_readings` with the claims made from it.
 */
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
    .select(['clean_text', 'published', 'language', 'fetched_at', 'url', 'parser_version'])
    .where('id', '=', input.versionId)
    .executeTakeFirst();
  if (!version) throw new BadInputError(`document version ${input.versionId} does not exist; was it deleted after the job was queued?`, { input: input.versionId });

  const parserVersion = parserVersionOf(deps.extractorVersion);
  let reading = { text: version.clean_text, published: version.published, language: version.language };
  let reread = false;
  if (parserVersion !== null && version.parser_version !== parserVersion) {
    const fresh = await readStoredBody(deps, input.versionId);
    const outcome = await rereadVersion(deps.db, { versionId: input.versionId, parserVersion, reading: fresh });
    reread = outcome.changed;
    reading = { text: fresh.text, published: fresh.published, language: fresh.language };
  }

  const context = { published: reading.published, language: reading.language ?? 'de', now: version.fetched_at };
  const claims = deps.documentWorkers ? await deps.documentWorkers.extract(reading.text, context, version.url) : extractClaims(reading.text, { ...context, gazetteer: deps.gazetteer });
  const written = await storeExtraction(deps.db, { versionId: input.versionId, extractorVersion: deps.extractorVersion, claims, runId: input.runId });
  return { versionId: input.versionId, claims: claims.length, skipped: !written, ...(reread ? { reread } : {}) };
}

/** The stored body read again with the HTTP facts of its fetch and its source's hints; a stated date is kept. */
async function readStoredBody(deps: ExtractDeps, versionId: string): Promise<ParsedDocument> {
  const stored = await deps.db
    .selectFrom('document_versions as v')
    .innerJoin('documents as d', 'd.id', 'v.document_id')
    .leftJoin('sources as s', 's.id', 'd.source_id')
    .select(['v.body', 'v.final_url', 'v.content_type', 'v.fetched_at', 'v.published', 'v.published_source', 's.config'])
    .where('v.id', '=', versionId)
    .executeTakeFirstOrThrow();
  const source = stored.config ? sourceSchema.safeParse(stored.config) : null;
  const read = deps.documentWorkers ? deps.documentWorkers.read.bind(deps.documentWorkers) : readDocument;
  return read(
    {
      body: stored.body,
      url: stored.final_url,
      contentType: stored.content_type,
      fetchedAt: stored.fetched_at,
      languageHint: source?.success ? (source.data.language ?? null) : null,
      contentSelectors: source?.success ? source.data.contentSelectors : [],
      published: stored.published_source === 'stated' ? stored.published : null,
    },
    { pdfWorkers: deps.pdfWorkers ?? null },
  );
}
