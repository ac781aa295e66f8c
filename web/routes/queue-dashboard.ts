/**
 * bull-board on /queues when the stages run on BullMQ: what the queue is doing, behind the same
 * sign-in as every page (the app's onRequest hook guards every path but /sign-in and /assets).
 */
import type { FastifyInstance } from 'fastify';

export async function mountQueueDashboard(app: FastifyInstance, options: { redisUrl: string; prefix: string }): Promise<void> {
  const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }, { Queue }, { STAGE_QUEUE_NAME, createRedisConnection }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/fastify'),
    import('bullmq'),
    import('../../workers/stage-queue.ts'),
  ]);
  const connection = createRedisConnection(options.redisUrl);
  const queue = new Queue(STAGE_QUEUE_NAME, { connection, prefix: options.prefix });
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath('/queues');
  // @bull-board/fastify carries its own copy of @bull-board/api (9.10.1 beside 9.10.2): same shape, distinct types.
  createBullBoard({ queues: [new BullMQAdapter(queue, { readOnlyMode: false })], serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]["serverAdapter"], options: { uiConfig: { boardTitle: 'ISA stages' } } });
  await app.register(serverAdapter.registerPlugin(), { prefix: '/queues' });
  app.addHook('onClose', async () => {
    await queue.close();
    connection.disconnect();
  });
}
