import { beforeAll, describe, expect, it } from 'vitest';
import type { PlaceGazetteer } from '../../../extractors/gazetteer/gazetteer.ts';
import { loadGazetteer } from '../../../extractors/gazetteer/load-gazetteer.ts';

let gazetteer: PlaceGazetteer;
beforeAll(() => {
  gazetteer = loadGazetteer();
});

/** Strong mentions as `raw → canonical name of the first candidate`. */
function mentions(text: string): string[] {
  return gazetteer
    .findMentions(text)
    .filter((m) => !m.weak)
    .map((m) => `${m.raw} → ${m.candidates[0]?.name ?? '?'}`);
}

describe('recognition from the generated data (places no seed mentions)', () => {
  it.each([
    ['Ningbo', 'Ningbo', 'prefecture_city', 'Zhejiang'],
    ['Xiangtan', 'Xiangtan', 'prefecture_city', 'Hunan'],
    ['Bao’an', "Bao'an", 'city_district', 'Guangdong'],
    ['Shunde', 'Shunde', 'city_district', 'Guangdong'],
    ['Kunshan', 'Kunshan', 'county_city', 'Jiangsu'],
    ['Wolfsburg', 'Wolfsburg', 'municipality', 'Niedersachsen'],
    ['Kaiserslautern', 'Kaiserslautern', 'municipality', 'Rheinland-Pfalz'],
    ['Rüsselsheim am Main', 'Rüsselsheim', 'municipality', 'Hessen'],
    ['Landkreis Harburg', 'Landkreis Harburg', 'district', 'Niedersachsen'],
    ['Rhein-Kreis Neuss', 'Rhein-Kreis Neuss', 'district', 'Nordrhein-Westfalen'],
    ['Yanbian', 'Yanbian', 'prefecture_city', 'Jilin'],
  ])('%s', (raw, name, type, admin1) => {
    const r = gazetteer.resolve(raw);
    expect(r.resolved).toBe(true);
    expect(r.place).toMatchObject({ name, type, admin1 });
  });

  it('gives parents of districts and county-level cities', () => {
    expect(gazetteer.resolve("Bao'an").place?.parent).toBe('Shenzhen');
    expect(gazetteer.resolve('Kunshan').place?.parent).toBe('Suzhou');
    expect(gazetteer.resolve('Rüsselsheim').place?.parent).toBe('Kreis Groß-Gerau');
  });
});

describe('findMentions', () => {
  it('finds places in running text with inflections, exonyms and pinyin variants', () => {
    const text =
      'Die Stadt Köln und die Kölner Wirtschaft: Kölns Beitrag. Delegationen aus Peking, Kanton und Tsingtau ' +
      'besuchten Ma’anshan, Maanshan und Bao’an. Düsseldorfer, Nuernberg, Cologne’s and Munich.';
    expect(mentions(text)).toEqual([
      'Köln → Köln',
      'Kölner → Köln',
      'Kölns → Köln',
      'Peking → Beijing',
      'Kanton → Guangzhou',
      'Tsingtau → Qingdao',
      "Ma’anshan → Ma'anshan",
      "Maanshan → Ma'anshan",
      "Bao’an → Bao'an",
      'Düsseldorfer → Düsseldorf',
      'Nuernberg → Nürnberg',
      'Cologne’s → Köln',
      'Munich → München',
    ]);
  });

  it('takes the longest match and keeps offsets exact', () => {
    const text = 'Treffen in Rüsselsheim am Main und im Rhein-Kreis Neuss sowie in Frankfurt am Main.';
    const found = gazetteer.findMentions(text);
    expect(found.map((m) => m.raw)).toEqual(['Rüsselsheim am Main', 'Rhein-Kreis Neuss', 'Frankfurt am Main']);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.raw);
  });

  it('respects word boundaries and capitalisation', () => {
    expect(mentions('Die Essenz der Kölnerinnen-Initiative und mainzer Unternehmen')).toEqual([]);
  });

  it('marks a common-word name weak unless a cue makes it a place', () => {
    const [plain] = gazetteer.findMentions('Nach dem Essen ging es weiter.');
    expect(plain?.weak).toBe(true);
    const [cued] = gazetteer.findMentions('Die Stadt Essen ist Mitglied.');
    expect(cued?.weak).toBe(false);
    expect(cued?.candidates[0]?.admin1).toBe('Nordrhein-Westfalen');
  });

  it('gives all candidates for an ambiguous name', () => {
    const [taizhou] = gazetteer.findMentions('Investoren aus Taizhou');
    expect(taizhou?.candidates.filter((p) => p.type === 'prefecture_city').map((p) => p.admin1).sort()).toEqual(['Jiangsu', 'Zhejiang']);
  });

  it('finds provinces and Länder as places too', () => {
    expect(mentions('Dongguan (Provinz Guangdong) und Düsseldorf in Nordrhein-Westfalen')).toEqual([
      'Dongguan → Dongguan',
      'Guangdong → Guangdong',
      'Düsseldorf → Düsseldorf',
      'Nordrhein-Westfalen → Nordrhein-Westfalen',
    ]);
  });
});

describe('resolve', () => {
  it.each([
    ['Koeln', 'Köln'],
    ['KÖLN', 'Köln'],
    ['Cologne', 'Köln'],
    ['Nuremberg', 'Nürnberg'],
    ['Stadt Wuppertal', 'Wuppertal'],
    ['der Stadt Köln', 'Köln'],
    ['Nanking', 'Nanjing'],
    ['Schanghai', 'Shanghai'],
    ['Xi’an', "Xi'an"],
    ["Ma'anshan", "Ma'anshan"],
    ['Maanshan', "Ma'anshan"],
    ['Bezirk Bao’an', "Bao'an"],
    ['Baoan', "Bao'an"],
    ["Bao'an (Bezirk der Stadt Shenzhen)", "Bao'an"],
    ['Bezirk Nansha in Guangzhou', 'Nansha'],
    ['Nansha District of Guangzhou', 'Nansha'],
    ['Fulda (Region)', 'Fulda'],
    ['Landkreis Harburg', 'Landkreis Harburg'],
    ['Kreis Harburg', 'Landkreis Harburg'],
    ['Essen', 'Essen'],
    ['Hessen', 'Hessen'],
    ['Hainan', 'Hainan'],
  ])('%s → %s', (raw, name) => {
    const r = gazetteer.resolve(raw);
    expect(r.resolved).toBe(true);
    expect(r.place?.name).toBe(name);
  });

  it('prefers the higher-level unit: a prefecture over its namesake county-level city', () => {
    const r = gazetteer.resolve('Dongguan');
    expect(r.place?.type).toBe('prefecture_city');
  });

  it('keeps Taizhou ambiguous without a hint and resolves it with one', () => {
    const bare = gazetteer.resolve('Taizhou');
    expect(bare.resolved).toBe(false);
    expect(bare.place).toBeNull();
    expect(bare.candidates.filter((p) => p.type === 'prefecture_city').map((p) => p.admin1).sort()).toEqual(['Jiangsu', 'Zhejiang']);
    expect(gazetteer.resolve('Taizhou', { admin1Hint: 'Provinz Zhejiang' }).place?.id).toBe('cn:331000');
    expect(gazetteer.resolve('Taizhou', { admin1Hint: 'Jiangsu' }).place?.id).toBe('cn:321200');
    expect(gazetteer.resolve('Taizhou (Provinz Zhejiang)').place?.id).toBe('cn:331000');
  });

  it('keeps German namesakes of similar size ambiguous and narrows them by Land', () => {
    const bare = gazetteer.resolve('Neustadt');
    expect(bare.resolved).toBe(false);
    expect(bare.candidates.length).toBeGreaterThan(3);
    const hinted = gazetteer.resolve('Neustadt', { admin1Hint: 'Rheinland-Pfalz' });
    expect(hinted.place?.admin1).toBe('Rheinland-Pfalz');
  });

  it('uses the country from context', () => {
    expect(gazetteer.resolve('Harburg', { country: 'DE' }).place?.country).toBe('DE');
    expect(gazetteer.resolve('Taizhou', { country: 'DE' }).resolved).toBe(false);
  });

  it.each([
    ['Zhuzhouan', 'Zhuzhou'],
    ['Jaozuo', 'Jiaozuo'],
    ['Maomimg', 'Maoming'],
    ['Kaiserslauten', 'Kaiserslautern'],
    ['Nuernburg', 'Nürnberg'],
    ['Wupertal', 'Wuppertal'],
  ])('misspelling %s → suggestion %s', (raw, suggestion) => {
    const r = gazetteer.resolve(raw);
    expect(r.resolved).toBe(false);
    expect(r.place).toBeNull();
    expect(r.suggestion).toBe(suggestion);
  });

  it('has no suggestion for words that are not near any place', () => {
    for (const raw of ['Industriestädteallianz', 'Wirtschaftsförderung', 'Pressemitteilung']) {
      expect(gazetteer.resolve(raw)).toMatchObject({ resolved: false, suggestion: null });
    }
  });
});

describe('admin1, byName and capitals', () => {
  it.each([
    ['Provinz Guangdong', 'Guangdong', 'CN'],
    ['Guangdong Province', 'Guangdong', 'CN'],
    ['Nordrhein-Westfalen', 'Nordrhein-Westfalen', 'DE'],
    ['NRW', 'Nordrhein-Westfalen', 'DE'],
    ['Bayern', 'Bayern', 'DE'],
    ['Bavaria', 'Bayern', 'DE'],
    ['Freistaat Sachsen', 'Sachsen', 'DE'],
    ['Innere Mongolei', 'Inner Mongolia', 'CN'],
  ])('%s', (raw, name, country) => {
    expect(gazetteer.admin1(raw)).toEqual({ name, country });
  });

  it('returns null for a city', () => {
    expect(gazetteer.admin1('Köln')).toBeNull();
  });

  it.each([
    ['Guangzhou', 'CN', 'Guangdong'],
    ['Jinan', 'CN', 'Shandong'],
    ['Düsseldorf', 'DE', 'Nordrhein-Westfalen'],
    ['München', 'DE', 'Bayern'],
  ] as const)('%s is capital of %s', (name, country, capitalOf) => {
    expect(gazetteer.byName(name, country)[0]?.capitalOf).toBe(capitalOf);
  });

  it('knows Qingdao is in Shandong and no capital', () => {
    const [qingdao] = gazetteer.byName('Qingdao', 'CN');
    expect(qingdao).toMatchObject({ admin1: 'Shandong', capitalOf: null });
  });

  it('byName is exact on the canonical name', () => {
    expect(gazetteer.byName('Cologne')).toEqual([]);
    expect(gazetteer.byName('Köln', 'DE')[0]?.id).toBe('de:05315000');
  });

  it('uses the official name of a merged town and still reads its old name', () => {
    expect(gazetteer.findMentions('Dessau-Roßlau (Sachsen-Anhalt)')[0]).toMatchObject({ raw: 'Dessau-Roßlau', candidates: [{ name: 'Dessau-Roßlau' }] });
    expect(gazetteer.resolve('Dessau').place?.name).toBe('Dessau-Roßlau');
    expect(gazetteer.byName('Dessau-Roßlau', 'DE')[0]?.id).toBe('de:15001000');
  });
});

describe('resolveListItem', () => {
  it('keeps a region with its places as one member', () => {
    expect(gazetteer.resolveListItem('Region Schwarzwald (Lahr und Freiburg)')).toMatchObject({
      resolved: true,
      places: ['Lahr', 'Freiburg'],
    });
  });

  it('keeps a network with its places as one member', () => {
    const item = gazetteer.resolveListItem('Städtenetzwerk „Drei gewinnt“ mit Rüsselsheim/Raunheim/Kelsterbach');
    expect(item).toMatchObject({ name: 'Drei gewinnt', resolved: true, places: ['Rüsselsheim', 'Raunheim', 'Kelsterbach'] });
  });

  it('resolves a plain place, a Kreis and a region named after a town', () => {
    expect(gazetteer.resolveListItem('Rhein-Kreis Neuss')).toMatchObject({ name: 'Rhein-Kreis Neuss', resolved: true, places: [] });
    expect(gazetteer.resolveListItem('Bezirk Bao’an')).toMatchObject({ name: "Bao'an", raw: 'Bezirk Bao’an', resolved: true });
    expect(gazetteer.resolveListItem('Fulda (Region)')).toMatchObject({ resolved: true, places: ['Fulda'] });
  });

  it('names a misspelt item by its suggestion and flags it', () => {
    expect(gazetteer.resolveListItem('Zhuzhouan')).toEqual({ name: 'Zhuzhou', raw: 'Zhuzhouan', resolved: false, suggestion: 'Zhuzhou', places: [] });
  });
});

describe('resolve with qualifiers', () => {
  it('picks the Taizhou whose county-level city is named in brackets', () => {
    expect(gazetteer.resolve('Taizhou (Wenling)').place?.admin1).toBe('Zhejiang');
  });

  it('drops a river suffix only when it fits', () => {
    expect(gazetteer.resolve('Rüsselsheim a. M.').place?.name).toBe('Rüsselsheim');
    expect(gazetteer.resolve('Frankfurt an der Oder').place?.name).toBe('Frankfurt (Oder)');
    expect(gazetteer.resolve('Frankfurt/Oder').place?.name).toBe('Frankfurt (Oder)');
    expect(gazetteer.resolve('Halle/Saale').place?.name).toBe('Halle (Saale)');
  });
});
