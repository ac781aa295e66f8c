/**
 * Documents, their versions and the fetch log. Each document's write is one transaction; a body
 * whose hash is already the latest version adds no version (idempotent under retried jobs).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, FetchOutcome } from '../schema.ts';
import type { ParsedDocument } from '../../core/parsed-document.ts';

export interface KnownDocument {
  id: string;
  url: string;
  status: 'active' | 'gone';
  etag: string | null;
  lastModified: string | null;
  lastFetchedAt: Date | null;
  /** Sitemap lastmod seen when last fetched. */
  sitemapLastmod: Date | null;
  /** Hash of the newest version, null when the document has none. */
  latestHash: string | null;
  latestVersionId: string | null;
}

/** What we know of a URL before fetching it (for conditional requests and hash comparison). */
export async function findDocument(db: Kysely<DB>, url: string): Promise<KnownDocument | null> {
  const found = await findDocuments(db, [url]);
  return found.get(url) ?? null;
}

/** Batch form of `findDocument`, keyed by URL (sitemaps list thousands). */
export async function findDocuments(db: Kysely<DB>, urls: string[]): Promise<Map<string, KnownDocument>> {
  const result = new Map<string, KnownDocument>();
  if (urls.length === 0) return result;
  for (let start = 0; start < urls.length; start += 1000) {
    const rows = await db
      .selectFrom('documents as d')
      .leftJoinLateral(
        (eb) => eb.selectFrom('document_versions as v').select(['v.id', 'v.content_hash']).whereRef('v.document_id', '=', 'd.id').orderBy('v.fetched_at', 'desc').orderBy('v.id', 'desc').limit(1).as('latest'),
        (join) => join.onTrue(),
      )
      .select(['d.id', 'd.url', 'd.status', 'd.etag', 'd.last_modified', 'd.sitemap_lastmod', 'latest.id as latest_id', 'latest.content_hash as latest_hash'])
      // The fetch log says when a URL was last fetched; failed attempts do not count.
      .select((eb) =>
        eb.selectFrom('fetches as f').select((f) => f.fn.max('f.fetched_at').as('at')).whereRef('f.document_id', '=', 'd.id').where('f.outcome', '!=', 'failed').as('last_fetched_at'),
      )
      .where('d.url', 'in', urls.slice(start, start + 1000))
      .execute();
    for (const row of rows) {
      result.set(row.url, {
        id: String(row.id),
        url: row.url,
        status: row.status,
        etag: row.etag,
        lastModified: row.last_modified,
        lastFetchedAt: row.last_fetched_at ? new Date(row.last_fetched_at) : null,
        sitemapLastmod: row.sitemap_lastmod ? new Date(row.sitemap_lastmod) : null,
        latestHash: row.latest_hash ?? null,
        latestVersionId: row.latest_id === null || row.latest_id === undefined ? null : String(row.latest_id),
      });
    }
  }
  return result;
}

/** URLs of a source's active documents that have at least one version (what a crawl may revisit). */
export async function listActiveDocumentUrls(db: Kysely<DB>, sourceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('documents as d')
    .select('d.url')
    .where('d.source_id', '=', sourceId)
    .where('d.status', '=', 'active')
    .where((eb) => eb.exists(eb.selectFrom('document_versions as v').select('v.id').whereRef('v.document_id', '=', 'd.id')))
    .orderBy('d.url')
    .execute();
  return rows.map((row) => row.url);
}

/** Remembers the sitemap lastmod of documents fetched successfully (one statement per distinct date). */
export async function recordSitemapLastmods(db: Kysely<DB>, entries: Array<{ url: string; lastmod: Date }>): Promise<void> {
  const byDate = new Map<number, string[]>();
  for (const { url, lastmod } of entries) byDate.set(lastmod.getTime(), [...(byDate.get(lastmod.getTime()) ?? []), url]);
  for (const [time, urls] of byDate) {
    for (let start = 0; start < urls.length; start += 1000) {
      await db.updateTable('documents').set({ sitemap_lastmod: new Date(time) }).where('url', 'in', urls.slice(start, start + 1000)).execute();
    }
  }
}

export interface FetchedBody {
  runId: string | null;
  /** Normalised URL: the document's identity. */
  url: string;
  sourceId: string | null;
  finalUrl: string;
  httpStatus: number | null;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  contentHash: string;
  fetchedAt: Date;
  body: Uint8Array;
}

export interface StoredFetch {
  documentId: string;
  /** The version now current; null when nothing was stored. */
  versionId: string | null;
  outcome: FetchOutcome;
}

/**
 * Stores a fetched body that is not the latest version's: a new version (outcome `new` for a
 * document's first, `changed` after), or — when the body equals an older version — that version
 * again (`changed`, its `fetched_at` moved to now so it is the newest). If the body turns out to
 * equal the latest version (a retried job), stores nothing and returns `unchanged`.
 * Document metadata, the version and the fetch log are written in one transaction.
 */
export async function storeDocumentVersion(db: Kysely<DB>, fetched: FetchedBody, parsed: ParsedDocument): Promise<StoredFetch> {
  return db.transaction().execute(async (trx) => {
    const documentId = await upsertDocument(trx, fetched.url, fetched.sourceId);
    const latest = await trx
      .selectFrom('document_versions')
      .select(['id', 'content_hash'])
      .where('document_id', '=', documentId)
      .orderBy('fetched_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    let outcome: FetchOutcome;
    let versionId: string | null;
    if (latest && latest.content_hash === fetched.contentHash) {
      outcome = 'unchanged';
      versionId = null;
    } else {
      const inserted = await trx
        .insertInto('document_versions')
        .values({
          document_id: documentId,
          url: fetched.url,
          final_url: fetched.finalUrl,
          http_status: fetched.httpStatus,
          content_type: fetched.contentType,
          etag: fetched.etag,
          last_modified: fetched.lastModified,
          content_hash: fetched.contentHash,
          fetched_at: fetched.fetchedAt,
          body: fetched.body,
          body_size: fetched.body.byteLength,
          format: parsed.format,
          title: parsed.title,
          published: parsed.published,
          published_source: parsed.publishedSource,
          language: parsed.language,
          clean_text: parsed.text,
          captions: JSON.stringify(parsed.captions),
          parse_warnings: JSON.stringify(parsed.warnings),
          parser_version: parsed.parserVersion ?? null,
          run_id: fetched.runId,
        })
        .onConflict((oc) => oc.columns(['document_id', 'content_hash']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        versionId = String(inserted.id);
      } else {
        // The body went back to an older version: make that one current again, keep its history.
        const older = await trx
          .updateTable('document_versions')
          .set({ fetched_at: fetched.fetchedAt })
          .where('document_id', '=', documentId)
          .where('content_hash', '=', fetched.contentHash)
          .returning('id')
          .executeTakeFirstOrThrow();
        versionId = String(older.id);
      }
      outcome = latest ? 'changed' : 'new';
    }
    await touchDocument(trx, documentId, {
      status: 'active',
      httpStatus: fetched.httpStatus,
      fetchedAt: fetched.fetchedAt,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
    });
    await insertFetch(trx, { runId: fetched.runId, documentId, url: fetched.url, httpStatus: fetched.httpStatus, outcome, versionId });
    return { documentId, versionId, outcome };
  });
}

export interface UnchangedFetch {
  runId: string | null;
  url: string;
  sourceId: string | null;
  httpStatus: number;
  fetchedAt: Date;
  /** New validators from a 200 with an unchanged body; a 304 keeps the stored ones (null). */
  etag?: string | null;
  lastModified?: string | null;
}

/** Records a 304 or a body equal to the latest version: no version, the fetch logged as `unchanged`. */
export async function recordUnchanged(db: Kysely<DB>, fetch: UnchangedFetch): Promise<StoredFetch> {
  return db.transaction().execute(async (trx) => {
    const documentId = await upsertDocument(trx, fetch.url, fetch.sourceId);
    await touchDocument(trx, documentId, {
      status: 'active',
      httpStatus: fetch.httpStatus,
      fetchedAt: fetch.fetchedAt,
      ...(fetch.etag !== undefined ? { etag: fetch.etag } : {}),
      ...(fetch.lastModified !== undefined ? { lastModified: fetch.lastModified } : {}),
    });
    await insertFetch(trx, { runId: fetch.runId, documentId, url: fetch.url, httpStatus: fetch.httpStatus, outcome: 'unchanged', versionId: null });
    return { documentId, versionId: null, outcome: 'unchanged' as const };
  });
}

export interface NotModifiedFetch {
  documentId: string;
  httpStatus: number;
  fetchedAt: Date;
  /** New validators from a 200 with an unchanged body; left out (undefined) after a 304. */
  etag?: string | null;
  lastModified?: string | null;
}

/**
 * Records 304s and unchanged bodies of known documents — the path every unchanged page of a
 * re-crawl takes — in one statement per batch: documents touched and fetches logged, atomically.
 */
export async function recordNotModified(db: Kysely<DB>, runId: string | null, fetches: readonly NotModifiedFetch[]): Promise<void> {
  for (let start = 0; start < fetches.length; start += 500) {
    const rows = fetches.slice(start, start + 500).map(
      (f) =>
        sql`(cast(${f.documentId} as bigint), cast(${f.httpStatus} as integer), cast(${f.fetchedAt} as timestamptz), cast(${f.etag !== undefined} as boolean), cast(${f.etag ?? null} as text), cast(${f.lastModified !== undefined} as boolean), cast(${f.lastModified ?? null} as text))`,
    );
    await sql`
      with v (document_id, http_status, fetched_at, set_etag, etag, set_last_modified, last_modified) as (values ${sql.join(rows)}),
      touched as (
        update documents d
        set status = 'active', gone_at = null,
            etag = case when v.set_etag then v.etag else d.etag end,
            last_modified = case when v.set_last_modified then v.last_modified else d.last_modified end
        from v
        where d.id = v.document_id
        returning d.id, d.url, v.http_status, v.fetched_at
      )
      insert into fetches (run_id, document_id, url, http_status, outcome, fetched_at)
      select cast(${runId} as bigint), id, url, http_status, 'unchanged', fetched_at from touched`.execute(db);
  }
}

/** Marks a known document gone (404/410, or a page that says so); its versions stay. */
export async function markDocumentGone(db: Kysely<DB>, input: { runId: string | null; documentId: string; url: string; httpStatus: number | null; fetchedAt: Date }): Promise<StoredFetch> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('documents')
      .set({
        status: 'gone',
        gone_at: sql<Date>`coalesce(gone_at, ${input.fetchedAt})`,
      })
      .where('id', '=', input.documentId)
      .execute();
    await insertFetch(trx, { runId: input.runId, documentId: input.documentId, url: input.url, httpStatus: input.httpStatus, outcome: 'gone', versionId: null });
    return { documentId: input.documentId, versionId: null, outcome: 'gone' as const };
  });
}

export interface FetchLogEntry {
  runId: string | null;
  documentId?: string | null;
  url: string;
  httpStatus: number | null;
  outcome: FetchOutcome;
  versionId?: string | null;
}

/** Logs a fetch attempt that stored nothing (failed, skipped, a discovery page). */
export async function recordFetch(db: Kysely<DB>, entry: FetchLogEntry): Promise<void> {
  await insertFetch(db, entry);
}

async function insertFetch(db: Kysely<DB> | Transaction<DB>, entry: FetchLogEntry): Promise<void> {
  await db
    .insertInto('fetches')
    .values({
      run_id: entry.runId,
      document_id: entry.documentId ?? null,
      url: entry.url,
      http_status: entry.httpStatus,
      outcome: entry.outcome,
      version_id: entry.versionId ?? null,
    })
    .execute();
}

async function upsertDocument(trx: Transaction<DB>, url: string, sourceId: string | null): Promise<string> {
  const row = await trx
    .insertInto('documents')
    .values({ url, source_id: sourceId })
    .onConflict((oc) => oc.column('url').doUpdateSet({ source_id: sql<string | null>`coalesce(documents.source_id, excluded.source_id)` }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

async function touchDocument(
  trx: Transaction<DB>,
  documentId: string,
  update: { status: 'active'; httpStatus: number | null; fetchedAt: Date; etag?: string | null; lastModified?: string | null },
): Promise<void> {
  await trx
    .updateTable('documents')
    .set({
      status: update.status,
      gone_at: null,
      ...(update.etag !== undefined ? { etag: update.etag } : {}),
      ...(update.lastModified !== undefined ? { last_modified: update.lastModified } : {}),
    })
    .where('id', '=', documentId)
    .execute();
}

/** A document version with its body, for the extract stage and tests. */
export async function getDocumentVersion(db: Kysely<DB>, versionId: string) {
  return db.selectFrom('document_versions').selectAll().where('id', '=', versionId).executeTakeFirst();
}
