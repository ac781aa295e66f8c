/**
 * The review application: Fastify with server-rendered pages over the same database the CLI uses.
 * Security lives here in one place: sessions, CSRF and same-origin checks on every state change,
 * and one Content-Security-Policy that allows scripts from this origin only.
 */
import { readFile } from 'node:fs/promises';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import { findSession, type SessionUser } from '../sql/queries/users.ts';
import { sameToken, tokenHash } from './auth/session-tokens.ts';
import type { WebAppOptions } from './web-app-options.ts';
import { registerAuthRoutes, SESSION_COOKIE, PRE_SESSION_COOKIE } from './routes/auth-routes.ts';
import { registerReviewRoutes } from './routes/review-routes.ts';
import { registerDatasetRoutes } from './routes/dataset-routes.ts';
import { mountQueueDashboard } from './routes/queue-dashboard.ts';
import { errorPage } from './views/layout.ts';

export type { WebAppOptions } from './web-app-options.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

/** Pages allow only this origin's stylesheet and script; no inline script, no frames, no plugins. */
export const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; connect-src 'self'";
/** bull-board's React bundle sets inline styles; its scripts still come from this origin only. */
const DASHBOARD_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; base-uri 'self'; frame-ancestors 'none'";

const PUBLIC_PATHS = ['/sign-in', '/assets/', '/favicon.ico'];
const ASSETS: Readonly<Record<string, string>> = { 'app.css': 'text/css; charset=utf-8', 'keys.js': 'text/javascript; charset=utf-8' };

export async function createWebApp(options: WebAppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, trustProxy: false, bodyLimit: 256 * 1024 });
  await app.register(fastifyCookie, { secret: options.cookieSecret });
  await app.register(fastifyFormbody);
  app.decorateRequest('user', null);

  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', request.url.startsWith('/queues') ? DASHBOARD_CSP : PAGE_CSP);
    reply.header('x-content-type-options', 'nosniff');
    // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on our own form posts.
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.addHook('onRequest', async (request, reply) => {
    const token = readSignedCookie(request, SESSION_COOKIE);
    request.user = token ? await findSession(options.db, tokenHash(token)) : null;
    const path = request.url.split('?')[0] ?? '';
    const isPublic = PUBLIC_PATHS.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      // A state change must come from one of our own pages: same origin, and the form's token.
      if (!sameOrigin(request)) return refuse(reply, 'cross-site request refused');
      if (!isPublic && !request.user) return refuse(reply, 'sign in first', 401);
      return undefined;
    }
    if (!isPublic && !request.user) {
      return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
    }
    return undefined;
  });

  // Runs after the body is parsed: every state-changing request carries the CSRF token.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') return undefined;
    const sent = csrfFrom(request);
    const expected = request.user ? request.user.csrfToken : readSignedCookie(request, PRE_SESSION_COOKIE);
    if (!sameToken(sent, expected)) return refuse(reply, 'missing or wrong CSRF token: reload the page and try again');
    return undefined;
  });

  app.get('/assets/:name', async (request, reply) => {
    const { name } = request.params as { name: string };
    const type = ASSETS[name];
    if (!type) return reply.code(404).type('text/plain').send('no such asset');
    const body = await readFile(new URL(`./assets/${name}`, import.meta.url));
    return reply.type(type).header('cache-control', 'max-age=300').send(body);
  });

  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());

  registerAuthRoutes(app, options);
  registerReviewRoutes(app, options);
  registerDatasetRoutes(app, options);
  if (options.queues) await mountQueueDashboard(app, options.queues);

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).type('text/html; charset=utf-8').send(errorPage(request.user, 'Not found', `Nothing at ${request.url}.`).value);
  });
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    reply.code(status >= 400 ? status : 500).type('text/html; charset=utf-8').send(errorPage(request.user, status >= 500 ? 'Something failed' : 'Bad request', error instanceof Error ? error.message : String(error)).value);
  });
  return app;
}

export function readSignedCookie(request: FastifyRequest, name: string): string | null {
  const raw = request.cookies[name];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

function csrfFrom(request: FastifyRequest): string | null {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | null | undefined;
  return body && typeof body._csrf === 'string' ? body._csrf : null;
}

/**
 * Same-origin by the browser's own word: `Sec-Fetch-Site` where sent, else `Origin` against `Host`.
 * A request with neither (curl) is let through to the CSRF token check, which it cannot pass without a session's page.
 */
function sameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (typeof origin === 'string') {
    if (origin === 'null') return false;
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  }
  return true;
}

function refuse(reply: FastifyReply, message: string, status = 403): FastifyReply {
  return reply.code(status).type('text/plain; charset=utf-8').send(`${status === 401 ? 'Unauthorized' : 'Forbidden'}: ${message}\n`);
}
