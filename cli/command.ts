/**
 * What a command is: one declaration per command (name, help prose, options, run), from which
 * cli/main.ts builds the commander parser, the generated --help, the "did you mean" hints and the
 * validation of enum values. Nothing here imports the pipeline, so `isa --help` stays light.
 */

import { terminalSafe } from './terminal-text.ts';

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

/** One option of a command; `--help` lists it with its description, value name, choices and default. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** One line for `--help`. */
  description: string;
  /** The value's name in `--help` (`--kind KIND`). @defaultValue the option name in capitals */
  value?: string;
  /** Repeatable: the value is the list of every occurrence. */
  multiple?: boolean;
  default?: string | boolean;
  /** The only values accepted: listed in `--help`, and any other is a usage error naming them. */
  choices?: readonly string[];
  /** One-letter alias (`-n`). */
  short?: string;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface Command {
  name: string;
  /** One line for `isa --help`. */
  summary: string;
  /**
   * The positional arguments in commander's syntax (`<FILE|URL...>`, `[RUN_ID]`): named in the usage
   * line and counted by the parser. @defaultValue `[arguments...]` when `allowPositionals`, else none
   */
  arguments?: string;
  /** What the command does and its exit codes, shown by `isa COMMAND --help` above the options. */
  help: string;
  /** Keyed by the long option name (`allow-private`); `run` gets the values under the same keys. */
  options: Record<string, OptionSpec>;
  allowPositionals: boolean;
  run(args: { values: OptionValues; positionals: string[] }, io: CommandIo): Promise<number>;
}

/** What parsing and help need: the command without its implementation (the build writes these as JSON). */
export type CommandDeclaration = Omit<Command, 'run'>;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Writes a line; escape sequences and control characters in it (crawled text) cannot reach the terminal. */
export function print(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${terminalSafe(text)}\n`);
}
