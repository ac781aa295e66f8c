/** `isa runs cancel ID`: ends a running run and withdraws its queued jobs. */
import { print, EXIT, type CommandIo } from '../command.ts';
import type { Config } from '../config.ts';
import { openMigratedDatabase } from '../services.ts';
import { cancelRun, databaseId, runStatus } from '../../sql/queries/runs.ts';
import { removeRunJobs } from '../../workers/stage-queue.ts';

/**
 * Marks the run cancelled; its own `isa run` notices at its next heartbeat and stops, workers
 * refuse its jobs, and with REDIS_URL its queued jobs are removed. Exit 1 when it is not running.
 */
export async function cancelRunCommand(runId: string, config: Config, io: CommandIo): Promise<number> {
  const database = await openMigratedDatabase(config, { brief: true });
  try {
    const cancelled = await cancelRun(database.db, runId, 'cancelled with `isa runs cancel`');
    if (!cancelled) {
      const status = await runStatus(database.db, runId);
      print(io.stderr, status === null ? `isa runs cancel: no run ${runId}; \`isa runs\` lists them` : `isa runs cancel: run ${runId} is ${status} already; nothing to cancel`);
      return EXIT.failed;
    }
    let removed = 0;
    if (config.redisUrl) removed = await removeRunJobs({ redisUrl: config.redisUrl, prefix: config.queuePrefix, databaseId: await databaseId(database.db) }, runId);
    print(io.stdout, `run ${runId} cancelled${config.redisUrl ? `; ${removed} queued job(s) removed` : ''}`);
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
