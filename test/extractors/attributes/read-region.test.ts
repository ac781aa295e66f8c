import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const regions = (text: string, language: 'de' | 'en' = 'de') =>
  ofKind(extract(gazetteer, text, { published: '2020-01-01', language }), 'city_attribute')
    .filter((c) => c.attribute === 'region')
    .map(({ city, value }) => [city, value]);

describe('regions, canonical so sources compare', () => {
  it.each([
    ['Harbin liegt im Nordosten Chinas und ist kalt.', [['Harbin', 'Nordostchina']]],
    ['Die Delegation besuchte Xiamen im Südosten Chinas.', [['Xiamen', 'Südostchina']]],
    ['Kunming liegt im Südwesten der Volksrepublik.', [['Kunming', 'Südwestchina']]],
    ['Zhuhai, gelegen im südchinesischen Perlflussdelta, wächst schnell.', [['Zhuhai', 'Perlflussdelta']]],
    ['Wuxi, im Jangtsedelta nahe Shanghai, ist Partner.', [['Wuxi', 'Jangtse-Delta']]],
    ['Die Provinz Fujian befindet sich in Südostchina.', [['Fujian', 'Südostchina']]],
    // An adjective is a descriptor, before a city noun or a province.
    ['Ulm empfing eine Delegation aus der ostchinesischen Stadt Changzhou.', []],
    ['Changzhou liegt in der ostchinesischen Provinz Jiangsu.', []],
  ])('%s', (text, expected) => {
    expect(regions(text)).toEqual(expected);
  });

  it.each([
    ['Suzhou lies in the Yangtze River Delta.', [['Suzhou', 'Jangtse-Delta']]],
    ['The mayor of the southern Chinese city of Zhuhai visited Ulm.', []],
    ['Dongguan is located in South China.', [['Dongguan', 'Südchina']]],
  ])('%s', (text, expected) => {
    expect(regions(text, 'en')).toEqual(expected);
  });

  it('places no German city and reads no region a text does not name', () => {
    expect(regions('Dresden liegt im Osten Deutschlands.')).toEqual([]);
    expect(regions('Foshan liegt im Westen von Guangzhou.')).toEqual([]);
    expect(regions('In Ostchina und in Jena wird gebaut.')).toEqual([]);
  });
});
