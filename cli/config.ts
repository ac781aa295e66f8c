/**
 * Environment configuration, validated in one place: each field with its variable and default
 * (crawlee's configuration.ts). Read once at the CLI edge and passed down; nothing reads env deeper.
 */
import { z } from 'zod';
import { ConfigError } from '../core/errors.ts';

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

/** "90", "90s", "500ms", "15m", "6h" → milliseconds (seconds when no unit). */
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const duration = z
  .string()
  .regex(/^\d+(?:ms|s|m|h)?$/, 'must be a duration like 30s, 15m or 6h')
  .transform((value) => Number(/^\d+/.exec(value)?.[0]) * (UNIT_MS[value.replace(/^\d+/, '') || 's'] ?? 1000));

const configSchema = z.object({
  /** `DATABASE_URL`: Postgres through `pg`; unset means embedded PGlite in `dataDir`. */
  databaseUrl: z.preprocess(emptyToUndefined, z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional()),
  /** `REDIS_URL`: stages go through BullMQ on Redis; unset means they run in-process. */
  redisUrl: z.preprocess(emptyToUndefined, z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional()),
  /** `ISA_DATA_DIR`: where the embedded database lives. @defaultValue `./data` */
  dataDir: z.preprocess(emptyToUndefined, z.string().default('./data')),
  /** `ISA_QUEUE_PREFIX`: BullMQ key prefix, so several deployments can share one Redis. @defaultValue `isa` */
  queuePrefix: z.preprocess(emptyToUndefined, z.string().regex(/^[\w:-]+$/).default('isa')),
  /** `ISA_USER_AGENT`: names the project and a contact, for robots.txt and site owners. */
  userAgent: z.preprocess(emptyToUndefined, z.string().optional()),
  /** `ISA_NO_WORKER_WARNING`: with REDIS_URL, warn when no worker took a job for this long. @defaultValue 30 s */
  noWorkerWarningMs: z.preprocess(emptyToUndefined, duration.default(30_000)),
  /** `ISA_RUN_TIMEOUT`: a run still going after this long fails, its queued jobs removed. @defaultValue 6 h */
  runTimeoutMs: z.preprocess(emptyToUndefined, duration.default(6 * 3_600_000)),
});

export type Config = z.infer<typeof configSchema>;

const ENV_NAMES: Record<keyof Config, string> = {
  databaseUrl: 'DATABASE_URL',
  redisUrl: 'REDIS_URL',
  dataDir: 'ISA_DATA_DIR',
  queuePrefix: 'ISA_QUEUE_PREFIX',
  userAgent: 'ISA_USER_AGENT',
  noWorkerWarningMs: 'ISA_NO_WORKER_WARNING',
  runTimeoutMs: 'ISA_RUN_TIMEOUT',
};

export function loadConfig(env: NodeJS.ProcessEnv, overrides: Partial<Config> = {}): Config {
  const raw = Object.fromEntries(Object.entries(ENV_NAMES).map(([key, name]) => [key, env[name]]));
  const parsed = configSchema.safeParse({ ...raw, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]) as keyof Config;
      return `${ENV_NAMES[key] ?? key}: ${issue.message}`;
    });
    throw new ConfigError(`invalid environment: ${problems.join('; ')}. Fix the variable or unset it to use the embedded default.`);
  }
  return parsed.data;
}
