/**
 * The review application in a real browser (Debian's chromium through playwright-core) over a real
 * pipeline run of the fixture sites on an embedded database: sign in, review by keyboard, run again,
 * and the security promises (inert crawled markup, CSRF, same-origin, sign-in redirect).
 */
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../sql/database.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server/fixture-server.ts';
import { loadSourcesFile } from '../../pipelines/crawl/sources-file.ts';
import { ingestDocument } from '../../pipelines/crawl/ingest-document.ts';
import { runPipeline } from '../../pipelines/run/run-pipeline.ts';
import { InProcessStageRunner } from '../../pipelines/run/run-stage.ts';
import { upsertSource } from '../../sql/queries/sources.ts';
import { saveUser } from '../../sql/queries/users.ts';
import { flagRows } from '../../sql/queries/dataset.ts';
import { currentExtractorVersion, openReviewedGazetteer, stageDeps } from '../../cli/services.ts';
import { FIXTURE_SOURCES_FILE } from '../../cli/commands/run-command.ts';
import { loadConfig } from '../../cli/config.ts';
import { createWebApp } from '../../web/create-web-app.ts';
import { hashPassword } from '../../web/auth/password.ts';
import { freshPglite } from '../support/services.ts';

const HOSTILE = fileURLToPath(new URL('./fixtures/hostile-release.html', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../.tmp/', import.meta.url));
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

describe('reviewing in the browser', () => {
  let database: Database;
  let fixtures: FixtureServer;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let runAgain: () => Promise<unknown>;
  let hostileVersionId: string;
  const dialogs: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    database = await freshPglite();
    fixtures = await startFixtureServer();
    const sources = await loadSourcesFile(FIXTURE_SOURCES_FILE, { FIXTURES: fixtures.origin });
    for (const source of sources) await upsertSource(database.db, source);
    const extractorVersion = currentExtractorVersion();
    const deps = await stageDeps(database, loadConfig({}), await openReviewedGazetteer(database), extractorVersion);
    const runner = new InProcessStageRunner({ ...deps, crawlOptions: { ...deps.crawlOptions, hostDelayMs: 0 } } as typeof deps);
    const hostile = await ingestDocument({ db: database.db, env: {} }, { runId: null, file: HOSTILE });
    hostileVersionId = hostile.versionId;
    runAgain = () => runPipeline({ db: database.db, runner, extractorVersion }, { sourceIds: sources.map((s) => s.id), extraVersionIds: [hostileVersionId] });
    await runAgain();
    await saveUser(database.db, 'checker', await hashPassword('correct horse battery'));
    app = await createWebApp({ db: database.db, cookieSecret: 'test-secret-that-is-long-enough-0123456789' });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    context.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('http://127.0.0.1')) foreignRequests.push(request.url());
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await fixtures?.close();
    await database?.close();
  });

  it('redirects a request without a session to the sign-in page', async () => {
    const response = await fetch(`${base}/flags/1`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?next=%2Fflags%2F1');
    const post = await fetch(`${base}/flags/1/decisions`, { method: 'POST', body: new URLSearchParams({ action: 'confirm' }), redirect: 'manual' });
    expect(post.status).toBe(401);
  });

  it('signs in, opens a flag from the queue and sees both quotes highlighted in their paragraphs', async () => {
    await page.goto(`${base}/queue`);
    await expect.poll(() => page.url()).toContain('/sign-in');
    await page.fill('input[name=name]', 'checker');
    await page.fill('input[name=password]', 'correct horse battery');
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/queue`);
    expect(await page.textContent('h1')).toBe('Review queue');
    expect(await page.textContent('#keys')).toContain('next');

    const withTwo = (await flagRows(database.db, { status: 'open' })).find((f) => f.claim_count >= 2);
    expect(withTwo).toBeDefined();
    await page.click(`#q-${withTwo!.id} a`);
    await page.waitForURL(`${base}/flags/${withTwo!.id}`);
    const quotes = await page.$$eval('mark.quote', (marks) => marks.map((m) => ({ text: m.textContent, inParagraph: m.closest('blockquote.paragraph') !== null })));
    expect(quotes.length).toBe(withTwo!.claim_count);
    expect(quotes.every((q) => q.inParagraph && (q.text ?? '').length > 0)).toBe(true);
    expect(await page.$$eval('.evidence.side-by-side .claim-card', (cards) => cards.length)).toBe(withTwo!.claim_count);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}web-flag-page.png`, fullPage: true });
  });

  it('dismisses the flag with a note by keyboard; it leaves the queue and stays dismissed with its history after the next run', async () => {
    const id = page.url().split('/').pop()!;
    await page.keyboard.press('d');
    await page.keyboard.type('Both releases are right: the list names the founders');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.endsWith(`/flags/${id}`));
    await page.goto(`${base}/queue`);
    expect(await page.$(`#q-${id}`)).toBeNull();

    await runAgain();
    await page.goto(`${base}/flags/${id}`);
    expect(await page.textContent('h1 .status')).toBe('dismissed');
    const history = await page.textContent('.history');
    expect(history).toContain('checker');
    expect(history).toContain('Both releases are right: the list names the founders');
    await page.goto(`${base}/queue`);
    expect(await page.$(`#q-${id}`)).toBeNull();
  }, 300_000);

  it('shows a release full of script, javascript: links and onerror= as text, running and fetching nothing', async () => {
    for (const path of [`/versions/${hostileVersionId}`, `/versions/${hostileVersionId}/raw`, '/documents', '/claims']) {
      await page.goto(`${base}${path}`);
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
    }
    await page.goto(`${base}/versions/${hostileVersionId}`);
    const text = await page.textContent('pre.clean-text');
    expect(text).toContain('<script>alert("body")</script>');
    expect(await page.$$('script:not([src="/assets/keys.js"])')).toHaveLength(0);
    expect(await page.$$('[onerror], [onload], a[href^="javascript:"], iframe, main img')).toHaveLength(0);
    const documents = await (await page.goto(`${base}/documents`))!.text();
    // The title (whichever of <title> and <h1> the reader took) shows its script as escaped text.
    expect(documents).toMatch(/&lt;script&gt;alert\((&quot;title&quot;|1)\)&lt;\/script&gt;/);
    expect(documents).not.toMatch(/<script>alert/);
    const raw = await page.goto(`${base}/versions/${hostileVersionId}/raw`);
    expect(raw!.headers()['content-type']).toContain('text/plain');
    expect(raw!.headers()['content-security-policy']).toContain('sandbox');
    expect(dialogs).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('refuses a POST without the CSRF token and a cross-site POST that carries it', async () => {
    const open = (await flagRows(database.db, { status: 'open' }))[0]!;
    const tokenless = await page.request.post(`${base}/flags/${open.id}/decisions`, { form: { action: 'confirm' }, maxRedirects: 0 });
    expect(tokenless.status()).toBe(403);

    await page.goto(`${base}/flags/${open.id}`);
    const token = await page.inputValue('#confirm-form input[name=_csrf]');
    const attacker: Server = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end(`<form method="post" action="${base}/flags/${open.id}/decisions"><input name="_csrf" value="${token}"><input name="action" value="confirm"><button id="go">win a prize</button></form>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (attacker.address() as { port: number }).port;
      await page.goto(`http://127.0.0.1:${port}/`);
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/decisions')), page.click('#go')]);
      expect(response.status()).toBe(403);
    } finally {
      await new Promise<void>((resolve) => attacker.close(() => resolve()));
    }
    const after = (await flagRows(database.db, { status: 'all' })).find((f) => f.id === open.id);
    expect(after?.status).toBe('open');
  });

  it('draws the organisation page with member counts by country, points linked to their quotes', async () => {
    await page.goto(`${base}/organisations/ISA`);
    const points = await page.$$eval('figure.chart a circle.point', (circles) => circles.length);
    expect(points).toBeGreaterThan(2);
    const href = await page.getAttribute('figure.chart a', 'href');
    expect(href).toMatch(/^\/versions\/\d+#claim-\d+$/);
    expect(await page.textContent('figcaption')).toContain('DE');
    await page.screenshot({ path: `${SCREENSHOTS}web-organisation-page.png`, fullPage: true });
  });
});
