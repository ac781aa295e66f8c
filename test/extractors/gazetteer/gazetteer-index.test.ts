import { appendFileSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaceGazetteer, type GazetteerIndex } from '../../../extractors/gazetteer/gazetteer.ts';
import { readGazetteerIndex, storeGazetteerIndex } from '../../../extractors/gazetteer/gazetteer-index.ts';
import { buildGazetteerFromData, loadGazetteer } from '../../../extractors/gazetteer/load-gazetteer.ts';
import type { CuratedAlias } from '../../../extractors/gazetteer/gazetteer-data.ts';

const BUNDLED = new URL('../../../extractors/gazetteer/data/', import.meta.url);
// Our own sentence: inflections, an exonym, pinyin, a Kreis, a namesake and a misspelling.
const TEXT = 'Die Kölner Delegation reiste mit Gästen aus dem Landkreis Harburg nach Kanton, Ma’anshan und Taizhou; in Halle 2 stellte Wolfsburgg aus.';
const NAMES = ['Taizhou', 'Frankfurt', 'Zhuzhouan', 'Bezirk Nansha in Guangzhou', 'Rüsselsheim a. M.', 'Guangdong Province', 'Shaanxi'];

/** What the gazetteer answers, as plain data: equal answers for equal indexes. */
function answers(gazetteer: PlaceGazetteer): unknown {
  return {
    mentions: gazetteer.findMentions(TEXT),
    resolved: NAMES.map((name) => gazetteer.resolve(name)),
    items: NAMES.map((name) => gazetteer.resolveListItem(name)),
    admin1: NAMES.map((name) => gazetteer.admin1Fuzzy(name)),
  };
}

/** The index as the file stores it: through JSON, which is what a start reads back. */
function stored(gazetteer: PlaceGazetteer): GazetteerIndex {
  return JSON.parse(JSON.stringify(gazetteer.toIndex())) as GazetteerIndex;
}

describe('the stored gazetteer index', () => {
  let built: PlaceGazetteer;
  let dir: string;
  let copy: URL;
  beforeAll(() => {
    built = buildGazetteerFromData(BUNDLED);
    dir = mkdtempSync(join(tmpdir(), 'isa-gazetteer-index-'));
    for (const name of ['places.json', 'curated.json', 'admin1.json']) copyFileSync(new URL(name, BUNDLED), join(dir, name));
    copy = pathToFileURL(`${dir}/`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the index built from the data: read back, it gives the same index and the same answers', () => {
    const restored = PlaceGazetteer.fromIndex(stored(built));
    expect(restored.toIndex()).toEqual(built.toIndex());
    expect(restored.size).toBe(built.size);
    expect(answers(restored)).toEqual(answers(built));
  });

  it('takes extra aliases as a build with them does', () => {
    const aliases: CuratedAlias[] = [
      { alias: 'Domstadt', name: 'Köln', country: 'DE' },
      { alias: 'Wolfsburgg', name: 'Wolfsburg', country: 'DE' },
    ];
    const restored = PlaceGazetteer.fromIndex(stored(built), aliases);
    const rebuilt = buildGazetteerFromData(BUNDLED, aliases);
    expect(restored.toIndex()).toEqual(rebuilt.toIndex());
    expect(answers(restored)).toEqual(answers(rebuilt));
    expect(restored.resolve('Domstadt').place?.name).toBe('Köln');
  });

  it('is what loadGazetteer reads while it matches the data, and ignored once the data changed', () => {
    expect(readGazetteerIndex(copy)).toBeNull();
    storeGazetteerIndex(copy, buildGazetteerFromData(copy));
    expect(readGazetteerIndex(copy)).toEqual(stored(built));
    expect(loadGazetteer({ dataDir: copy }).toIndex()).toEqual(built.toIndex());

    appendFileSync(join(dir, 'curated.json'), '\n');
    expect(readGazetteerIndex(copy)).toBeNull();
    expect(loadGazetteer({ dataDir: copy }).toIndex()).toEqual(built.toIndex());
  });
});
