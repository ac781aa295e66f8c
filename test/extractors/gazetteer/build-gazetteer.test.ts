// buildGazetteer over small hand-made data: the matching and ranking rules without the bundled files.
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../../extractors/gazetteer/gazetteer.ts';
import type { Place } from '../../../extractors/gazetteer/gazetteer-types.ts';

const place = (p: Partial<Place> & Pick<Place, 'id' | 'name' | 'country' | 'type'>): Place => ({
  admin1: null,
  parent: null,
  capitalOf: null,
  population: null,
  ...p,
});

const places: Place[] = [
  place({ id: 'de:1', name: 'Frankfurt am Main', country: 'DE', type: 'municipality', admin1: 'Hessen', population: 750_000 }),
  place({ id: 'de:2', name: 'Frankfurt (Oder)', country: 'DE', type: 'municipality', admin1: 'Brandenburg', population: 57_000 }),
  place({ id: 'de:3', name: 'Neustadt an der Weinstraße', country: 'DE', type: 'municipality', admin1: 'Rheinland-Pfalz', population: 53_000 }),
  place({ id: 'de:4', name: 'Neustadt am Rübenberge', country: 'DE', type: 'municipality', admin1: 'Niedersachsen', population: 45_000 }),
  place({ id: 'de:5', name: 'Kleve', country: 'DE', type: 'municipality', admin1: 'Nordrhein-Westfalen', population: 52_000, parent: 'Kreis Kleve' }),
  place({ id: 'de:6', name: 'Kreis Kleve', country: 'DE', type: 'district', admin1: 'Nordrhein-Westfalen' }),
  place({ id: 'de:7', name: 'Brandenburg an der Havel', country: 'DE', type: 'municipality', admin1: 'Brandenburg', population: 72_000 }),
  place({ id: 'de:8', name: 'Brandenburg', country: 'DE', type: 'state', admin1: 'Brandenburg' }),
  place({ id: 'de:9', name: 'Berlin', country: 'DE', type: 'municipality', admin1: 'Berlin', capitalOf: 'Berlin', population: 3_600_000 }),
  place({ id: 'de:10', name: 'Berlin', country: 'DE', type: 'state', admin1: 'Berlin' }),
  place({ id: 'cn:1', name: 'Taizhou', country: 'CN', type: 'prefecture_city', admin1: 'Zhejiang' }),
  place({ id: 'cn:2', name: 'Taizhou', country: 'CN', type: 'prefecture_city', admin1: 'Jiangsu' }),
  place({ id: 'cn:3', name: 'Dongguan', country: 'CN', type: 'prefecture_city', admin1: 'Guangdong' }),
  place({ id: 'cn:4', name: 'Dongguan', country: 'CN', type: 'county_city', admin1: 'Guangdong', parent: 'Dongguan' }),
  place({ id: 'cn:5', name: 'Shenzhen', country: 'CN', type: 'prefecture_city', admin1: 'Guangdong' }),
  place({ id: 'cn:6', name: "Bao'an", country: 'CN', type: 'city_district', admin1: 'Guangdong', parent: 'Shenzhen' }),
];
const gazetteer = buildGazetteer(places, [{ alias: 'Kanton', name: 'Dongguan', country: 'CN' }], { weakNames: ['Kleve'] });

describe('buildGazetteer', () => {
  it('matches longest first without overlaps', () => {
    const found = gazetteer.findMentions('Von Frankfurt am Main nach Frankfurt (Oder) und Frankfurt.');
    expect(found.map((m) => [m.raw, m.candidates[0]?.id])).toEqual([
      ['Frankfurt am Main', 'de:1'],
      ['Frankfurt (Oder)', 'de:2'],
      ['Frankfurt', 'de:1'],
    ]);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });

  it('derives the short form of a German name with a river suffix', () => {
    expect(gazetteer.resolve('Frankfurt').place?.id).toBe('de:1'); // more than five times larger than Frankfurt (Oder)
    expect(gazetteer.resolve('Neustadt').resolved).toBe(false); // two similar-sized Neustadts
    expect(gazetteer.resolve('Neustadt', { admin1Hint: 'Niedersachsen' }).place?.id).toBe('de:4');
  });

  it('uses curated aliases', () => {
    expect(gazetteer.resolve('Kanton').place?.id).toBe('cn:3');
  });

  it('ranks a Gemeinde over its Kreis, a prefecture over a namesake county-level city', () => {
    expect(gazetteer.resolve('Kleve').place?.id).toBe('de:5');
    expect(gazetteer.resolve('Kreis Kleve').place?.id).toBe('de:6');
    expect(gazetteer.resolve('Dongguan').place?.id).toBe('cn:3');
  });

  it('ranks a Land over a namesake town that is not its capital, not over its capital', () => {
    expect(gazetteer.resolve('Brandenburg').place?.id).toBe('de:8');
    expect(gazetteer.resolve('Berlin').place?.id).toBe('de:9');
  });

  it('leaves same-rank namesakes ambiguous and narrows them by hint', () => {
    const r = gazetteer.resolve('Taizhou');
    expect(r).toMatchObject({ resolved: false, place: null });
    expect(r.candidates.map((p) => p.id).sort()).toEqual(['cn:1', 'cn:2']);
    expect(gazetteer.resolve('Taizhou', { admin1Hint: 'Jiangsu' }).place?.id).toBe('cn:2');
  });

  it('marks weak names weak without a cue and strong with one', () => {
    expect(gazetteer.findMentions('Mitglied ist Kleve.')[0]?.weak).toBe(true);
    expect(gazetteer.findMentions('Mitglied ist die Stadt Kleve.')[0]?.weak).toBe(false);
  });

  it('resolves a district by its parent and suggests for a misspelling', () => {
    expect(gazetteer.resolve("Bao'an (Bezirk der Stadt Shenzhen)").place?.id).toBe('cn:6');
    expect(gazetteer.resolve('Shenzen').suggestion).toBe('Shenzhen');
    expect(gazetteer.resolve('Xylophon').suggestion).toBeNull();
  });
});
