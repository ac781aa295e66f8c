import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const attributes = (text: string, language: 'de' | 'en' = 'de') =>
  ofKind(extract(gazetteer, text, { published: '2020-01-01', language }), 'city_attribute').map(({ city, attribute, value }) => [city, attribute, value]);

describe('city attributes', () => {
  it.each([
    ['Dongguan (Provinz Guangdong)', [['Dongguan', 'province', 'Guangdong']]],
    ['Wir besuchten Weifang in der Provinz Shandong.', [['Weifang', 'province', 'Shandong']]],
    ['Taizhou ist der Verkehrsknotenpunkt der Provinz Zhejiang.', [['Taizhou', 'province', 'Zhejiang']]],
    ['Düsseldorf, die Hauptstadt von Nordrhein-Westfalen, glänzt.', [['Düsseldorf', 'capital_of', 'Nordrhein-Westfalen']]],
    ['Wuppertal pflegt Beziehungen zu Qingdao, der Hauptstadt der Provinz Guangdong.', [['Qingdao', 'capital_of', 'Guangdong']]],
    ['Bao’an (Bezirk der Stadt Shenzhen) unterzeichnete.', [["Bao'an", 'district_of', 'Shenzhen']]],
    ['Die Stadt Jiaozuo liegt in der Provinz Henan, etwa 100 Kilometer von der Provinzhauptstadt Zhengzhou entfernt.', [['Jiaozuo', 'province', 'Henan'], ['Zhengzhou', 'capital_of', 'Henan']]],
    ['Kaiserslautern ist nach Mainz und Ludwigshafen die drittgrößte Stadt in Rheinland-Pfalz.', [['Kaiserslautern', 'state', 'Rheinland-Pfalz']]],
    ['Foshan ist eine Industriestadt. Die Stadt mit 9,6 Mio. Einwohnern liegt im Perlflussdelta.', [['Foshan', 'population', 9600000]]],
    ['Ulm hat rund 126.000 Einwohner.', [['Ulm', 'population', 126000]]],
  ])('%s', (text, expected) => {
    expect(attributes(text)).toEqual(expected);
  });

  it.each([
    ['Hefei, capital of Anhui Province, hosted the forum.', [['Hefei', 'capital_of', 'Anhui']]],
    ['Shenzhen, in Guangdong Province, is a hub.', [['Shenzhen', 'province', 'Guangdong']]],
    ['Jiangmen, a prefecture-level city in Guangdong with a population of about 4.5 million, signed.', [['Jiangmen', 'province', 'Guangdong'], ['Jiangmen', 'population', 4500000]]],
    ['With about 1.1 million inhabitants, Cologne is the largest city in North Rhine-Westphalia.', [['Köln', 'state', 'Nordrhein-Westfalen'], ['Köln', 'population', 1100000]]],
    ["Bao'an District of Shenzhen was admitted.", [["Bao'an", 'district_of', 'Shenzhen']]],
  ])('%s', (text, expected) => {
    expect(attributes(text, 'en')).toEqual(expected);
  });

  it('reports what the text says even when it is wrong', () => {
    expect(attributes('Qingdao (Provinz Shandong) ist nicht Qingdao, der Hauptstadt der Provinz Guangdong.')).toContainEqual(['Qingdao', 'capital_of', 'Guangdong']);
  });

  it('takes no population from employees or visitors', () => {
    expect(attributes('Der größte Arbeitgeber in Ingolstadt beschäftigt rund 44.000 Menschen. Allein am Flughafen Frankfurt arbeiten 80.000 Menschen.')).toEqual([]);
  });
});
