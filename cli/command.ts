import type { ParseArgsConfig } from 'node:util';

/** Exit codes every command uses. */
export const EXIT = {
  ok: 0,
  /** The command could not do its job (an unreachable database, a broken sources file). */
  failed: 1,
  /** Wrong flags or arguments; `--help` says how. */
  usage: 2,
  /** The job finished, but some inputs failed and were recorded (see the report). */
  partial: 3,
  /** `isa flags --fail-on-open`: there are open flags. */
  openFlags: 4,
} as const;

export interface CommandIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface Command {
  name: string;
  summary: string;
  /** Usage lines and option descriptions shown by `isa COMMAND --help`. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals: boolean;
  run(args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] }, io: CommandIo): Promise<number>;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function print(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}
