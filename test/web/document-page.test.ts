import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../sql/database.ts';
import type { ParsedDocument } from '../../core/parsed-document.ts';
import { saveUser } from '../../sql/queries/users.ts';
import { storeDocumentVersion, type FetchedBody } from '../../sql/queries/documents.ts';
import { startRun } from '../../sql/queries/runs.ts';
import { createWebApp } from '../../web/create-web-app.ts';
import { hashPassword } from '../../web/auth/password.ts';
import { freshPglite } from '../support/services.ts';

const URL_A = 'http://page.example/meldung';
const parsed = (text: string): ParsedDocument => ({ format: 'html', title: text, published: null, publishedSource: null, language: 'de', text, captions: [], warnings: [], links: [] }) as unknown as ParsedDocument;
const fetched = (runId: string, hash: string, at: string): FetchedBody => ({
  runId, url: URL_A, sourceId: null, finalUrl: URL_A, httpStatus: 200, contentType: 'text/html', etag: null, lastModified: null,
  contentHash: hash, fetchedAt: new Date(at), body: new TextEncoder().encode(`<p>${hash}</p>`),
});

describe('the document page', () => {
  let database: Database;
  let app: FastifyInstance;
  let session: string;
  beforeAll(async () => {
    database = await freshPglite();
    await saveUser(database.db, 'checker', await hashPassword('a-long-enough-password'));
    app = await createWebApp({ db: database.db, cookieSecret: 'a-test-secret-of-some-length' });
    const form = await app.inject({ url: '/sign-in' });
    const pre = form.cookies[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const signIn = await app.inject({ method: 'POST', url: '/sign-in', cookies: { [pre.name]: pre.value }, payload: { _csrf: csrf, name: 'checker', password: 'a-long-enough-password', next: '/' } });
    session = signIn.cookies.find((c) => c.name === 'isa_session')!.value;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('lists the version the body came back to first, marked current, with its first and last fetch', async () => {
    const db = database.db;
    const runs = [await startRun(db, 'test', {}), await startRun(db, 'test', {}), await startRun(db, 'test', {})];
    const first = await storeDocumentVersion(db, fetched(runs[0]!, 'A', '2026-01-01T00:00:00Z'), parsed('Fassung A'));
    const second = await storeDocumentVersion(db, fetched(runs[1]!, 'B', '2026-02-01T00:00:00Z'), parsed('Fassung B'));
    await storeDocumentVersion(db, fetched(runs[2]!, 'A', '2026-03-01T00:00:00Z'), parsed('Fassung A'));
    const document = await db.selectFrom('documents').select('id').where('url', '=', URL_A).executeTakeFirstOrThrow();

    const page = await app.inject({ url: `/documents/${document.id}`, cookies: { isa_session: session } });
    expect(page.statusCode).toBe(200);
    const rows = [...page.body.matchAll(/<tr( class="current")?><td><a href="\/versions\/(\d+)">[^<]*<\/a>[^<]*(?:<strong>current<\/strong>)?<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)]
      .map((m) => ({ current: Boolean(m[1]), id: m[2], first: m[3], last: m[4] }));
    // The fetch log stamps its own time, so "last fetched" is the moment of the third fetch: after A's first.
    expect(rows.map(({ current, id, first }) => ({ current, id, first }))).toEqual([
      { current: true, id: first.versionId, first: '2026-01-01 00:00 UTC' },
      { current: false, id: second.versionId, first: '2026-02-01 00:00 UTC' },
    ]);
    expect(rows[0]!.last! > rows[0]!.first!).toBe(true);
  });
});
