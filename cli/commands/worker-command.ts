import { loadConfig } from '../config.ts';
import { EXIT, print, type Command } from '../command.ts';
import { openMigratedDatabase, ReviewedStageDeps } from '../services.ts';
import { ConfigError } from '../../core/errors.ts';
import { startStageWorker } from '../../workers/stage-worker.ts';
import { databaseId } from '../../sql/queries/runs.ts';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'run stage jobs from Redis (distributed mode; needs REDIS_URL and DATABASE_URL)',
  help: `Processes crawl, extract and reconcile jobs that \`isa run\` queues on Redis. Start any number of workers on
any number of machines; they share the Postgres database in DATABASE_URL and the Redis in REDIS_URL.
Stops cleanly on SIGINT/SIGTERM after finishing the jobs in hand.`,
  options: { concurrency: { type: 'string', default: '2', value: 'N', description: 'jobs at once in this process' } },
  allowPositionals: false,
  async run({ values }, io) {
    const config = loadConfig(io.env);
    if (!config.redisUrl || !config.databaseUrl) {
      throw new ConfigError('isa worker needs REDIS_URL (the queue) and DATABASE_URL (the shared Postgres); without them, `isa run` runs every stage in-process.');
    }
    const concurrency = Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new ConfigError(`--concurrency must be a positive integer, not "${String(values.concurrency)}"`);
    const database = await openMigratedDatabase(config);
    let worker;
    // Rebuilt when reviewers accept an alias, so the next extraction uses it without a restart.
    const deps = new ReviewedStageDeps(database, config);
    try {
      worker = await startStageWorker(deps, { redisUrl: config.redisUrl, prefix: config.queuePrefix, databaseId: await databaseId(database.db), concurrency, lockMs: config.workerLockMs });
    } catch (error) {
      await deps.close();
      await database.close();
      throw error;
    }
    print(io.stderr, `isa worker ready (concurrency ${concurrency}, database ${database.location})`);
    worker.worker.on('failed', (job, error) => print(io.stderr, `job ${job?.id ?? '?'} failed: ${error.message}`));
    worker.worker.on('error', (error) => print(io.stderr, `queue connection: ${error.message} (retrying)`));
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    print(io.stderr, 'isa worker stopping…');
    await worker.close();
    await deps.close();
    await database.close();
    return EXIT.ok;
  },
};
