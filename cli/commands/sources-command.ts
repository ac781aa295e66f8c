import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import type { Source } from '../../core/source-config.ts';
import { EXIT, print, UsageError, type Command } from '../command.ts';
import { addSourceToFile, formatSourceFileError, validateSources } from '../../pipelines/crawl/sources-file.ts';
import { FIXTURE_SOURCES_FILE } from './run-command.ts';

/** 127.0.0.0/8, ::1, localhost, 10/8, 172.16/12, 192.168/16, 169.254/16, fc00::/7: what the SSRF guard refuses. */
function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^f[cd][0-9a-f]{2}:/.test(host)) return true;
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (!v4) return false;
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

/**
 * A start URL on loopback or a private network, in a source without allowPrivate: the crawl would
 * refuse it, so `check` says so now, at the line of the URL.
 */
function privateTargetWarnings(text: string, file: string, sources: Source[]): string[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const warnings: string[] = [];
  sources.forEach((source, i) => {
    if (source.allowPrivate === true) return;
    const allowed = Array.isArray(source.allowPrivate) ? source.allowPrivate : [];
    source.startUrls.forEach((start, j) => {
      const url = new URL(start.url);
      if (!isPrivateHost(url.hostname) || allowed.includes(url.host) || allowed.includes(url.hostname)) return;
      const node = doc.getIn(['sources', i, 'startUrls', j], true) as { range?: [number, number, number] } | undefined;
      const pos = node?.range ? lineCounter.linePos(node.range[0]) : { line: 0, col: 0 };
      warnings.push(`${file}:${pos.line}:${pos.col}: sources.${i}.startUrls.${j}: warning: ${url.host} is a loopback or private address, which the crawl refuses; add allowPrivate: true (or [${url.host}]) to source ${source.id}, or run with isa run --allow-private`);
    });
  });
  return warnings;
}

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
        if (errors.length) {
          print(io.stderr, `${file}: ${errors.length} problem${errors.length === 1 ? '' : 's'}`);
          return EXIT.failed;
        }
        if (values.sources) for (const warning of privateTargetWarnings(text, file, sources)) print(io.stderr, warning);
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
          ...(values.language ? { language: values.language as 'de' | 'en' } : {}),
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
