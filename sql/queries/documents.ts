/**
 * Documents, their versions and the fetch log. Each document's write is all or nothing (alone, or
 * in a batch that falls back to one transaction per document); a body whose hash is already the
 * latest version adds no version (idempotent under retried jobs). `fetches` is a log: it grows
 * every night; the dataset rows (documents, versions) change only when a page did.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, FetchOutcome } from '../schema.ts';
import type { ParsedDocument } from '../../core/parsed-document.ts';
import { documentTransaction } from '../document-transaction.ts';

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
      .leftJoin('document_versions as latest', 'latest.id', 'd.current_version_id')
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
    .where('d.current_version_id', 'is not', null)
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
      // Only rows whose lastmod moved: a sitemap that did not change writes nothing.
      await db
        .updateTable('documents')
        .set({ sitemap_lastmod: new Date(time) })
        .where('url', 'in', urls.slice(start, start + 1000))
        .where(sql<boolean>`sitemap_lastmod is distinct from ${new Date(time)}`)
        .execute();
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

/** A fetched body and what the parse stage made of it: one document's write. */
export interface VersionWrite {
  fetched: FetchedBody;
  parsed: ParsedDocument;
}

/** One document's result in a batch: what was stored, or why it was not. */
export type StoredOrFailed = ({ ok: true } & StoredFetch) | { ok: false; error: unknown };

/**
 * Stores a fetched body that is not the current version's: a new version (outcome `new` for a
 * document's first, `changed` after), or — when the body equals an older version — that version
 * again (`changed`: the document's `current_version_id` points to it; its own `fetched_at` stays
 * the time it was first fetched, and the fetch log holds this fetch). If the body turns out to
 * equal the latest version (a retried job), stores nothing and returns `unchanged`.
 * Document metadata, the version and the fetch log are written in one transaction.
 */
export async function storeDocumentVersion(db: Kysely<DB>, fetched: FetchedBody, parsed: ParsedDocument): Promise<StoredFetch> {
  const [stored] = await documentTransaction(db, 'version', (trx) => writeVersions(trx, [{ fetched, parsed }]));
  return stored!;
}

/**
 * Stores many documents' versions with one statement per table in one transaction (the crawl's
 * first night writes thousands). Each document stays all or nothing: when the batch fails, each
 * document is stored again in its own transaction, so one bad row fails only its document.
 * Returns a result per entry, in order, and never throws for one document.
 */
export async function storeDocumentVersions(db: Kysely<DB>, writes: readonly VersionWrite[]): Promise<StoredOrFailed[]> {
  if (writes.length === 0) return [];
  // One URL twice in a batch (two crawls of a source at once) cannot share one statement.
  const distinct = new Set(writes.map((w) => w.fetched.url)).size === writes.length;
  if (distinct && writes.length > 1) {
    try {
      const stored = await documentTransaction(db, 'version', (trx) => writeVersions(trx, writes));
      return stored.map((s) => ({ ok: true as const, ...s }));
    } catch {
      // Fall through: find the document at fault by storing each alone.
    }
  }
  const results: StoredOrFailed[] = [];
  for (const write of writes) {
    try {
      results.push({ ok: true, ...(await storeDocumentVersion(db, write.fetched, write.parsed)) });
    } catch (error) {
      results.push({ ok: false, error });
    }
  }
  return results;
}

// The batch write: documents upserted, latest hashes read, versions inserted, documents touched
// where something changed, fetches logged — one statement each, whatever the batch size.
async function writeVersions(trx: Transaction<DB>, writes: readonly VersionWrite[]): Promise<StoredFetch[]> {
  // Locks taken in URL order, so two batches over the same documents cannot deadlock.
  const order = writes.map((_, i) => i).sort((a, b) => (writes[a]!.fetched.url < writes[b]!.fetched.url ? -1 : 1));
  const ids = await upsertDocuments(trx, order.map((i) => ({ url: writes[i]!.fetched.url, sourceId: writes[i]!.fetched.sourceId, etag: writes[i]!.fetched.etag, lastModified: writes[i]!.fetched.lastModified })));
  const documentIds = writes.map((w) => ids.get(w.fetched.url)!);
  const latest = new Map<string, string>();
  for (const row of await trx
    .selectFrom('documents as d')
    .innerJoin('document_versions as v', 'v.id', 'd.current_version_id')
    .select(['d.id', 'v.content_hash'])
    .where('d.id', 'in', documentIds)
    .execute()) {
    latest.set(String(row.id), row.content_hash);
  }
  const results: StoredFetch[] = writes.map((w, i) => {
    const documentId = documentIds[i]!;
    const hash = latest.get(documentId);
    return { documentId, versionId: null, outcome: hash === undefined ? 'new' : hash === w.fetched.contentHash ? 'unchanged' : 'changed' };
  });
  const toInsert = order.filter((i) => results[i]!.outcome !== 'unchanged');
  if (toInsert.length > 0) {
    const inserted = await trx
      .insertInto('document_versions')
      .values(toInsert.map((i) => versionRow(documentIds[i]!, writes[i]!)))
      .onConflict((oc) => oc.columns(['document_id', 'content_hash']).doNothing())
      .returning(['id', 'document_id'])
      .execute();
    const insertedByDocument = new Map(inserted.map((row) => [String(row.document_id), String(row.id)]));
    const returned: number[] = [];
    for (const i of toInsert) {
      const versionId = insertedByDocument.get(results[i]!.documentId);
      if (versionId !== undefined) results[i]!.versionId = versionId;
      else returned.push(i);
    }
    if (returned.length > 0) {
      // The body went back to an older version: that version is current again, its own fetch
      // time untouched (the fetch log records this fetch), in one statement for the batch.
      const rows = await sql<{ document_id: string; version_id: string }>`
        with v (document_id, content_hash) as (values ${sql.join(returned.map((i) => sql`(cast(${results[i]!.documentId} as bigint), cast(${writes[i]!.fetched.contentHash} as text))`))}),
        older as (select dv.id, dv.document_id from document_versions dv join v on dv.document_id = v.document_id and dv.content_hash = v.content_hash)
        update documents d set current_version_id = older.id
        from older where d.id = older.document_id
        returning d.id as document_id, older.id as version_id`.execute(trx);
      const byDocument = new Map(rows.rows.map((row) => [String(row.document_id), String(row.version_id)]));
      for (const i of returned) {
        const versionId = byDocument.get(results[i]!.documentId);
        if (versionId === undefined) throw new Error(`document ${results[i]!.documentId}: no version with hash ${writes[i]!.fetched.contentHash} to return to`);
        results[i]!.versionId = versionId;
      }
    }
  }
  await touchDocuments(
    trx,
    order.map((i) => ({ documentId: documentIds[i]!, etag: writes[i]!.fetched.etag, lastModified: writes[i]!.fetched.lastModified })),
  );
  await insertFetches(
    trx,
    order.map((i) => ({ runId: writes[i]!.fetched.runId, documentId: documentIds[i]!, url: writes[i]!.fetched.url, httpStatus: writes[i]!.fetched.httpStatus, outcome: results[i]!.outcome, versionId: results[i]!.versionId })),
  );
  return results;
}

function versionRow(documentId: string, { fetched, parsed }: VersionWrite) {
  return {
    document_id: documentId,
    url: fetched.url,
    final_url: fetched.finalUrl,
    http_status: fetched.httpStatus,
    content_type: fetched.contentType,
    etag: fetched.etag,
    last_modified: fetched.lastModified,
    content_hash: fetched.contentHash,
    fetched_at: fetched.fetchedAt,
    // As base64 text decoded by the server: PGlite's bytea parameter path costs ~4× more CPU per
    // 50 KB body (bench/crawl-bench.ts prints both), and for pg it is fewer bytes than hex.
    body: sql<Uint8Array>`decode(${Buffer.from(fetched.body.buffer, fetched.body.byteOffset, fetched.body.byteLength).toString('base64')}, 'base64')`,
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
  };
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
    const ids = await upsertDocuments(trx, [{ url: fetch.url, sourceId: fetch.sourceId }]);
    const documentId = ids.get(fetch.url)!;
    await touchDocuments(trx, [{ documentId, ...(fetch.etag !== undefined ? { etag: fetch.etag } : {}), ...(fetch.lastModified !== undefined ? { lastModified: fetch.lastModified } : {}) }]);
    await insertFetches(trx, [{ runId: fetch.runId, documentId, url: fetch.url, httpStatus: fetch.httpStatus, outcome: 'unchanged', versionId: null }]);
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
 * re-crawl takes — in one statement per batch. Only the fetch log grows: a document row is
 * updated only where something about it changed (new validators, back from gone), so a night
 * over unchanged sites writes no dataset row. When we last checked a document is in `fetches`.
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
          and (d.status <> 'active' or d.gone_at is not null
               or (v.set_etag and d.etag is distinct from v.etag)
               or (v.set_last_modified and d.last_modified is distinct from v.last_modified))
      )
      insert into fetches (run_id, document_id, url, http_status, outcome, fetched_at)
      select cast(${runId} as bigint), d.id, d.url, v.http_status, 'unchanged', v.fetched_at
      from v join documents d on d.id = v.document_id`.execute(db);
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
      // Still gone on a later night: only the fetch log says we looked.
      .where((eb) => eb.or([eb('status', '<>', 'gone'), eb('gone_at', 'is', null)]))
      .execute();
    await insertFetches(trx, [{ runId: input.runId, documentId: input.documentId, url: input.url, httpStatus: input.httpStatus, outcome: 'gone', versionId: null }]);
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
  await insertFetches(db, [entry]);
}

/** Logs many such attempts in one statement (a re-crawl's discovery pages and skips). */
export async function recordFetches(db: Kysely<DB>, entries: readonly FetchLogEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += 1000) await insertFetches(db, entries.slice(start, start + 1000));
}

async function insertFetches(db: Kysely<DB> | Transaction<DB>, entries: readonly FetchLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('fetches')
    .values(
      entries.map((entry) => ({
        run_id: entry.runId,
        document_id: entry.documentId ?? null,
        url: entry.url,
        http_status: entry.httpStatus,
        outcome: entry.outcome,
        version_id: entry.versionId ?? null,
      })),
    )
    .execute();
}

// Inserts the documents not known yet and returns every URL's id. `do nothing` rather than an
// update on conflict: a known document's row is not rewritten (a night that changes nothing
// writes nothing); its source is filled in only when it had none.
async function upsertDocuments(trx: Transaction<DB>, documents: ReadonlyArray<{ url: string; sourceId: string | null; etag?: string | null; lastModified?: string | null }>): Promise<Map<string, string>> {
  await trx
    .insertInto('documents')
    // A new document gets its validators at once, so the touch that follows has nothing to update.
    .values(documents.map((d) => ({ url: d.url, source_id: d.sourceId, etag: d.etag ?? null, last_modified: d.lastModified ?? null })))
    .onConflict((oc) => oc.column('url').doNothing())
    .execute();
  const withSource = documents.filter((d) => d.sourceId !== null);
  if (withSource.length > 0) {
    await sql`
      update documents d set source_id = v.source_id
      from (values ${sql.join(withSource.map((w) => sql`(${w.url}, ${w.sourceId})`))}) as v (url, source_id)
      where d.url = v.url and d.source_id is null`.execute(trx);
  }
  const rows = await trx.selectFrom('documents').select(['id', 'url']).where('url', 'in', documents.map((d) => d.url)).execute();
  return new Map(rows.map((row) => [row.url, String(row.id)]));
}

// A stored fetch makes its document active again and may bring new validators; the row is
// updated only where one of these differs.
async function touchDocuments(trx: Transaction<DB>, touches: ReadonlyArray<{ documentId: string; etag?: string | null; lastModified?: string | null }>): Promise<void> {
  if (touches.length === 0) return;
  const rows = touches.map(
    (t) =>
      sql`(cast(${t.documentId} as bigint), cast(${t.etag !== undefined} as boolean), cast(${t.etag ?? null} as text), cast(${t.lastModified !== undefined} as boolean), cast(${t.lastModified ?? null} as text))`,
  );
  await sql`
    with v (document_id, set_etag, etag, set_last_modified, last_modified) as (values ${sql.join(rows)})
    update documents d
    set status = 'active', gone_at = null,
        etag = case when v.set_etag then v.etag else d.etag end,
        last_modified = case when v.set_last_modified then v.last_modified else d.last_modified end
    from v
    where d.id = v.document_id
      and (d.status <> 'active' or d.gone_at is not null
           or (v.set_etag and d.etag is distinct from v.etag)
           or (v.set_last_modified and d.last_modified is distinct from v.last_modified))`.execute(trx);
}

/** A document version with its body, for the extract stage and tests. */
export async function getDocumentVersion(db: Kysely<DB>, versionId: string) {
  return db.selectFrom('document_versions').selectAll().where('id', '=', versionId).executeTakeFirst();
}
