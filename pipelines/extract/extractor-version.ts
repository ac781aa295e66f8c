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

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(path);
      return /\.(ts|json)$/.test(entry.name) ? [path] : [];
    })
    .sort();
}
