import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const populations = (text: string, language: 'de' | 'en' = 'de') =>
  ofKind(extract(gazetteer, text, { published: '2020-01-01', language }), 'city_attribute')
    .filter((c) => c.attribute === 'population')
    .map(({ city, value, qualifier }) => [city, value, qualifier]);

describe('populations in every written form', () => {
  it.each([
    ['Wuhan hat 8,16 Millionen Einwohner.', [['Wuhan', 8160000, 'exact']]],
    // A comparison that leaves the noun out, after a population stated just before.
    ['Rund 600 000 Menschen leben in Ulm. Im Landkreis Böblingen sind es etwa 390 000.', [['Ulm', 600000, 'about'], ['Landkreis Böblingen', 390000, 'about']]],
    ['Hefei hat über 8 Mio. Einwohner.', [['Hefei', 8000000, 'more_than']]],
    ['Changsha hat etwa 8 Mio Einwohner und wächst.', [['Changsha', 8000000, 'about']]],
    // Spaced thousands, as some papers print them.
    ['Rund 430 000 Menschen leben in Augsburg.', [['Augsburg', 430000, 'about']]],
    ['In Heilbronn leben knapp 130.000 Menschen.', [['Heilbronn', 130000, 'less_than']]],
    // The number glued to its qualifier.
    ['Mit ca.12 Millionen Einwohnern ist Chengdu ein Zentrum des Westens.', [['Chengdu', 12000000, 'about']]],
    // Compound nouns: digits or a number word before "-Millionen-".
    ['Die Sieben-Millionen-Stadt Hefei wirbt um Investoren.', [['Hefei', 7000000, 'exact']]],
    ['Eine Delegation aus der 6,5-Millionen-Stadt Xuzhou war zu Gast.', [['Xuzhou', 6500000, 'exact']]],
    // A participle ties the population to the name or noun after it.
    ['Das rund 9 Mio. Einwohner zählende Suzhou liegt nahe Shanghai.', [['Suzhou', 9000000, 'about']]],
    ['Ulm besuchte die mittlerweile 11 Millionen Einwohner zählende Metropole Wuhan.', [['Wuhan', 11000000, 'exact']]],
    ['Wuxi stellte sich vor. Die über sechs Millionen Einwohner zählende Stadt setzt auf Technik.', [['Wuxi', 6000000, 'more_than']]],
    // A population noun before its number.
    ['Die Stadt Linyi verfügt über eine Einwohnerzahl von mehr als 11 Millionen.', [['Linyi', 11000000, 'more_than']]],
  ])('%s', (text, expected) => {
    expect(populations(text)).toEqual(expected);
  });

  it.each([
    ['Suzhou, a city of some 10.7 million residents, signed the agreement.', [['Suzhou', 10700000, 'about']]],
    ['Chengdu has a population of over 16 million.', [['Chengdu', 16000000, 'more_than']]],
    ['With more than 12 million inhabitants, Guangzhou is a major hub.', [['Guangzhou', 12000000, 'more_than']]],
  ])('%s', (text, expected) => {
    expect(populations(text, 'en')).toEqual(expected);
  });

  it('gives a compound or anaphoric noun to the city talked about before, never to the sentence\'s own subject', () => {
    expect(populations('Die Delegation reiste nach Hefei. Die Acht-Millionen-Stadt ist Hauptstadt von Anhui.')).toEqual([['Hefei', 8000000, 'exact']]);
    expect(populations('Die Reise führte nach Wuhan. Erfurt schenkte der Elf-Millionen-Metropole einen Park.')).toEqual([['Wuhan', 11000000, 'exact']]);
    expect(populations('Die Delegation besuchte Jinan. In der Hauptstadt selbst leben rund 4 Mio. Einwohner.')).toEqual([['Jinan', 4000000, 'about']]);
  });

  it('reads a noun followed by its name as that city, not as an anaphor', () => {
    expect(populations('Ulm grüßt Wuxi. Die Stadt Wuhu ist eine Metropole mit rund 3,6 Millionen Einwohnern.')).toEqual([['Wuhu', 3600000, 'about']]);
  });
});
