import type { FastifyInstance } from 'fastify';
import { claimCities, claimRows, documentVersions, flagRows, memberRowsOf, runFetches, type ClaimListRow, type FlagListRow } from '../../sql/queries/dataset.ts';
import { runErrors } from '../../sql/queries/runs.ts';
import type { DB } from '../../sql/schema.ts';
import type { Kysely } from 'kysely';
import { DATASETS, type DatasetName } from '../dataset/datasets.ts';
import { CONTENT_TYPES, serialiseRows } from '../dataset/serialise-rows.ts';
import { html } from '../html.ts';
import type { WebAppOptions } from '../web-app-options.ts';
import { errorPage } from '../views/layout.ts';
import { cityPage, datasetPage, detailPage, namesPage, organisationPage, table } from '../views/dataset-pages.ts';
import { sendPage } from './review-routes.ts';

const LIST_PAGES: DatasetName[] = ['claims', 'documents', 'members', 'runs'];
const ORGANISATION_KINDS = new Set(['member_count', 'member_list', 'membership_event', 'event']);
const fmt = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '—');

/** Claim ids that open flags are about, and the flags touching a set of claims. */
async function flagsAbout(db: Kysely<DB>, claimIds: readonly string[], subject: string): Promise<{ flags: FlagListRow[]; flagged: Set<string> }> {
  const links = claimIds.length ? await db.selectFrom('flag_claims').select(['flag_id', 'claim_id']).where('claim_id', 'in', [...claimIds]).execute() : [];
  const flagIds = new Set(links.map((l) => String(l.flag_id)));
  const all = await flagRows(db, { status: 'all' });
  const flags = all.filter((f) => flagIds.has(f.id) || f.subject === subject);
  const openIds = new Set(flags.filter((f) => f.status === 'open').map((f) => f.id));
  return { flags, flagged: new Set(links.filter((l) => openIds.has(String(l.flag_id))).map((l) => String(l.claim_id))) };
}

export function registerDatasetRoutes(app: FastifyInstance, options: WebAppOptions): void {
  const { db } = options;
  const queues = Boolean(options.queues);

  for (const name of LIST_PAGES) {
    const dataset = DATASETS[name];
    app.get(`/${name}`, async (request, reply) => {
      const query = request.query as Record<string, string | undefined>;
      const rows = await (dataset.load as (db: Kysely<DB>, q: Record<string, string | undefined>) => Promise<unknown[]>)(db, query);
      return sendPage(reply, datasetPage({ user: request.user!, queues, dataset: dataset as never, rows, query }));
    });
    for (const format of ['csv', 'json'] as const) {
      app.get(`/${name}.${format}`, async (request, reply) => {
        const rows = await (dataset.load as (db: Kysely<DB>, q: Record<string, string | undefined>) => Promise<unknown[]>)(db, request.query as Record<string, string | undefined>);
        return reply.type(CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="${name}.${format}"`).send(serialiseRows(dataset.columns as never, rows, format));
      });
    }
  }

  app.get('/organisations', async (request, reply) => {
    const counts = new Map<string, number>();
    for (const c of await claimRows(db)) if (ORGANISATION_KINDS.has(c.claim.kind) && 'subject' in c.claim) counts.set(c.claim.subject, (counts.get(c.claim.subject) ?? 0) + 1);
    const names = [...counts].sort((a, b) => b[1] - a[1]).map(([name, claims]) => ({ name, claims }));
    return sendPage(reply, namesPage({ user: request.user!, queues, title: 'Organisations', section: '/organisations', hrefBase: '/organisations/', names }));
  });

  app.get('/organisations/:name', async (request, reply) => {
    const { name } = request.params as { name: string };
    const all = await claimRows(db);
    const claims = all.filter((c) => ORGANISATION_KINDS.has(c.claim.kind) && 'subject' in c.claim && c.claim.subject === name);
    if (claims.length === 0) return sendPage(reply, errorPage(request.user, 'No such organisation', `No claim is about "${name}".`), 404);
    const { flags, flagged } = await flagsAbout(db, claims.map((c) => c.id), name);
    return sendPage(reply, organisationPage({ user: request.user!, queues, name, claims, members: memberRowsOf(claims), flags, flagged }));
  });

  app.get('/cities', async (request, reply) => {
    const counts = new Map<string, number>();
    for (const c of await claimRows(db)) for (const city of new Set(claimCities(c.claim))) counts.set(city, (counts.get(city) ?? 0) + 1);
    const names = [...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([name, claims]) => ({ name, claims }));
    return sendPage(reply, namesPage({ user: request.user!, queues, title: 'Cities', section: '/cities', hrefBase: '/cities/', names }));
  });

  app.get('/cities/:name', async (request, reply) => {
    const { name } = request.params as { name: string };
    const claims: ClaimListRow[] = (await claimRows(db)).filter((c) => claimCities(c.claim).includes(name));
    const place = await db.selectFrom('gazetteer').select(['country', 'type', 'admin1', 'population']).where('name', '=', name).executeTakeFirst();
    if (claims.length === 0 && !place) return sendPage(reply, errorPage(request.user, 'No such city', `No claim mentions "${name}".`), 404);
    const { flags, flagged } = await flagsAbout(db, claims.map((c) => c.id), name);
    return sendPage(reply, cityPage({ user: request.user!, queues, name, claims, flags, flagged, place: place ?? null }));
  });

  app.get('/documents/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const document = /^\d+$/.test(id) ? await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
    if (!document) return sendPage(reply, errorPage(request.user, 'No such document', `There is no document ${id}.`), 404);
    const [versions, fetches] = await Promise.all([
      documentVersions(db, id),
      db.selectFrom('fetches').select(['run_id', 'fetched_at', 'http_status', 'outcome', 'version_id']).where('document_id', '=', id).orderBy('id', 'desc').limit(50).execute(),
    ]);
    const claims = DATASETS.claims;
    const claimList = await claims.load(db, { document: id });
    return sendPage(reply, detailPage({
      user: request.user!, queues, title: `Document ${id}`, section: '/documents',
      body: html`<h1>Document ${id} <small>${document.status}</small></h1>
<p class="url">${document.url}</p><p>source ${document.source_id ?? '—'} · first seen ${fmt(document.first_seen_at)}${document.gone_at ? ` · gone ${fmt(document.gone_at)}` : ''}</p>
<h2>Versions</h2><p class="muted">Last fetched first; the current one is what the site served at the last fetch (a body that came back to an earlier version makes that one current again).</p><table class="data"><thead><tr><th>Version</th><th>First fetched</th><th>Last fetched</th><th>Title</th><th>Published</th><th>Format</th><th>HTTP</th><th>Bytes</th><th>Run</th><th></th></tr></thead><tbody>
${versions.map((v) => html`<tr${v.id === document.current_version_id ? html` class="current"` : ''}><td><a href="/versions/${v.id}">${v.id}</a>${v.id === document.current_version_id ? html` <strong>current</strong>` : ''}</td><td>${fmt(v.fetched_at)}</td><td>${fmt(v.last_fetched_at)}</td><td>${v.title ?? ''}</td><td>${v.published ?? ''}</td><td>${v.format}</td><td>${v.http_status ?? ''}</td><td>${v.body_size}</td><td>${v.run_id ? html`<a href="/runs/${v.run_id}">${v.run_id}</a>` : ''}</td><td><a href="/versions/${v.id}">stored copy</a> · <a href="/versions/${v.id}/raw">raw</a></td></tr>`)}
</tbody></table>
<h2>Claims of the current version</h2>${table(claims, claimList, ['id', 'kind', 'value', 'quote', 'extractor_version'])}
<h2>Fetches</h2><table class="data"><thead><tr><th>When</th><th>Run</th><th>Outcome</th><th>HTTP</th><th>Version</th></tr></thead><tbody>
${fetches.map((f) => html`<tr><td>${fmt(f.fetched_at)}</td><td>${f.run_id ?? ''}</td><td>${f.outcome}</td><td>${f.http_status ?? ''}</td><td>${f.version_id ?? ''}</td></tr>`)}</tbody></table>`,
    }));
  });

  app.get('/runs/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const run = /^\d+$/.test(id) ? await db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
    if (!run) return sendPage(reply, errorPage(request.user, 'No such run', `There is no run ${id}.`), 404);
    const [fetches, errors] = await Promise.all([runFetches(db, id), runErrors(db, id)]);
    const changed = fetches.filter((f) => f.outcome !== 'unchanged');
    return sendPage(reply, detailPage({
      user: request.user!, queues, title: `Run ${id}`, section: '/runs',
      body: html`<h1>Run ${id} <small>${run.kind} · ${run.status}</small></h1>
<p>started ${fmt(run.started_at)} · finished ${fmt(run.finished_at)} · ${fetches.length} fetches, ${fetches.length - changed.length} unchanged</p>
<h2>Fetched and changed</h2>${changed.length === 0 ? html`<p class="muted">Nothing new or changed.</p>` : html`<table class="data"><thead><tr><th>Outcome</th><th>HTTP</th><th>URL</th><th>Version</th></tr></thead><tbody>${changed.map((f) => html`<tr><td>${f.outcome}</td><td>${f.http_status ?? ''}</td><td class="url">${f.document_id ? html`<a href="/documents/${f.document_id}">${f.url}</a>` : f.url}</td><td>${f.version_id ? html`<a href="/versions/${f.version_id}">${f.version_id}</a>` : ''}</td></tr>`)}</tbody></table>`}
<h2>Failed</h2>${errors.length === 0 ? html`<p class="muted">No errors.</p>` : html`<table class="data"><thead><tr><th>Stage</th><th>Input</th><th>Error</th><th>Message</th></tr></thead><tbody>${errors.map((e) => html`<tr><td>${e.stage}</td><td class="url">${e.url ?? ''}</td><td>${e.error_class}</td><td>${e.message}</td></tr>`)}</tbody></table>`}
<h2>Counts</h2><pre>${JSON.stringify(run.counts, null, 2)}</pre>`,
    }));
  });
}
