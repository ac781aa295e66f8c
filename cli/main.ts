import { parseArgs } from 'node:util';
import { EXIT, print, UsageError, type Command, type CommandIo } from './command.ts';
import { PipelineError } from '../core/errors.ts';
import { runCommand } from './commands/run-command.ts';
import { extractCommand } from './commands/extract-command.ts';
import { ingestCommand } from './commands/ingest-command.ts';
import { flagsCommand } from './commands/flags-command.ts';
import { reviewCommand } from './commands/review-command.ts';
import { migrateCommand } from './commands/migrate-command.ts';
import { workerCommand } from './commands/worker-command.ts';
import { sourcesCommand } from './commands/sources-command.ts';
import { evalCommand } from './commands/eval-command.ts';
import { runsCommand } from './commands/runs-command.ts';

const COMMANDS: Command[] = [runCommand, extractCommand, ingestCommand, flagsCommand, reviewCommand, runsCommand, sourcesCommand, migrateCommand, workerCommand, evalCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'isa — ingest press releases on German–Chinese city cooperation as claims with evidence, flag conflicts',
    '',
    'Usage: isa COMMAND [options]      (isa COMMAND --help for details)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Environment: DATABASE_URL (Postgres; default: embedded PGlite in ISA_DATA_DIR, ./data),',
    '             REDIS_URL (stages run on BullMQ workers; default: in-process).',
  ].join('\n');
}

/** Runs the CLI and returns the exit code; never calls process.exit, so tests can drive it. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    print(io.stdout, usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    print(io.stderr, `isa: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    print(io.stdout, command.help);
    return EXIT.ok;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: command.allowPositionals, strict: true });
  } catch (error) {
    print(io.stderr, `isa ${name}: ${error instanceof Error ? error.message : String(error)}\n\n${command.help}`);
    return EXIT.usage;
  }
  try {
    return await command.run(parsed as Parameters<Command['run']>[0], io);
  } catch (error) {
    if (error instanceof UsageError) {
      print(io.stderr, `isa ${name}: ${error.message}\n\n${command.help}`);
      return EXIT.usage;
    }
    const message = error instanceof PipelineError || error instanceof Error ? error.message : String(error);
    print(io.stderr, `isa ${name}: ${message}`);
    if (io.env.ISA_DEBUG && error instanceof Error && error.stack) print(io.stderr, error.stack);
    return EXIT.failed;
  }
}
