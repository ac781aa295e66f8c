import { readFile } from 'node:fs/promises';
import { EXIT, print, UsageError, type Command } from '../command.ts';
import { addSourceToFile, formatSourceFileError, validateSources } from '../../pipelines/crawl/sources-file.ts';
import { FIXTURE_SOURCES_FILE } from './run-command.ts';

export const sourcesCommand: Command = {
  name: 'sources',
  summary: 'list, check or add sources in a sources file',
  arguments: '<list|check|add>',
  help: `isa sources list  [--sources FILE]
isa sources check [--sources FILE]
isa sources add   --sources FILE --id ID --name NAME --organisation ORG --start URL [--start URL]...

A sources file is YAML (or JSON): a list "sources" of {id, name, organisation, startUrls, follow, skip,
maxPages, language, contentSelectors, hosts, allowPrivate}; see fixtures/sources.yaml. \`check\` prints every
problem as FILE:LINE:COLUMN: field: message. \`add\` keeps the file's comments.
Without --sources, list and check read the bundled fixture sources (\${FIXTURES} stands for the fixture server).

Exit codes: 0 fine, 1 the file has problems, 2 usage.`,
  options: {
    sources: { type: 'string', value: 'FILE', description: 'the sources file (default: the bundled fixture sources)' },
    id: { type: 'string', description: 'add: the new source\'s id (lower-case, a-z 0-9 -)' },
    name: { type: 'string', description: 'add: a human name' },
    organisation: { type: 'string', value: 'ORG', description: 'add: the organisation that publishes it' },
    start: { type: 'string', multiple: true, value: 'URL', description: 'add: a start URL (repeatable)' },
    follow: { type: 'string', multiple: true, value: 'PATTERN', description: 'add: follow links matching this (repeatable)' },
    skip: { type: 'string', multiple: true, value: 'PATTERN', description: 'add: never fetch links matching this (repeatable)' },
    'max-pages': { type: 'string', value: 'N', description: 'add: page budget' },
    language: { type: 'string', choices: ['de', 'en'], description: 'add: the language of its pages' },
    selector: { type: 'string', multiple: true, value: 'CSS', description: 'add: the main content (repeatable)' },
    'allow-private': { type: 'boolean', default: false, description: 'add: allow loopback and private-network targets' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const [action] = positionals;
    const file = (values.sources as string | undefined) ?? FIXTURE_SOURCES_FILE;
    const variables: Record<string, string> = values.sources ? {} : { FIXTURES: 'http://127.0.0.1:0' };
    switch (action) {
      case 'list':
      case 'check': {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (error) {
          print(io.stderr, `cannot read ${file}: ${(error as Error).message}`);
          return EXIT.failed;
        }
        const { sources, errors } = validateSources(text, file, variables);
        for (const error of errors) print(io.stderr, formatSourceFileError(error));
        if (errors.length) return EXIT.failed;
        if (action === 'check') {
          print(io.stdout, `${file}: ${sources.length} sources, no problems`);
        } else {
          for (const s of sources) {
            print(io.stdout, `${s.id}  ${s.name} (${s.organisation})${s.allowPrivate ? '  [allows private targets]' : ''}`);
            for (const start of s.startUrls) print(io.stdout, `    ${start.type.padEnd(8)} ${start.url}`);
          }
        }
        return EXIT.ok;
      }
      case 'add': {
        if (!values.sources) throw new UsageError('add needs --sources FILE (the bundled fixture file is not for editing)');
        for (const required of ['id', 'name', 'organisation', 'start'] as const) {
          if (!values[required]) throw new UsageError(`add needs --${required}`);
        }
        const maxPages = values['max-pages'] === undefined ? undefined : Number(values['max-pages']);
        const source = await addSourceToFile(file, {
          id: String(values.id),
          name: String(values.name),
          organisation: String(values.organisation),
          startUrls: values.start as string[],
          ...(values.follow ? { follow: values.follow as string[] } : {}),
          ...(values.skip ? { skip: values.skip as string[] } : {}),
          ...(maxPages === undefined ? {} : { maxPages }),
          ...(values.language ? { language: String(values.language) } : {}),
          ...(values.selector ? { contentSelectors: values.selector as string[] } : {}),
          ...(values['allow-private'] ? { allowPrivate: true } : {}),
        });
        print(io.stdout, `added source ${source.id} to ${file}`);
        return EXIT.ok;
      }
      default:
        throw new UsageError(action ? `unknown action "${action}"` : 'say list, check or add');
    }
  },
};
