/**
 * The environment configuration, in one schema: each field with its variable, what it accepts and
 * its default (crawlee's configuration.ts). Read once at the CLI edge and passed down; a bad value
 * fails the command at start, naming the variable and what it allows, instead of failing each
 * source later.
 */
import { z } from 'zod';
import { ConfigError } from './errors.ts';

const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);
const text = () => z.preprocess(unsetWhenEmpty, z.string());
const whole = (min: number, max: number, what: string) =>
  z.preprocess(unsetWhenEmpty, z.string().regex(/^\d+$/, `must be ${what}`).transform(Number).pipe(z.number().int().min(min, `must be ${what}`).max(max, `must be ${what}`)));

/** "90", "90s", "500ms", "15m", "6h", "1d" → milliseconds (seconds when no unit). */
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
export function parseDuration(value: string): number | null {
  const match = /^(\d+)(ms|s|m|h|d)?$/.exec(value.trim());
  return match ? Number(match[1]) * (UNIT_MS[match[2] ?? 's'] ?? 1000) : null;
}
const duration = () =>
  z.preprocess(unsetWhenEmpty, z.string().refine((v) => parseDuration(v) !== null, 'must be a duration like 30s, 15m, 6h or 1d').transform((v) => parseDuration(v) as number));

/** `ISA_FAULT_POINT`'s form: `inside-extraction-write:2`, `after-version-write:1:stop`, `inside-reconcile-write:1`. */
export const FAULT_POINT_PATTERN = /^(before|inside|after)-(version|extraction|reconcile)-write:([1-9]\d*)(:stop)?$/;

const configSchema = z.object({
  /** `DATABASE_URL`: Postgres through `pg`; unset means embedded PGlite in `dataDir`. */
  databaseUrl: z.preprocess(unsetWhenEmpty, z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional()),
  /** `REDIS_URL`: stages go through BullMQ on Redis; unset means they run in-process. */
  redisUrl: z.preprocess(unsetWhenEmpty, z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional()),
  /** `ISA_DATA_DIR`: where the embedded database lives. @defaultValue `./data` */
  dataDir: text().default('./data'),
  /** `ISA_QUEUE_PREFIX`: BullMQ key prefix, so several deployments can share one Redis. @defaultValue `isa` */
  queuePrefix: z.preprocess(unsetWhenEmpty, z.string().regex(/^[\w:-]+$/, 'must be letters, digits, _ : or -').default('isa')),
  /** `ISA_USER_AGENT`: names the project and a contact, for robots.txt and site owners. */
  userAgent: text().optional(),
  /** `ISA_MAX_BODY_BYTES`: largest response body accepted. @defaultValue the crawl's (20 MiB) */
  maxBodyBytes: whole(1, Number.MAX_SAFE_INTEGER, 'a whole number of bytes, at least 1').optional(),
  /** `ISA_HOST_DELAY_MS`: pause between two requests to one host. @defaultValue the crawl's (250 ms) */
  hostDelayMs: whole(0, 3_600_000, 'a whole number of milliseconds from 0 to 3600000').optional(),
  /** `ISA_FIXTURES_PORT`: the bundled fixture sites' port; stable, since a document is its URL. @defaultValue 4646 */
  fixturesPort: whole(0, 65_535, 'a port number from 0 to 65535').default(4646),
  /** `ISA_REPORTS_DIR`: where `isa run --report` and `isa schedule` write RUN.json and RUN.txt. @defaultValue `./reports` */
  reportsDir: text().default('./reports'),
  /** `ISA_LOG_FORMAT`: progress and log lines on stderr as text or one JSON object per line. @defaultValue `text` */
  logFormat: z.preprocess(unsetWhenEmpty, z.enum(['text', 'json'], { message: 'must be text or json' }).default('text')),
  /** `ISA_PROGRESS_EVERY`: off a terminal, a progress line at most this often while a run works (`0`: on every change). @defaultValue 15 s */
  progressEveryMs: duration().default(15_000),
  /** `ISA_NO_WORKER_WARNING`: with REDIS_URL, warn when no worker took a job for this long. @defaultValue 30 s */
  noWorkerWarningMs: duration().default(30_000),
  /** `ISA_RUN_TIMEOUT`: a run still going after this long fails, its queued jobs removed. @defaultValue 6 h */
  runTimeoutMs: duration().default(6 * 3_600_000),
  /**
   * `ISA_WORKER_LOCK`: how long an `isa worker` holds a job without renewing its lock (it renews
   * every half of it); a killed worker's job goes back to the queue for another worker after this,
   * checked as often. @defaultValue 30 s (BullMQ's)
   */
  workerLockMs: duration().refine((ms) => ms >= 1000, 'must be at least 1s').default(30_000),
  /** `ISA_DOCUMENT_TIMEOUT`: limit for reading one HTML or text page, and for extracting one document's claims. @defaultValue 30 s */
  documentTimeoutMs: duration().default(30_000),
  /** `ISA_DOCUMENT_WORKERS=1`: document worker threads even when running from the TypeScript sources. @defaultValue only from dist/ */
  documentWorkers: z.preprocess(unsetWhenEmpty, z.string().optional()).transform((v) => v !== undefined && v !== '0' && v !== 'false'),
  /** `ISA_FAULT_POINT`: test-only, inert unless set; kills or stops the process at a document write (sql/document-transaction.ts). */
  faultPoint: z.preprocess(unsetWhenEmpty, z.string().regex(FAULT_POINT_PATTERN, 'must be WHEN-KIND-write:N[:stop], WHEN before|inside|after, KIND version|extraction|reconcile').optional()),
  /** `ISA_DEBUG`: print stack traces with errors. */
  debug: z.preprocess(unsetWhenEmpty, z.string().optional()).transform((v) => v !== undefined && v !== '0' && v !== 'false'),
});

export type Config = z.infer<typeof configSchema>;

/** The variable behind each field, for messages and docs. */
export const CONFIG_ENV: Record<keyof Config, string> = {
  databaseUrl: 'DATABASE_URL',
  redisUrl: 'REDIS_URL',
  dataDir: 'ISA_DATA_DIR',
  queuePrefix: 'ISA_QUEUE_PREFIX',
  userAgent: 'ISA_USER_AGENT',
  maxBodyBytes: 'ISA_MAX_BODY_BYTES',
  hostDelayMs: 'ISA_HOST_DELAY_MS',
  fixturesPort: 'ISA_FIXTURES_PORT',
  reportsDir: 'ISA_REPORTS_DIR',
  logFormat: 'ISA_LOG_FORMAT',
  progressEveryMs: 'ISA_PROGRESS_EVERY',
  noWorkerWarningMs: 'ISA_NO_WORKER_WARNING',
  runTimeoutMs: 'ISA_RUN_TIMEOUT',
  workerLockMs: 'ISA_WORKER_LOCK',
  documentTimeoutMs: 'ISA_DOCUMENT_TIMEOUT',
  documentWorkers: 'ISA_DOCUMENT_WORKERS',
  faultPoint: 'ISA_FAULT_POINT',
  debug: 'ISA_DEBUG',
};

/**
 * Reads the configuration from `env`, with command-line overrides (`--data DIR`) winning.
 * Throws ConfigError naming every bad variable, its value and what it allows.
 */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: Partial<Record<keyof Config, string>> = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(CONFIG_ENV)) raw[key] = overrides[key as keyof Config] ?? env[name];
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]) as keyof Config;
      return `${CONFIG_ENV[key] ?? key}=${JSON.stringify(raw[key] ?? '')} ${issue.message}`;
    });
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}. Fix the variable, or unset it for the default.`);
  }
  return parsed.data;
}
