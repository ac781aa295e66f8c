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

  it.each([
    // The gazetteer picks which city talked about an anaphor means: the one in that province, or its capital.
    ['Ulm pflegt Kontakte nach Hefei. Die Stadt liegt in der ostchinesischen Provinz Anhui.', [['Hefei', 'province', 'Anhui']]],
    ['Die Delegation besuchte Jinan. Sie ist die Hauptstadt der chinesischen Provinz Shandong.', [['Jinan', 'capital_of', 'Shandong'], ['Jinan', 'province', 'Shandong']]],
    ['Ulm pflegt Kontakte nach Qingdao und Jinan. Die Stadt ist die Hauptstadt der Provinz Shandong.', [['Jinan', 'capital_of', 'Shandong'], ['Jinan', 'province', 'Shandong']]],
    ['Ulm pflegt Kontakte nach Jinan. Seit 1949 ist sie Hauptstadt und größte Stadt der Provinz Shandong.', [['Jinan', 'capital_of', 'Shandong'], ['Jinan', 'province', 'Shandong']]],
    ['Ulm pflegt Kontakte nach Jinan. Als Hauptstadt der Provinz Shandong ist die Stadt ein Zentrum.', [['Jinan', 'capital_of', 'Shandong'], ['Jinan', 'province', 'Shandong']]],
    ['Ulm pflegt Kontakte nach Laizhou. Sie ist eine kreisfreie Stadt in der ostchinesischen Provinz Shandong.', [['Laizhou', 'province', 'Shandong']]],
    ['Ulm pflegt Kontakte nach Qingdao. Die im Osten Chinas gelegene Hafenstadt gehört zur Provinz Shandong.', [['Qingdao', 'province', 'Shandong']]],
    ['Ulm pflegt Kontakte nach Qingdao. Die Stadt liegt im Süden der Provinz Shandong.', [['Qingdao', 'province', 'Shandong']]],
    ['Ulm pflegt Kontakte nach Qingdao. Die in der Provinz Shandong gelegene Hafenstadt wächst.', [['Qingdao', 'province', 'Shandong']]],
    ['Ulm pflegt Kontakte zur in der Provinz Shandong gelegenen Stadt Qingdao.', [['Qingdao', 'province', 'Shandong']]],
    // A named subject with an insertion before its verb.
    ['Jinan, mit seiner über 2600 Jahre alten Geschichte, ist die Hauptstadt der Provinz Shandong.', [['Jinan', 'capital_of', 'Shandong'], ['Jinan', 'province', 'Shandong']]],
    ['Die Stadt Jinan, ca. 6 Mio. Einwohner, ist die Hauptstadt der Provinz Shandong.', [['Jinan', 'capital_of', 'Shandong'], ['Jinan', 'province', 'Shandong']]],
    // An apposition between dashes, which ends the phrase rules' clause.
    ['Jinan – Hauptstadt der Provinz Shandong – empfing die Gäste.', [['Jinan', 'capital_of', 'Shandong'], ['Jinan', 'province', 'Shandong']]],
    // The province first, its capital after it.
    ['Die ostchinesische Provinz Shandong mit ihrer Hauptstadt Jinan ist Partner.', [['Jinan', 'capital_of', 'Shandong'], ['Jinan', 'province', 'Shandong']]],
    ['Ulm pflegt Kontakte nach Qingdao. Die Stadt am Gelben Meer liegt in der Provinz Shandong.', [['Qingdao', 'province', 'Shandong']]],
    ['Ulm pflegt Kontakte nach Qingdao. In der Provinz Shandong gelegen, ist die Stadt ein Hafen.', [['Qingdao', 'province', 'Shandong']]],
    ['Im Osten der Provinz Shandong liegt Weihai.', [['Weihai', 'province', 'Shandong']]],
    ['Ulm pflegt Kontakte nach Hefei. Die Hauptstadt der Provinz Anhui wächst schnell.', [['Hefei', 'capital_of', 'Anhui'], ['Hefei', 'province', 'Anhui']]],
  ])('%s', (text, expected) => {
    expect(placements(text)).toEqual(expected);
  });

  it.each([
    ['Ulm signed with Hefei. The city is the capital of Anhui province.', [['Hefei', 'capital_of', 'Anhui'], ['Hefei', 'province', 'Anhui']]],
    ['Hefei, the capital of east China\'s Anhui province, hosted the talks.', [['Hefei', 'capital_of', 'Anhui'], ['Hefei', 'province', 'Anhui']]],
    ['Ulm signed with Qingdao. It is a coastal city in east China\'s Shandong Province.', [['Qingdao', 'province', 'Shandong']]],
    ['Ulm signed with Qingdao. The city lies in the east of Shandong province.', [['Qingdao', 'province', 'Shandong']]],
    ['Jinan, Shandong\'s provincial capital, hosted the talks.', [['Jinan', 'capital_of', 'Shandong'], ['Jinan', 'province', 'Shandong']]],
    ['Ulm signed with Jinan. As the capital of Shandong province, the city is a hub.', [['Jinan', 'capital_of', 'Shandong'], ['Jinan', 'province', 'Shandong']]],
  ])('%s', (text, expected) => {
    expect(placements(text, 'en')).toEqual(expected);
  });

  it('reads the capital of a country beside the city that is it, never a former one', () => {
    expect(placements('Die Delegation reiste in die chinesische Hauptstadt Peking.')).toEqual([['Beijing', 'capital_of', 'China']]);
    expect(placements('Das Werk liegt nördlich der Hauptstadt Beijing.')).toEqual([['Beijing', 'capital_of', 'China']]);
    expect(placements('Beijing, the capital of China, hosted the fair.', 'en')).toEqual([['Beijing', 'capital_of', 'China']]);
    expect(placements('Die Gäste kamen in die Bundeshauptstadt Berlin.')).toEqual([['Berlin', 'capital_of', 'Deutschland']]);
  });
});
