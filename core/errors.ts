/**
 * What to do next, encoded as a class: retry later, give up on this item, or fix the input.
 * Mapped to BullMQ's UnrecoverableError only at the worker edge; tested with `instanceof`.
 */
export class PipelineError extends Error {
  override readonly name: string = 'PipelineError';
  /** The URL, file or id the error is about. */
  readonly input: string | null;
  constructor(message: string, options: { input?: string | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.input = options.input ?? null;
  }
}

/** Transient: a timeout, a reset connection, a 429 or 5xx. Trying again later may work. */
export class RetryableError extends PipelineError {
  override readonly name: string = 'RetryableError';
  /** Seconds the other side asked us to wait (Retry-After), if it said. */
  readonly retryAfterSeconds: number | null;
  constructor(message: string, options: { input?: string | null; cause?: unknown; retryAfterSeconds?: number | null } = {}) {
    super(message, options);
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}

/** The input itself is bad (broken PDF, body over the cap, garbage): retrying cannot help. */
export class BadInputError extends PipelineError {
  override readonly name: string = 'BadInputError';
}

/** A page served with 200 that says it does not exist ("Seite nicht gefunden"): for a held document, gone. */
export class NotFoundPageError extends BadInputError {
  override readonly name: string = 'NotFoundPageError';
}

/** Refused by policy (robots.txt, SSRF guard, scheme): not an error of the other side. */
export class RefusedError extends PipelineError {
  override readonly name: string = 'RefusedError';
}

/** Our own configuration is wrong (a sources file, an env var): the operator must fix it. */
export class ConfigError extends PipelineError {
  override readonly name: string = 'ConfigError';
}

export function errorClassOf(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
