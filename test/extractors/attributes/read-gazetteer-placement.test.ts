import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

// [city, attribute, value, read by this rule]
const placements = (text: string, language: 'de' | 'en' = 'de') =>
  extract(gazetteer, text, { published: '2020-01-01', language })
    .flatMap((c) => (c.kind === 'city_attribute' && c.attribute !== 'population' && c.attribute !== 'region' ? [c] : []))
    .map(({ city, attribute, value, provenance }) => [city, attribute, value, provenance?.rule.endsWith('by-gazetteer') ?? false]);

describe('a city named beside the admin1 the gazetteer places it in', () => {
  it.each([
    // Joins no phrase rule reads: a slash, a bare comma before the next words, a possessive noun phrase.
    ['Die Gäste aus Weifang/Shandong blieben drei Tage.', [['Weifang', 'province', 'Shandong', true]]],
    ['Der Bürgermeister von Jinan, Shandong, sprach zuerst.', [['Jinan', 'province', 'Shandong', true]]],
    ['Eine Firma aus Hessens Kelsterbach stellte aus.', [['Kelsterbach', 'state', 'Hessen', true]]],
    ['Vertreter aus Shandong (Weifang) kamen.', [['Weifang', 'province', 'Shandong', true]]],
    ['Kunming im chinesischen Yunnan war Gastgeber.', [['Kunming', 'province', 'Yunnan', true]]],
    ['A firm from Jiangsu’s Changzhou joined.', [['Changzhou', 'province', 'Jiangsu', true]]],
    // A capital word says the capital (the bracket rule places the city).
    ['Die Gäste kamen aus der Hauptstadt Hefei (Anhui).', [['Hefei', 'province', 'Anhui', false], ['Hefei', 'capital_of', 'Anhui', true]]],
  ])('%s', (text, expected) => {
    expect(placements(text)).toEqual(expected);
  });

  it.each([
    ['Der Flug ging von Qingdao nach Shandong zurück.', 'two places joined by a preposition of movement'],
    ['Die Firma hat Werke in Weifang und in der Provinz Shandong.', 'coordinated: two places, one not placed in the other'],
    ['Die Provinz Henan, rund 80 Kilometer von Zhengzhou entfernt, lud ein.', 'a distance is no placement'],
    ['Im Shandong-Pavillon zeigte die Firma aus dem benachbarten Weifang Maschinen.', 'the gap holds a clause of its own'],
    ['Der Preis „Shandong“ ging an eine Schule in Zibo.', 'a quoted title is no place'],
  ])('%s (%s)', (text) => {
    expect(placements(text).filter((p) => p[3])).toEqual([]);
  });
});
