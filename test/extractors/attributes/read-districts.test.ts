import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const districts = (text: string, language: 'de' | 'en' = 'de') =>
  ofKind(extract(gazetteer, text, { published: '2020-01-01', language }), 'city_attribute')
    .filter((c) => c.attribute === 'district_of')
    .map(({ city, value }) => [city, value]);

describe('districts and administrative areas', () => {
  it.each([
    // A district the gazetteer does not know keeps its written name.
    ['Xiacheng ist ein Stadtbezirk von Hangzhou.', [['Xiacheng', 'Hangzhou']]],
    ['Ulm kooperiert mit dem Bezirk Steglitz-Zehlendorf der Stadt Berlin.', [['Steglitz-Zehlendorf', 'Berlin']]],
    ['Geplant ist ein Netzwerk mit den Stadtbezirken Hangzhou-Xiacheng und Chengdu-Jintang.', [['Xiacheng', 'Hangzhou'], ['Jintang', 'Chengdu']]],
    ['Pingdu, eine kreisfreie Stadt in Shandong, gehört zum Verwaltungsgebiet der Stadt Qingdao.', [['Pingdu', 'Qingdao']]],
    ['Zhangjiagang, eine kreisfreie Stadt im Verwaltungsgebiet von Suzhou, war Gastgeber.', [['Zhangjiagang', 'Suzhou']]],
  ])('%s', (text, expected) => {
    expect(districts(text)).toEqual(expected);
  });

  it('reads no district from a compound without a district noun, nor from a pronoun', () => {
    expect(districts('Die Chengdu-Reise und die Hangzhou-Delegation waren ein Erfolg.')).toEqual([]);
    expect(districts('Das ist ein Bezirk von Hangzhou.')).toEqual([]);
  });
});
