/**
 * One document by hand (`isa ingest FILE|URL`, `isa extract URL`): a file stored under its
 * `file://` URL, or a URL fetched once through the same guarded fetcher as the crawl.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import type { DB } from '../../sql/schema.ts';
import type { PartialDate } from '../../core/claim.ts';
import { findDocument, recordUnchanged, storeDocumentVersion } from '../../sql/queries/documents.ts';
import { BadInputError, errorMessageOf } from '../../core/errors.ts';
import { classifyResponse, responseError } from './classify-response.ts';
import { resolveCrawlOptions, type CrawlOptions } from './crawl-options.ts';
import { createHttpFetcher, parseRetryAfter, type Fetcher } from './fetcher.ts';
import { readDocument } from '../parse/read-document.ts';
import type { ParseFunction } from './parse-function.ts';
import { normalizeUrl, stripFragment } from './normalize-url.ts';
import { contentTypeFromExtension } from '../parse/content-type-from-extension.ts';

export interface IngestDeps {
  db: Kysely<DB>;
  /** @defaultValue a guarded `createHttpFetcher`, closed afterwards */
  fetcher?: Fetcher;
  /** @defaultValue `readDocument` */
  parse?: ParseFunction;
  /** @defaultValue `process.env` */
  env?: Record<string, string | undefined>;
}

export interface IngestInput {
  runId: string | null;
  /** A path or an http(s) URL: whatever the operator typed. */
  input?: string;
  /** A file to store under its `file://` URL … */
  file?: string;
  /** … or an http(s) URL fetched once. */
  url?: string;
  /** The file's bytes, when the caller has them already. */
  body?: Uint8Array;
  /**
   * Where a file was published (`isa ingest FILE --url`): the document is stored under this URL
   * instead of its `file://` path, and links and URL dates are read against it. Files only.
   */
  documentUrl?: string;
  /** The publication date the sender gives (`--published`); wins over what the document shows. */
  published?: PartialDate | null;
  /** Allow a private/loopback URL (`--allow-private`). @defaultValue false */
  allowPrivate?: boolean;
  sourceId?: string | null;
  languageHint?: string | null;
  options?: Partial<CrawlOptions>;
}

export interface IngestResult {
  /** The document's identity: normalised URL, or `file://` URL. */
  url: string;
  documentId: string;
  /** The current version, to extract (the existing one when the content is unchanged). */
  versionId: string;
  outcome: 'new' | 'changed' | 'unchanged';
}

/**
 * Stores one file or URL as a document version and returns the current version's id. Throws
 * the pipeline's typed errors (one item: nothing to go on with). robots.txt is not consulted:
 * an operator asked for this one document, as a browser would.
 */
export async function ingestDocument(deps: IngestDeps, input: IngestInput): Promise<IngestResult> {
  const options = resolveCrawlOptions(input.options, deps.env ?? process.env);
  const target = input.url !== undefined || input.file !== undefined ? input : splitInput(input.input);
  const parse = deps.parse ?? readDocument;
  if (input.documentUrl !== undefined && target.url !== undefined) throw new BadInputError(`${target.url} is fetched from its own URL; a documentUrl is for files only.`, { input: target.url });
  const fetched = target.url !== undefined ? await fetchOnce(deps, target.url, input.allowPrivate ?? false, options) : publishedAt(await readLocal(target.file, input.body, options.maxBodyBytes), input.documentUrl);
  if (fetched.body.byteLength === 0) throw new BadInputError(`${fetched.key} is empty; nothing to store.`, { input: fetched.key });
  const hash = createHash('sha256').update(fetched.body).digest('hex');
  const sourceId = input.sourceId ?? null;
  const known = await findDocument(deps.db, fetched.key);
  if (known?.latestHash === hash && known.latestVersionId) {
    const stored = await recordUnchanged(deps.db, { runId: input.runId, url: fetched.key, sourceId, httpStatus: fetched.httpStatus ?? 200, fetchedAt: fetched.fetchedAt, etag: fetched.etag, lastModified: fetched.lastModified });
    return { url: fetched.key, documentId: stored.documentId, versionId: known.latestVersionId, outcome: 'unchanged' };
  }
  const parsed = await parse({ body: fetched.body, url: fetched.finalUrl, contentType: fetched.contentType, fetchedAt: fetched.fetchedAt, languageHint: input.languageHint ?? null, published: input.published ?? null });
  const stored = await storeDocumentVersion(
    deps.db,
    {
      runId: input.runId,
      url: fetched.key,
      sourceId,
      finalUrl: fetched.finalUrl,
      httpStatus: fetched.httpStatus,
      contentType: fetched.contentType,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      contentHash: hash,
      fetchedAt: fetched.fetchedAt,
      body: fetched.body,
    },
    parsed,
  );
  const versionId = stored.versionId ?? (await findDocument(deps.db, fetched.key))?.latestVersionId;
  if (!versionId) throw new BadInputError(`No version stored for ${fetched.key}.`, { input: fetched.key });
  return { url: fetched.key, documentId: stored.documentId, versionId, outcome: stored.outcome === 'new' || stored.outcome === 'changed' ? stored.outcome : 'unchanged' };
}

interface Fetched {
  key: string;
  finalUrl: string;
  body: Uint8Array;
  contentType: string | null;
  httpStatus: number | null;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: Date;
}

function splitInput(value: string | undefined): { url?: string; file?: string } {
  if (value === undefined || value.trim() === '') throw new BadInputError('ingestDocument needs a file or a URL.');
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^file:/i.test(value) ? { url: value } : { file: value.replace(/^file:\/\//i, '') };
}

async function fetchOnce(deps: IngestDeps, url: string, allowPrivate: boolean, options: Partial<CrawlOptions> & Parameters<typeof createHttpFetcher>[0]): Promise<Fetched> {
  const key = normalizeUrl(url);
  if (!key) throw new BadInputError(`${url} is not an http(s) URL; only http and https are fetched.`, { input: url });
  const ownFetcher = deps.fetcher ? null : createHttpFetcher(options);
  try {
    const response = await (deps.fetcher ?? ownFetcher!).fetch({ url: stripFragment(url), allowPrivate });
    // Fetched once, unconditionally, for a URL we do not hold: anything but 2xx gives nothing to ingest.
    const refusal = responseError(classifyResponse(response.status, null), url, parseRetryAfter(response.headers['retry-after']));
    if (refusal) throw refusal;
    return {
      key,
      finalUrl: response.finalUrl,
      body: response.body,
      contentType: response.contentType,
      httpStatus: response.status,
      etag: response.headers['etag'] ?? null,
      lastModified: response.headers['last-modified'] ?? null,
      fetchedAt: response.fetchedAt,
    };
  } finally {
    ownFetcher?.close?.();
  }
}

async function readLocal(file: string | undefined, given: Uint8Array | undefined, maxBytes: number): Promise<Fetched> {
  if (file === undefined) throw new BadInputError('ingestDocument needs a file or a URL.');
  const path = resolvePath(file);
  const key = pathToFileURL(path).toString();
  let body: Uint8Array;
  try {
    body = given ?? new Uint8Array(await readFile(path));
  } catch (error) {
    throw new BadInputError(`Cannot read ${path}: ${errorMessageOf(error)}; check the path.`, { input: path, cause: error });
  }
  if (body.byteLength > maxBytes) throw new BadInputError(`${path} is over the cap of ${maxBytes} bytes; raise maxBodyBytes if it is genuine.`, { input: path });
  return { key, finalUrl: key, body, contentType: contentTypeFromExtension(path), httpStatus: null, etag: null, lastModified: null, fetchedAt: new Date() };
}

/** A file stored under the URL it was published at: that URL is its identity and its base. */
function publishedAt(local: Fetched, documentUrl: string | undefined): Fetched {
  if (documentUrl === undefined) return local;
  const key = normalizeUrl(documentUrl);
  if (!key) throw new BadInputError(`${documentUrl} is not an http(s) URL; give the address the document was published at.`, { input: documentUrl });
  return { ...local, key, finalUrl: stripFragment(documentUrl) };
}

export { contentTypeFromExtension };
