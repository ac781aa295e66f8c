import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const placements = (text: string, language: 'de' | 'en' = 'de') =>
  ofKind(extract(gazetteer, text, { published: '2020-01-01', language }), 'city_attribute')
    .filter((c) => c.attribute !== 'population' && c.attribute !== 'region')
    .map(({ city, attribute, value }) => [city, attribute, value]);

describe('provinces, Länder and capitals', () => {
  it.each([
    // The province phrase after a capital noun places the city too.
    ['Wuhan ist die Hauptstadt der zentralchinesischen Provinz Hubei.', [['Wuhan', 'capital_of', 'Hubei'], ['Wuhan', 'province', 'Hubei']]],
    ['Seit Jahren ist Hefei Hauptstadt der Provinz Anhui.', [['Hefei', 'capital_of', 'Anhui'], ['Hefei', 'province', 'Anhui']]],
    // A misspelt province after its designator, as a misspelt city would be read.
    ['Die Delegation kam aus Zhuhai in der Provinz Guandong.', [['Zhuhai', 'province', 'Guangdong']]],
    ['Weifang (Provinz Shangdon) war Gastgeber.', [['Weifang', 'province', 'Shandong']]],
    // "Region" and compounds of "-provinz" designate a province too.
    ['Yantai liegt in der ostchinesischen Region Shandong.', [['Yantai', 'province', 'Shandong']]],
    ['Zibo liegt in der Partnerprovinz Shandong.', [['Zibo', 'province', 'Shandong']]],
    // A city noun without a name refers to the city talked about.
    ['Die Delegation reiste nach Zhuhai. Zu der Stadt in der südchinesischen Provinz Guandong hält Ulm Kontakt.', [['Zhuhai', 'province', 'Guangdong']]],
  ])('%s', (text, expected) => {
    expect(placements(text)).toEqual(expected);
  });

  it.each([
    ['Wuhan, the capital of the central Chinese province of Hubei, hosted the fair.', [['Wuhan', 'capital_of', 'Hubei'], ['Wuhan', 'province', 'Hubei']]],
    // A Land named without its designator gives the capital only.
    ['Mainz, the capital of Rhineland-Palatinate in Germany, is on the Rhine.', [['Mainz', 'capital_of', 'Rheinland-Pfalz']]],
  ])('%s', (text, expected) => {
    expect(placements(text, 'en')).toEqual(expected);
  });

  it('does not resolve a misspelling without a designator, nor a capital of another country', () => {
    expect(placements('Zhuhai und Guandong sind Partner.')).toEqual([]);
    expect(placements('Dresden, die Hauptstadt der Provinz Sichuan, lädt ein.')).toEqual([]);
  });
});
