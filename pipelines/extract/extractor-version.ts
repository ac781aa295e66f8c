import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTRACTOR_VERSION } from '../../extractors/extraction-context.ts';
import { currentParserVersion } from '../parse/parser-version.ts';

const EXTRACTORS_DIR = fileURLToPath(new URL('../../extractors/', import.meta.url));

/**
 * The version stamped on stored claims: the release number, a hash of every extractor source and
 * gazetteer data file, and the reader's version (`read-…`, `pipelines/parse/parser-version.ts`).
 * A rule, data or reader change gives a new version by itself, so no one has to remember a bump,
 * and the next run re-extracts (and, for a reader change, re-reads) what older code produced.
 * Reads ~120 small files: call once per process and pass it on.
 */
export function currentExtractorVersion(dir: string = EXTRACTORS_DIR, parserVersion: string = currentParserVersion()): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir)) {
    hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return `${EXTRACTOR_VERSION}+${hash.digest('hex').slice(0, 10)}.${parserVersion}`;
}

/**
 * The version with the reviewers' accepted aliases in it (`….aliases-<hash>.read-…`): an alias
 * accepted on a flag changes what the extractors resolve, so the next run re-extracts the stored
 * documents with it, as after a rule change. No aliases: the version unchanged.
 */
export function withAcceptedAliases(extractorVersion: string, aliases: ReadonlyArray<{ alias: string; name: string; country: string }>): string {
  if (aliases.length === 0) return extractorVersion;
  const lines = aliases.map((a) => `${a.alias}\0${a.name}\0${a.country}`).sort();
  const tag = `.aliases-${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 8)}`;
  const reader = /\.read-[0-9a-f]{10}$/.exec(extractorVersion)?.[0] ?? '';
  return `${extractorVersion.slice(0, extractorVersion.length - reader.length)}${tag}${reader}`;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(path);
      return /\.(ts|json)$/.test(entry.name) ? [path] : [];
    })
    .sort();
}
