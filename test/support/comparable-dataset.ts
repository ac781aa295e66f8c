/**
 * The dataset tables of a database, row by row, in a form two databases holding the same data
 * agree on — for "a killed run and its next run leave what an uninterrupted run leaves".
 *
 * Left out, on purpose:
 * - ids (serials): they are per database, and a crash makes Postgres skip sequence values (it
 *   logs 32 ahead), so a recovered database numbers its rows differently. Rows refer to each other
 *   here by what they are: a document by its URL, a version by URL and content hash, a claim by
 *   its version, extractor version and ordinal. Ids inside flag details are mapped the same way.
 * - times (`first_seen_at`, `fetched_at`, `extracted_at`, `created_at`, `updated_at`,
 *   `superseded_at`) and run ids (`run_id`, `first_seen_run`): when and by which run a row came.
 *   `gone_at` is kept as whether it is set.
 * - the logs of activity (`runs`, `fetches`, `run_errors`, `run_items`), which grow with every run
 *   and hold the killed runs too; `settings` (the database's own id); the gazetteer (the shipped
 *   places, synced at start, not written by documents); users, sessions and decisions (no run
 *   writes them).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../sql/schema.ts';

const byJson = (a: unknown, b: unknown) => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

export async function comparableDataset(db: Kysely<DB>) {
  const documents = await db.selectFrom('documents').selectAll().execute();
  const versions = await db.selectFrom('document_versions').selectAll().execute();
  const claims = await db.selectFrom('claims').selectAll().execute();
  const documentUrl = new Map(documents.map((d) => [String(d.id), d.url]));
  const versionKey = new Map(versions.map((v) => [String(v.id), `${v.url}#${v.content_hash}`]));
  const claimKey = new Map(claims.map((c) => [String(c.id), `${versionKey.get(String(c.version_id))}#${c.extractor_version}#${c.ordinal}`]));
  // Flag details name claims and documents by id (for the review pages' links).
  const stableIds = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(stableIds);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => {
        if (key === 'claimId' && inner !== null) return [key, claimKey.get(String(inner)) ?? `missing claim ${String(inner)}`];
        if (key === 'documentId' && inner !== null) return [key, documentUrl.get(String(inner)) ?? `missing document ${String(inner)}`];
        if (key === 'unreliableClaims' && Array.isArray(inner)) return [key, inner.map((id) => claimKey.get(String(id)) ?? `missing claim ${String(id)}`)];
        return [key, stableIds(inner)];
      }),
    );
  };
  const flags = await db.selectFrom('flags').selectAll().execute();
  const flagPrint = new Map(flags.map((f) => [String(f.id), f.fingerprint]));
  return {
    sources: (await db.selectFrom('sources').select(['id', 'name', 'config']).execute()).sort(byJson),
    documents: documents
      .map((d) => ({ url: d.url, source: d.source_id, status: d.status, gone: d.gone_at !== null, etag: d.etag, lastModified: d.last_modified, sitemapLastmod: d.sitemap_lastmod?.toISOString() ?? null, current: d.current_version_id === null ? null : versionKey.get(String(d.current_version_id)) }))
      .sort(byJson),
    versions: versions
      .map((v) => ({
        key: versionKey.get(String(v.id)),
        document: documentUrl.get(String(v.document_id)),
        finalUrl: v.final_url,
        httpStatus: v.http_status,
        contentType: v.content_type,
        etag: v.etag,
        lastModified: v.last_modified,
        body: createHash('sha256').update(v.body).digest('hex'),
        bodySize: v.body_size,
        format: v.format,
        title: v.title,
        published: v.published,
        publishedSource: v.published_source,
        language: v.language,
        text: v.clean_text,
        captions: v.captions,
        warnings: v.parse_warnings,
        parserVersion: v.parser_version,
      }))
      .sort(byJson),
    readings: (await db.selectFrom('document_readings').selectAll().execute())
      .map((r) => ({ version: versionKey.get(String(r.version_id)), parserVersion: r.parser_version, supersededBy: r.superseded_by, title: r.title, published: r.published, text: r.clean_text }))
      .sort(byJson),
    extractions: (await db.selectFrom('extractions').selectAll().execute())
      .map((e) => ({ version: versionKey.get(String(e.version_id)), extractorVersion: e.extractor_version, claims: e.claim_count }))
      .sort(byJson),
    claims: claims
      .map((c) => ({ key: claimKey.get(String(c.id)), kind: c.kind, subject: c.subject, payload: c.payload, quote: c.quote, start: c.start_offset, end: c.end_offset, rule: c.rule, provenance: c.provenance }))
      .sort(byJson),
    flags: flags
      .map((f) => ({ fingerprint: f.fingerprint, kind: f.kind, severity: f.severity, subject: f.subject, subjectKey: f.subject_key, explanation: f.explanation, details: stableIds(f.details), status: f.status, note: f.reviewer_note, reviewer: f.reviewed_by }))
      .sort(byJson),
    flagClaims: (await db.selectFrom('flag_claims').selectAll().execute()).map((fc) => ({ flag: flagPrint.get(String(fc.flag_id)), claim: claimKey.get(String(fc.claim_id)), role: fc.role })).sort(byJson),
  };
}
