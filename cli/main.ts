import { existsSync, readFileSync } from 'node:fs';
import { Command as Program, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { EXIT, print, UsageError, type Command, type CommandDeclaration, type CommandIo, type OptionSpec, type OptionValues } from './command.ts';
import { PipelineError } from '../core/errors.ts';
import { terminalSafe } from './terminal-text.ts';

/**
 * Every command, in the order `isa --help` lists them. Loaded on demand: a command's module (and the
 * pipeline, database driver or gazetteer behind it) is imported only when that command runs.
 */
const COMMANDS: Array<{ name: string; load: () => Promise<Command> }> = [
  { name: 'run', load: async () => (await import('./commands/run-command.ts')).runCommand },
  { name: 'schedule', load: async () => (await import('./commands/schedule-command.ts')).scheduleCommand },
  { name: 'extract', load: async () => (await import('./commands/extract-command.ts')).extractCommand },
  { name: 'ingest', load: async () => (await import('./commands/ingest-command.ts')).ingestCommand },
  { name: 'flags', load: async () => (await import('./commands/flags-command.ts')).flagsCommand },
  { name: 'review', load: async () => (await import('./commands/review-command.ts')).reviewCommand },
  { name: 'runs', load: async () => (await import('./commands/runs-command.ts')).runsCommand },
  { name: 'sources', load: async () => (await import('./commands/sources-command.ts')).sourcesCommand },
  { name: 'migrate', load: async () => (await import('./commands/migrate-command.ts')).migrateCommand },
  { name: 'worker', load: async () => (await import('./commands/worker-command.ts')).workerCommand },
  { name: 'eval', load: async () => (await import('./commands/eval-command.ts')).evalCommand },
  { name: 'serve', load: async () => (await import('./commands/serve-command.ts')).serveCommand },
  { name: 'users', load: async () => (await import('./commands/users-command.ts')).usersCommand },
  { name: 'export', load: async () => (await import('./commands/export-command.ts')).exportCommand },
];

/**
 * The declarations without `run`, as the build writes them beside the compiled main.js: parsing and
 * help then need no command module at all. From the sources (tsx) there is no index: load them all.
 */
const COMMAND_INDEX = new URL('./command-index.json', import.meta.url);

export async function commandDeclarations(): Promise<CommandDeclaration[]> {
  if (existsSync(COMMAND_INDEX)) return JSON.parse(readFileSync(COMMAND_INDEX, 'utf8')) as CommandDeclaration[];
  const commands = await Promise.all(COMMANDS.map((entry) => entry.load()));
  return commands.map(({ run: _run, ...declaration }) => declaration);
}

const ENVIRONMENT_HELP = `
Environment: DATABASE_URL (Postgres; default: embedded PGlite in ISA_DATA_DIR, ./data),
             REDIS_URL (stages run on BullMQ workers; default: in-process).
isa COMMAND --help shows a command's options.`;

/** The version in package.json (the build copies it beside dist/cli, so the same path works there). */
function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return version;
}

/** One commander option from its declaration: value name, choices checked with the allowed values named, repeats collected. */
function toOption(name: string, spec: OptionSpec): Option {
  const value = spec.value ?? name.toUpperCase().replace(/-/g, '_');
  const flags = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` <${value}>` : ''}`;
  const option = new Option(flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.type === 'string' && (spec.multiple || spec.choices)) {
    option.argParser((input: string, previous: unknown) => {
      if (spec.choices && !spec.choices.includes(input)) throw new InvalidArgumentError(`Allowed: ${spec.choices.join(', ')}.`);
      return spec.multiple ? [...(Array.isArray(previous) ? (previous as string[]) : []), input] : input;
    });
  }
  if (spec.default !== undefined && spec.default !== false) option.default(spec.default);
  return option;
}

/**
 * Builds the parser from the declarations. A new one per call, so tests can drive `main` repeatedly
 * in one process; output goes to the given streams, and commander's own exits become exceptions.
 */
function buildProgram(io: CommandIo, declarations: CommandDeclaration[], run: (command: CommandDeclaration, values: OptionValues, positionals: string[]) => void): Program {
  const program = new Program('isa')
    .description('ingest press releases on German–Chinese city cooperation as claims with evidence, flag conflicts')
    .usage('COMMAND [options]')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', ENVIRONMENT_HELP)
    .configureOutput({
      writeOut: (text) => void io.stdout.write(terminalSafe(text)),
      writeErr: (text) => void io.stderr.write(terminalSafe(text)),
      getOutHelpWidth: () => 100,
      getErrHelpWidth: () => 100,
    })
    // Help prose with line breaks of its own is laid out by hand: only one-line texts get wrapped.
    .configureHelp({ boxWrap: (text, width) => (text.includes('\n') ? text : Help.prototype.boxWrap.call(new Help(), text, width)) })
    .exitOverride()
    .showSuggestionAfterError(true)
    .showHelpAfterError('(isa --help lists the commands)')
    .helpCommand('help [COMMAND]', 'show help for a command');
  for (const command of declarations) {
    const sub = program
      .command(command.name)
      .summary(command.summary)
      .description(command.help)
      .showHelpAfterError(`(isa ${command.name} --help shows its options)`);
    const positionals = command.arguments ?? (command.allowPositionals ? '[arguments...]' : '');
    for (const argument of positionals.split(/\s+/).filter(Boolean)) sub.argument(argument);
    for (const [name, spec] of Object.entries(command.options)) sub.addOption(toOption(name, spec));
    sub.action((...args: unknown[]) => {
      const self = args[args.length - 1] as Program;
      const parsed = self.opts();
      const values: OptionValues = {};
      // Commander keys options in camelCase; commands read them under their declared names.
      for (const option of self.options) {
        const declared = option.long?.replace(/^--/, '');
        if (declared && declared in command.options) values[declared] = parsed[option.attributeName()] as OptionValues[string];
      }
      run(command, values, self.args);
    });
  }
  return program;
}

/** Runs the CLI and returns the exit code; never calls process.exit, so tests can drive it. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  let chosen: { command: CommandDeclaration; values: OptionValues; positionals: string[] } | undefined;
  const program = buildProgram(io, await commandDeclarations(), (command, values, positionals) => {
    chosen = { command, values, positionals };
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw error;
  }
  if (!chosen) return EXIT.usage;
  const { command, values, positionals } = chosen;
  // `--log-format json` (or ISA_LOG_FORMAT=json): the command's failure is one JSON line too, for log shippers.
  const jsonLog = values['log-format'] === 'json' || (values['log-format'] === undefined && io.env.ISA_LOG_FORMAT === 'json' && 'log-format' in command.options);
  const printError = (message: string, event: string) =>
    print(io.stderr, jsonLog ? JSON.stringify({ ts: new Date().toISOString(), level: 'error', event, command: command.name, message }) : `isa ${command.name}: ${message}`);
  try {
    // A bad variable fails every command here, before any work, rather than each source later.
    const { loadConfig } = await import('../core/config.ts');
    loadConfig(io.env);
    const entry = COMMANDS.find((c) => c.name === command.name);
    if (!entry) throw new Error(`command ${command.name} is declared but not registered in cli/main.ts`);
    return await (await entry.load()).run({ values, positionals }, io);
  } catch (error) {
    if (error instanceof UsageError) {
      printError(jsonLog ? error.message : `${error.message}\n(isa ${command.name} --help shows its options)`, 'usage');
      return EXIT.usage;
    }
    const message = error instanceof PipelineError || error instanceof Error ? error.message : String(error);
    printError(message, 'failed');
    if (io.env.ISA_DEBUG && error instanceof Error && error.stack) print(io.stderr, error.stack);
    return EXIT.failed;
  }
}
