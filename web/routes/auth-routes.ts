import type { FastifyInstance } from 'fastify';
import { createSession, deleteSession, findUser } from '../../sql/queries/users.ts';
import { verifyPassword } from '../auth/password.ts';
import { newToken, tokenHash } from '../auth/session-tokens.ts';
import type { WebAppOptions } from '../web-app-options.ts';
import { readSignedCookie } from '../create-web-app.ts';
import { signInPage } from '../views/sign-in-page.ts';

export const SESSION_COOKIE = 'isa_session';
/** Before sign-in there is no session: the sign-in form's CSRF token lives in its own cookie (double submit). */
export const PRE_SESSION_COOKIE = 'isa_signin';

/** Only a path of this application: never `//evil.example` or an absolute URL. */
export function localPath(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/queue';
}

export function registerAuthRoutes(app: FastifyInstance, options: WebAppOptions): void {
  const cookie = { httpOnly: true, sameSite: 'lax' as const, path: '/', signed: true, secure: options.secureCookies ?? false };

  app.get('/sign-in', async (request, reply) => {
    let token = readSignedCookie(request, PRE_SESSION_COOKIE);
    if (!token) {
      token = newToken();
      reply.setCookie(PRE_SESSION_COOKIE, token, { ...cookie, maxAge: 3600 });
    }
    const { next } = request.query as { next?: string };
    return reply.type('text/html; charset=utf-8').send(signInPage({ csrf: token, next: localPath(next), error: null }).value);
  });

  app.post('/sign-in', async (request, reply) => {
    const body = request.body as { name?: string; password?: string; next?: string } | undefined;
    const name = String(body?.name ?? '').trim();
    const user = name ? await findUser(options.db, name) : null;
    const ok = user !== null && (await verifyPassword(String(body?.password ?? ''), user.passwordHash));
    if (!ok || !user) {
      const csrf = readSignedCookie(request, PRE_SESSION_COOKIE) ?? '';
      return reply.code(401).type('text/html; charset=utf-8').send(signInPage({ csrf, next: localPath(body?.next), error: 'Unknown name or wrong password.' }).value);
    }
    const token = newToken();
    const hours = options.sessionHours ?? 12;
    await createSession(options.db, { tokenHash: tokenHash(token), userId: user.id, csrfToken: newToken(), expiresAt: new Date(Date.now() + hours * 3600_000) });
    reply.setCookie(SESSION_COOKIE, token, { ...cookie, maxAge: hours * 3600 });
    reply.clearCookie(PRE_SESSION_COOKIE, { path: '/' });
    return reply.redirect(localPath(body?.next), 303);
  });

  app.post('/sign-out', async (request, reply) => {
    const token = readSignedCookie(request, SESSION_COOKIE);
    if (token) await deleteSession(options.db, tokenHash(token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/sign-in', 303);
  });
}
