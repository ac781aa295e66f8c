import type { FastifyInstance, FastifyReply } from 'fastify';
import { PipelineError } from '../../core/errors.ts';
import type { Claim } from '../../core/claim.ts';
import { claimValue, flagFacets, flagRows } from '../../sql/queries/dataset.ts';
import { CORRECTABLE_FIELDS, DECISION_ACTIONS, flagHistory, recordDecision, unreliableSources, type DecisionInput } from '../../sql/queries/decisions.ts';
import { flagEvidence, findFlag } from '../../sql/queries/flags.ts';
import type { DecisionAction } from '../../sql/schema.ts';
import { flagFiltersOf } from '../dataset/datasets.ts';
import { CONTENT_TYPES, serialiseRows } from '../dataset/serialise-rows.ts';
import { DATASETS } from '../dataset/datasets.ts';
import { pathWith, type SafeHtml } from '../html.ts';
import type { WebAppOptions } from '../web-app-options.ts';
import { errorPage } from '../views/layout.ts';
import { flagPage, queuePage, versionPage, type EvidenceItem } from '../views/review-pages.ts';

export function sendPage(reply: FastifyReply, body: SafeHtml, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body.value);
}

export function registerReviewRoutes(app: FastifyInstance, options: WebAppOptions): void {
  const { db } = options;
  const queues = Boolean(options.queues);

  app.get('/', async (_request, reply) => reply.redirect('/queue', 303));

  app.get('/queue', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const filters = flagFiltersOf(query);
    const [rows, facets] = await Promise.all([flagRows(db, filters), flagFacets(db)]);
    const decided = query.decided && /^\d+$/.test(query.decided) ? query.decided : null;
    const notice = decided ? `Decision on flag #${decided} recorded; its history is on its page.` : null;
    return sendPage(reply, queuePage({ user: request.user!, rows, filters, facets, notice, queues }));
  });

  // The queue's own download: the same rows as the page, by the same filters.
  app.get('/flags.:format', async (request, reply) => {
    const { format } = request.params as { format: string };
    if (format !== 'csv' && format !== 'json') return reply.code(404).send('use .csv or .json');
    const rows = await DATASETS.flags.load(db, request.query as Record<string, string | undefined>);
    return reply.type(CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="flags.${format}"`).send(serialiseRows(DATASETS.flags.columns, rows, format));
  });

  app.get('/flags/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const query = request.query as Record<string, string | undefined>;
    const flag = /^\d+$/.test(id) ? await findFlag(db, id) : undefined;
    if (!flag) return sendPage(reply, errorPage(request.user, 'No such flag', `There is no flag ${id}.`), 404);
    const [evidenceRows, history, open, unreliable] = await Promise.all([
      flagEvidence(db, [flag.id]),
      flagHistory(db, flag.fingerprint),
      flagRows(db, { status: 'open' }),
      unreliableSources(db),
    ]);
    const versionIds = [...new Set(evidenceRows.map((e) => String(e.version_id)))];
    const versions = versionIds.length
      ? await db.selectFrom('document_versions as v').innerJoin('documents as d', 'd.id', 'v.document_id').select(['v.id', 'v.clean_text', 'v.document_id', 'd.source_id']).where('v.id', 'in', versionIds).execute()
      : [];
    const byVersion = new Map(versions.map((v) => [String(v.id), v]));
    const evidence: EvidenceItem[] = evidenceRows.map((e) => {
      const version = byVersion.get(String(e.version_id));
      const payload = (e.payload ?? {}) as Record<string, unknown>;
      return {
        claimId: String(e.claim_id),
        kind: e.kind,
        quote: e.quote,
        start: e.start_offset,
        end: e.end_offset,
        payload,
        value: claimValue({ ...payload, kind: e.kind, evidence: { quote: e.quote, start: e.start_offset, end: e.end_offset } } as Claim),
        versionId: String(e.version_id),
        documentId: String(version?.document_id ?? ''),
        sourceId: version?.source_id ?? null,
        url: e.url,
        finalUrl: e.final_url,
        title: e.title,
        published: e.published,
        fetchedAt: e.fetched_at,
        extractorVersion: e.extractor_version,
        cleanText: version?.clean_text ?? e.quote,
      };
    });
    const { previous, next } = neighbours(open.map((r) => r.id), flag.id);
    const notice = query.decided === flag.id ? 'Decision recorded.' : null;
    return sendPage(reply, flagPage({ user: request.user!, flag, evidence, history, previous, next, correctable: CORRECTABLE_FIELDS, unreliable, notice, error: query.error ?? null, queues }));
  });

  app.post('/flags/:id/decisions', async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = (request.body ?? {}) as Record<string, string | undefined>;
    const action = String(body.action ?? '') as DecisionAction;
    const flag = /^\d+$/.test(id) ? await findFlag(db, id) : undefined;
    if (!flag) return sendPage(reply, errorPage(request.user, 'No such flag', `There is no flag ${id}.`), 404);
    if (!DECISION_ACTIONS.includes(action)) return reply.redirect(pathWith(`/flags/${flag.id}`, { error: `unknown decision "${action}"` }), 303);
    // The next open flag is taken before the decision takes this one out of the queue.
    const open = (await flagRows(db, { status: 'open' })).map((r) => r.id);
    const value: DecisionInput['value'] =
      action === 'correct' ? { claimId: body.claimId ?? '', field: body.field ?? '', value: body.value ?? '' }
      : action === 'alias' ? { alias: body.alias ?? '', city: body.city ?? '', country: (body.country ?? '') as 'DE' | 'CN' }
      : action === 'unreliable_source' ? { sourceId: body.sourceId ?? '' }
      : {};
    try {
      await recordDecision(db, { flagId: flag.id, action, note: body.note ?? null, reviewer: request.user!.name, value });
    } catch (error) {
      if (error instanceof PipelineError) return reply.redirect(pathWith(`/flags/${flag.id}`, { error: error.message }), 303);
      throw error;
    }
    const { next } = neighbours(open, flag.id);
    const leaves = action !== 'reopen';
    if (leaves && next) return reply.redirect(pathWith(`/flags/${next}`, { after: flag.id }), 303);
    return reply.redirect(leaves ? pathWith('/queue', { decided: flag.id }) : pathWith(`/flags/${flag.id}`, { decided: flag.id }), 303);
  });

  app.get('/claims/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const claim = /^\d+$/.test(id) ? await db.selectFrom('claims').select(['id', 'version_id']).where('id', '=', id).executeTakeFirst() : undefined;
    if (!claim) return sendPage(reply, errorPage(request.user, 'No such claim', `There is no claim ${id}.`), 404);
    return reply.redirect(`/versions/${claim.version_id}#claim-${claim.id}`, 303);
  });

  app.get('/versions/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const version = /^\d+$/.test(id)
      ? await db.selectFrom('document_versions').select(['id', 'document_id', 'url', 'final_url', 'http_status', 'content_type', 'fetched_at', 'title', 'published', 'published_source', 'format', 'language', 'clean_text', 'content_hash', 'body_size']).where('id', '=', id).executeTakeFirst()
      : undefined;
    if (!version) return sendPage(reply, errorPage(request.user, 'No such version', `There is no stored version ${id}.`), 404);
    // The claims of the newest extraction of this version: those are the ones that stand.
    const latest = await db.selectFrom('extractions').select('extractor_version').where('version_id', '=', id).orderBy('extracted_at', 'desc').limit(1).executeTakeFirst();
    const claims = latest
      ? await db.selectFrom('claims').select(['id', 'kind', 'payload', 'quote', 'start_offset', 'end_offset', 'extractor_version']).where('version_id', '=', id).where('extractor_version', '=', latest.extractor_version).orderBy('start_offset').execute()
      : [];
    return sendPage(reply, versionPage({
      user: request.user!,
      version: { ...version, document_id: String(version.document_id) },
      claims: claims.map((c) => ({ id: c.id, kind: c.kind, start: c.start_offset, end: c.end_offset, extractorVersion: c.extractor_version, value: claimValue({ ...(c.payload as object), kind: c.kind } as Claim) })),
      queues,
    }));
  });

  // The body as fetched, never rendered: plain text (or a download for PDFs) under a sandbox CSP.
  app.get('/versions/:id/raw', async (request, reply) => {
    const { id } = request.params as { id: string };
    const version = /^\d+$/.test(id) ? await db.selectFrom('document_versions').select(['id', 'body', 'format']).where('id', '=', id).executeTakeFirst() : undefined;
    if (!version) return reply.code(404).type('text/plain').send(`no stored version ${id}`);
    reply.header('content-security-policy', "sandbox; default-src 'none'");
    if (version.format === 'pdf') {
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="version-${version.id}.pdf"`).send(Buffer.from(version.body));
    }
    return reply.type('text/plain; charset=utf-8').header('content-disposition', `inline; filename="version-${version.id}.txt"`).send(Buffer.from(version.body).toString('utf8'));
  });
}

function neighbours(ids: readonly string[], id: string): { previous: string | null; next: string | null } {
  const index = ids.indexOf(id);
  if (index === -1) return { previous: ids.at(-1) ?? null, next: ids[0] ?? null };
  return { previous: ids[index - 1] ?? null, next: ids[index + 1] ?? null };
}
