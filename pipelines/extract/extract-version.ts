import type { Kysely } from 'kysely';
import { extractClaims } from '../../extractors/extract-claims.ts';
import type { Gazetteer } from '../../extractors/gazetteer/gazetteer-types.ts';
import { storeExtractions } from '../../sql/queries/claims.ts';
import { rereadVersion } from '../../sql/queries/document-readings.ts';
import type { DB } from '../../sql/schema.ts';
import { BadInputError, errorClassOf, errorMessageOf } from '../../core/errors.ts';
import type { Claim } from '../../core/claim.ts';
import type { ParsedDocument } from '../../core/parsed-document.ts';
import { readDocument } from '../parse/read-document.ts';
import type { PdfWorkerPool } from '../parse/pdf-to-document.ts';
import { parserVersionOf } from '../parse/parser-version.ts';
import { sourceSchema } from '../../core/source-config.ts';
import type { DocumentWorkerPool } from '../run/document-worker-pool.ts';
import { mapWithConcurrency } from '../run/map-with-concurrency.ts';

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

/** One version's outcome in a batch: plain data, as a queue carries it back. */
export type VersionExtracted =
  | ({ ok: true } & ExtractVersionResult)
  | { ok: false; versionId: string; /** The version's URL, null when the version is not in the database. */ url: string | null; errorClass: string; message: string };

export interface ExtractVersionsResult {
  /** One per distinct input id, in input order. */
  versions: VersionExtracted[];
}

type Outcome = { ok: true; result: ExtractVersionResult } | { ok: false; versionId: string; url: string | null; error: unknown };

/**
 * Extracts a batch of stored versions and stores their claims, once per extractor version. Each
 * document's reading and extraction may fail alone (its outcome says why, with its URL); the claims
 * of the others go in together, one statement per table in one transaction, falling back to one
 * transaction per version if that fails, so each version stays all or nothing. Idempotent: versions
 * this extractor version already processed are skipped, so a retried job writes nothing twice.
 * Returns an outcome per version and never throws for one version.
 */
export async function extractVersions(deps: ExtractDeps, input: { versionIds: readonly string[]; runId: string | null }): Promise<ExtractVersionsResult> {
  const outcomes = await extractBatch(deps, input);
  return {
    versions: outcomes.map((o) =>
      o.ok ? { ok: true as const, ...o.result } : { ok: false as const, versionId: o.versionId, url: o.url, errorClass: errorClassOf(o.error), message: errorMessageOf(o.error) },
    ),
  };
}

/**
 * Extracts one stored document version's claims and stores them, once per extractor version.
 * When the version was read by another reader than the one in `extractorVersion`, its stored body
 * is read again through `readDocument` first (no refetch); a changed reading replaces the stored
 * text and date, and the old one is kept in `document_readings` with the claims made from it.
 * Throws what failed.
 */
export async function extractVersion(deps: ExtractDeps, input: { versionId: string; runId: string | null }): Promise<ExtractVersionResult> {
  const [outcome] = await extractBatch(deps, { versionIds: [input.versionId], runId: input.runId });
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.result;
}

async function extractBatch(deps: ExtractDeps, input: { versionIds: readonly string[]; runId: string | null }): Promise<Outcome[]> {
  const ids = [...new Set(input.versionIds)];
  if (ids.length === 0) return [];
  const done = new Map(
    (await deps.db.selectFrom('extractions').select(['version_id', 'claim_count']).where('version_id', 'in', ids).where('extractor_version', '=', deps.extractorVersion).execute()).map((r) => [
      String(r.version_id),
      r.claim_count,
    ]),
  );
  const pending = ids.filter((id) => !done.has(id));
  const stored = new Map(
    pending.length === 0
      ? []
      : (
          await deps.db
            .selectFrom('document_versions')
            .select(['id', 'clean_text', 'published', 'language', 'fetched_at', 'url', 'parser_version'])
            .where('id', 'in', pending)
            .execute()
        ).map((row) => [String(row.id), row]),
  );

  const failed = new Map<string, Outcome>();
  const extracted: Array<{ versionId: string; claims: Claim[]; reread: boolean }> = [];
  // In this thread extraction is synchronous; the worker pool bounds its own threads.
  await mapWithConcurrency(pending, deps.documentWorkers ? 4 : 1, async (versionId) => {
    const version = stored.get(versionId);
    if (!version) {
      const error = new BadInputError(`document version ${versionId} does not exist; was it deleted after the job was queued?`, { input: versionId });
      failed.set(versionId, { ok: false, versionId, url: null, error });
      return;
    }
    try {
      extracted.push({ versionId, ...(await claimsOf(deps, versionId, version)) });
    } catch (error) {
      failed.set(versionId, { ok: false, versionId, url: version.url, error });
    }
  });

  const written = new Map<string, Outcome>();
  const results = await storeExtractions(
    deps.db,
    extracted.map((e) => ({ versionId: e.versionId, extractorVersion: deps.extractorVersion, claims: e.claims, runId: input.runId })),
  );
  extracted.forEach((e, i) => {
    const result = results[i]!;
    written.set(
      e.versionId,
      result.ok
        ? { ok: true, result: { versionId: e.versionId, claims: e.claims.length, skipped: !result.written, ...(e.reread ? { reread: true } : {}) } }
        : { ok: false, versionId: e.versionId, url: stored.get(e.versionId)?.url ?? null, error: result.error },
    );
  });
  return ids.map((id) => {
    const claims = done.get(id);
    if (claims !== undefined) return { ok: true, result: { versionId: id, claims, skipped: true } };
    return written.get(id) ?? failed.get(id)!;
  });
}

interface StoredVersion {
  clean_text: string;
  published: string | null;
  language: string | null;
  fetched_at: Date;
  url: string;
  parser_version: string | null;
}

/** One version's claims, after reading its stored body again when another reader made its text. */
async function claimsOf(deps: ExtractDeps, versionId: string, version: StoredVersion): Promise<{ claims: Claim[]; reread: boolean }> {
  const parserVersion = parserVersionOf(deps.extractorVersion);
  let reading = { text: version.clean_text, published: version.published, language: version.language };
  let reread = false;
  if (parserVersion !== null && version.parser_version !== parserVersion) {
    const fresh = await readStoredBody(deps, versionId);
    const outcome = await rereadVersion(deps.db, { versionId, parserVersion, reading: fresh });
    reread = outcome.changed;
    reading = { text: fresh.text, published: fresh.published, language: fresh.language };
  }
  const context = { published: reading.published, language: reading.language ?? 'de', now: version.fetched_at };
  const claims = deps.documentWorkers ? await deps.documentWorkers.extract(reading.text, context, version.url) : extractClaims(reading.text, { ...context, gazetteer: deps.gazetteer });
  return { claims, reread };
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
