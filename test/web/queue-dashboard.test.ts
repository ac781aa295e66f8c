import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../sql/database.ts';
import { saveUser } from '../../sql/queries/users.ts';
import { createWebApp } from '../../web/create-web-app.ts';
import { hashPassword } from '../../web/auth/password.ts';
import { freshPglite, redisUrl, uniqueQueuePrefix } from '../support/services.ts';

describe.skipIf(!redisUrl)('the queue dashboard with REDIS_URL', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await freshPglite();
    await saveUser(database.db, 'maintainer', await hashPassword('queue-watcher'));
    app = await createWebApp({ db: database.db, cookieSecret: 'a-test-secret-of-some-length', queues: { redisUrl: redisUrl!, prefix: uniqueQueuePrefix() } });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('shows bull-board for the stage queue only after sign-in, with the same session', async () => {
    const anonymous = await app.inject({ url: '/queues/api/queues' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/sign-in\?next=/);

    const form = await app.inject({ url: '/sign-in' });
    const pre = form.cookies[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const signIn = await app.inject({ method: 'POST', url: '/sign-in', cookies: { [pre.name]: pre.value }, payload: { _csrf: csrf, name: 'maintainer', password: 'queue-watcher', next: '/queues' } });
    expect(signIn.statusCode).toBe(303);
    const session = signIn.cookies.find((c) => c.name === 'isa_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    const page = await app.inject({ url: '/queues', cookies: { isa_session: session.value } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const api = await app.inject({ url: '/queues/api/queues', cookies: { isa_session: session.value } });
    expect((JSON.parse(api.body) as { queues: Array<{ name: string }> }).queues.map((q) => q.name)).toEqual(['isa-stages']);
  });
});
