import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const PARSE_DIR = fileURLToPath(new URL('./', import.meta.url));

/**
 * The reader's version: a hash of every source in `pipelines/parse/` (the date finder it calls
 * lives in `extractors/` and is in the extractor hash). It is part of the extractor version, so a
 * reader change makes the next run re-read stored bodies (`extract-version.ts`) without
 * refetching. Reads ~20 small files: call once per process and pass it on.
 */
export function currentParserVersion(dir: string = PARSE_DIR): string {
  const hash = createHash('sha256');
  for (const file of listSources(dir)) hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  return `read-${hash.digest('hex').slice(0, 10)}`;
}

const cached = new Map<string, string>();

/** `currentParserVersion` hashed once per process: the files do not change under a running process. */
export function parserVersionOnce(dir: string = PARSE_DIR): string {
  let version = cached.get(dir);
  if (version === undefined) cached.set(dir, (version = currentParserVersion(dir)));
  return version;
}

/** The reader version inside an extractor version (`0.9.0+abc….read-def…`), or null for a version without one. */
export function parserVersionOf(extractorVersion: string): string | null {
  return /\.(read-[0-9a-f]{10})$/.exec(extractorVersion)?.[1] ?? null;
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listSources(path);
      return /\.(ts|mjs|json)$/.test(entry.name) ? [path] : [];
    })
    .sort();
}
