/**
 * The gazetteer's built index stored beside its data, so a start reads it instead of normalising
 * some 30 000 names again (a fifth of `isa extract`'s time). `npm run build` writes it into
 * `dist/` (scripts/build-dist.mjs); the sources have none and build the index at load. The file
 * starts with a key over the data files and the code that builds the index: an index whose key no
 * longer matches is ignored, so it never answers for other data than it was made from.
 *
 * Its name ends in `.index`, not `.json`, on purpose: the extractor version hashes the `.ts` and
 * `.json` files under `extractors/`, and this file is derived from the hashed data, so the version
 * changes when the data does and is the same with or without a build.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { GazetteerIndex, PlaceGazetteer } from './gazetteer.ts';

export const GAZETTEER_INDEX_FILE = 'gazetteer.index';

/** Raised on a change of the stored shape, so an old file is not read as a new one. */
const FORMAT = 'gazetteer-index 1';

const DATA_FILES = ['places.json', 'curated.json', 'admin1.json'];
/** What turns the data into the index (normalisation, variants, the trie); the compiled `.js` sits beside each. */
const BUILDER_SOURCES = ['./gazetteer.ts', './normalize-name.ts', './load-gazetteer.ts', './gazetteer-index.ts', '../text/all-matches.ts'];

/** The key of the index `dataDir`'s data would give: a hash of the data files and of the builder's sources. */
export function gazetteerIndexKey(dataDir: URL): string {
  const hash = createHash('sha256').update(FORMAT);
  for (const name of DATA_FILES) hash.update('\0').update(name).update('\0').update(readFileSync(new URL(name, dataDir)));
  for (const path of BUILDER_SOURCES) hash.update('\0').update(path).update('\0').update(readFileSync(new URL(path, import.meta.url)));
  return hash.digest('hex');
}

/** Writes `gazetteer`'s index (built from `dataDir`'s data) into `dataDir`. */
export function storeGazetteerIndex(dataDir: URL, gazetteer: PlaceGazetteer): void {
  writeFileSync(new URL(GAZETTEER_INDEX_FILE, dataDir), `${gazetteerIndexKey(dataDir)}\n${JSON.stringify(gazetteer.toIndex())}`);
}

/** The stored index of `dataDir`, or null when there is none or it was built from other data or code; never throws. */
export function readGazetteerIndex(dataDir: URL): GazetteerIndex | null {
  try {
    const stored = readFileSync(new URL(GAZETTEER_INDEX_FILE, dataDir), 'utf8');
    const newline = stored.indexOf('\n');
    if (newline < 0 || stored.slice(0, newline) !== gazetteerIndexKey(dataDir)) return null;
    return JSON.parse(stored.slice(newline + 1)) as GazetteerIndex;
  } catch {
    return null; // no index (the sources), a missing data file, or a damaged index: build from the data
  }
}
