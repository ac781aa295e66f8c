/**
 * Loads the bundled gazetteer data (generated `data/places.json`, curated `data/curated.json`,
 * `data/admin1.json`): the index stored beside it by the build when it is there and current
 * (`gazetteer-index.ts`), else built from the data. Synchronous; call once and cache the result.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../../core/errors.ts';
import { PlaceGazetteer } from './gazetteer.ts';
import { readGazetteerIndex } from './gazetteer-index.ts';
import type { Admin1File, CuratedAlias, CuratedFile, PlacesFile } from './gazetteer-data.ts';
import type { Place } from './gazetteer-types.ts';

/** Where the data files live. @defaultValue the `data/` folder beside this file */
export interface LoadGazetteerOptions {
  dataDir?: URL;
  /** Aliases reviewers accepted (decisions in the database), added to the curated ones. */
  extraAliases?: readonly CuratedAlias[];
}

/**
 * The gazetteer of the bundled data (about 8 000 places; see the bench for timing), with the extra
 * aliases. Throws `ConfigError` when a data file is missing or malformed: rebuild with `npm run gazetteer:build`.
 */
export function loadGazetteer(options: LoadGazetteerOptions = {}): PlaceGazetteer {
  const dir = options.dataDir ?? new URL('./data/', import.meta.url);
  const index = readGazetteerIndex(dir);
  if (index) return PlaceGazetteer.fromIndex(index, options.extraAliases);
  return buildGazetteerFromData(dir, options.extraAliases);
}

/** Reads the data files of `dir` and builds the index from them, ignoring a stored one (the build and the tests use it). */
export function buildGazetteerFromData(dir: URL, extraAliases: readonly CuratedAlias[] = []): PlaceGazetteer {
  const placesFile = readJson<PlacesFile>(new URL('places.json', dir));
  const curated = readJson<CuratedFile>(new URL('curated.json', dir));
  const admin1 = readJson<Admin1File>(new URL('admin1.json', dir));
  if (!Array.isArray(placesFile.places) || !Array.isArray(curated.aliases)) {
    throw new ConfigError(`gazetteer data in ${dir.pathname} has an unexpected shape; run npm run gazetteer:build`, { input: dir.pathname });
  }
  const places: Place[] = placesFile.places.map(([id, name, country, type, admin1Name, parent, capitalOf, population]) => ({
    id,
    name,
    country,
    type,
    admin1: admin1Name,
    parent,
    capitalOf,
    population,
  }));
  const aliases = [...curated.aliases];
  for (const rename of curated.renames ?? []) {
    const place = places.find((p) => p.id === rename.id);
    if (!place) continue;
    // The old name keeps resolving ("Dessau"), now to the renamed place.
    aliases.push({ alias: place.name, name: rename.name, country: place.country, id: place.id });
    place.name = rename.name;
  }
  // The extra aliases last, as `PlaceGazetteer.fromIndex` adds them to a stored index of the rest.
  aliases.push(...extraAliases);
  return new PlaceGazetteer(places, aliases, { admin1, regions: curated.regions, weakNames: curated.weakNames });
}

function readJson<T>(url: URL): T {
  let body: string;
  try {
    body = readFileSync(url, 'utf8');
  } catch (cause) {
    throw new ConfigError(`gazetteer data file ${url.pathname} is missing; run npm run gazetteer:build`, { input: url.pathname, cause });
  }
  try {
    return JSON.parse(body) as T;
  } catch (cause) {
    throw new ConfigError(`gazetteer data file ${url.pathname} is not valid JSON; run npm run gazetteer:build`, { input: url.pathname, cause });
  }
}
