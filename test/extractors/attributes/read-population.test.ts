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

  it('gives a population said without a name to the city talked about that the gazetteer allows', () => {
    // Ulm (about 126 000) cannot have eight million: the partner named as the object is meant.
    expect(populations('Ulm pflegt Kontakte nach Hefei. Die Stadt hat rund 8 Millionen Einwohner.')).toEqual([['Hefei', 8000000, 'about']]);
    expect(populations('Ulm pflegt Kontakte nach Hefei. Heute zählt die Hafenstadt 8,1 Mio. Einwohner.')).toEqual([['Hefei', 8100000, 'exact']]);
    expect(populations('Ulm pflegt Kontakte nach Hefei. Mit rund 8 Millionen Einwohnern ist die Stadt ein Zentrum.')).toEqual([['Hefei', 8000000, 'about']]);
    expect(populations('Ulm pflegt Kontakte nach Hefei. Die Einwohnerzahl liegt bei 8 Millionen.')).toEqual([['Hefei', 8000000, 'exact']]);
    expect(populations('Ulm pflegt Kontakte nach Hefei. Insgesamt leben hier rund 8 Millionen Menschen.')).toEqual([['Hefei', 8000000, 'about']]);
    expect(populations('Ulm pflegt Kontakte nach Hefei. Über 8 Millionen Menschen leben in der Metropole.')).toEqual([['Hefei', 8000000, 'more_than']]);
    expect(populations('Ulm pflegt Kontakte nach Hefei. Rund 8 Millionen Einwohner hat die Stadt.')).toEqual([['Hefei', 8000000, 'about']]);
    expect(populations('Ulm pflegt Kontakte nach Hefei. Im Großraum leben knapp 9 Millionen Menschen.')).toEqual([['Hefei', 9000000, 'less_than']]);
    expect(populations('Ulm pflegt Kontakte nach Hefei. Fläche: 11.400 km², Einwohner: 9,4 Mio.')).toEqual([['Hefei', 9400000, 'exact']]);
    expect(populations('Ulm signed with Hefei. Located in Anhui province, the city has 8 million people.', 'en')).toEqual([['Hefei', 8000000, 'exact']]);
    expect(populations('Ulm signed with Hefei. Population: 9.4 million.', 'en')).toEqual([['Hefei', 9400000, 'exact']]);
  });

  it('reads a clause opened after a city as about that city, and a population after a province as the province\'s', () => {
    expect(populations('Ulm pflegt Kontakte nach Qingdao, in deren Großraum knapp 7 Millionen Einwohner leben.')).toEqual([['Qingdao', 7000000, 'less_than']]);
    expect(populations('Ulm signed with Hefei, whose population exceeds 9 million.', 'en')).toEqual([['Hefei', 9000000, 'exact']]);
    expect(populations('Hefei liegt in der Provinz Anhui, die 60 Millionen Einwohner hat.')).toEqual([]);
    expect(populations('Hefei liegt in der Provinz Anhui mit 60 Millionen Einwohnern.')).toEqual([]);
    // A province named inside the city's appositive leaves the population with the city.
    expect(populations('Wuhu, a prefecture-level city in Anhui Province with a population of about 3.7 million, signed.', 'en')).toEqual([['Wuhu', 3700000, 'about']]);
    expect(populations('Wuhu is a port city in Anhui Province with a population of about 3.7 million.', 'en')).toEqual([['Wuhu', 3700000, 'about']]);
  });

  it('reads a second place whose noun is left out, a city of N million and a bracketed figure', () => {
    expect(populations('Ulm hat 126.000 Einwohner, Qingdao rund 9 Millionen.')).toEqual([['Ulm', 126000, 'exact'], ['Qingdao', 9000000, 'about']]);
    expect(populations('Ulm has 126,000 inhabitants and Qingdao about 9 million.', 'en')).toEqual([['Ulm', 126000, 'exact'], ['Qingdao', 9000000, 'about']]);
    expect(populations('Qingdao, a city of 9 million in Shandong, signed.', 'en')).toEqual([['Qingdao', 9000000, 'exact']]);
    expect(populations('Qingdao (pop. 9 million) signed.', 'en')).toEqual([['Qingdao', 9000000, 'exact']]);
    expect(populations('Qingdao (Einw.: 9 Mio.) unterzeichnete.')).toEqual([['Qingdao', 9000000, 'exact']]);
    // The gapped number must stand alone: money, a year or a count of other things is no population.
    expect(populations('Ulm hat 126.000 Einwohner, Qingdao rund 9 Millionen Euro Umsatz.')).toEqual([['Ulm', 126000, 'exact']]);
    expect(populations('Ulm hat 126.000 Einwohner, Qingdao hat 15 Partnerstädte.')).toEqual([['Ulm', 126000, 'exact']]);
    expect(populations('Qingdao, a city of 9 million euros in debt, signed.', 'en')).toEqual([]);
  });

  it('reads a second figure for the same city, its metropolitan area or its core, with the noun left out', () => {
    expect(populations('Qingdao hat 9 Millionen Einwohner, im Großraum leben 10 Millionen.')).toEqual([['Qingdao', 10000000, 'exact'], ['Qingdao', 9000000, 'exact']]);
    expect(populations('Qingdao hat rund 9 Millionen Einwohner, davon rund 4 Millionen in der Kernstadt.')).toEqual([['Qingdao', 4000000, 'about'], ['Qingdao', 9000000, 'about']]);
    expect(populations('Qingdao has a population of 9 million, with 4 million in the urban area.', 'en')).toEqual([['Qingdao', 4000000, 'exact'], ['Qingdao', 9000000, 'exact']]);
    // Other things counted after the population are no second figure.
    expect(populations('Qingdao hat 9 Millionen Einwohner, davon 2 Millionen Studenten.')).toEqual([['Qingdao', 9000000, 'exact']]);
    expect(populations('Qingdao hat 9 Millionen Einwohner, im Umland arbeiten 500 Firmen.')).toEqual([['Qingdao', 9000000, 'exact']]);
  });
});
