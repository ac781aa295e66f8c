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
    ['Wuppertal pflegt Beziehungen zu Qingdao, der Hauptstadt der Provinz Guangdong.', [['Qingdao', 'capital_of', 'Guangdong'], ['Qingdao', 'province', 'Guangdong']]],
    ['Bao’an (Bezirk der Stadt Shenzhen) unterzeichnete.', [["Bao'an", 'district_of', 'Shenzhen']]],
    ['Die Stadt Jiaozuo liegt in der Provinz Henan, etwa 100 Kilometer von der Provinzhauptstadt Zhengzhou entfernt.', [['Jiaozuo', 'province', 'Henan'], ['Zhengzhou', 'capital_of', 'Henan']]],
    ['Kaiserslautern ist nach Mainz und Ludwigshafen die drittgrößte Stadt in Rheinland-Pfalz.', [['Kaiserslautern', 'state', 'Rheinland-Pfalz']]],
    ['Foshan ist eine Industriestadt. Die Stadt mit 9,6 Mio. Einwohnern liegt im Perlflussdelta.', [['Foshan', 'population', 9600000]]],
    ['Ulm hat rund 126.000 Einwohner.', [['Ulm', 'population', 126000]]],
    // A province that shares its name with a district elsewhere ("Hebei") stays a province after "Provinz".
    ['Die Delegation kam aus der Industriestadt Tangshan in der Provinz Hebei.', [['Tangshan', 'province', 'Hebei']]],
    // A district with its city in a bracket, as member pages print it.
    ['Members: Foshan, Nansha District (Guangzhou) and Weihai.', [['Nansha', 'district_of', 'Guangzhou']]],
  ])('%s', (text, expected) => {
    expect(attributes(text)).toEqual(expected);
  });

  it.each([
    ['Hefei, capital of Anhui Province, hosted the forum.', [['Hefei', 'capital_of', 'Anhui'], ['Hefei', 'province', 'Anhui']]],
    ['Shenzhen, in Guangdong Province, is a hub.', [['Shenzhen', 'province', 'Guangdong']]],
    ['Jiangmen, a prefecture-level city in Guangdong with a population of about 4.5 million, signed.', [['Jiangmen', 'province', 'Guangdong'], ['Jiangmen', 'population', 4500000]]],
    ['With about 1.1 million inhabitants, Cologne is the largest city in North Rhine-Westphalia.', [['Köln', 'state', 'Nordrhein-Westfalen'], ['Köln', 'population', 1100000]]],
    ["Bao'an District of Shenzhen was admitted.", [["Bao'an", 'district_of', 'Shenzhen']]],
  ])('%s', (text, expected) => {
    expect(attributes(text, 'en')).toEqual(expected);
  });

  describe('province and state phrases', () => {
    it.each([
      // A locative phrase attached to an object city is that city's, and never crosses countries.
      ['Bochum unterhält seit 1994 eine Partnerschaft mit Weifang in der ostchinesischen Provinz Shandong.', [['Weifang', 'province', 'Shandong']]],
      ['Köln und Dortmund in Nordrhein-Westfalen gehören dazu.', [['Dortmund', 'state', 'Nordrhein-Westfalen'], ['Köln', 'state', 'Nordrhein-Westfalen']]],
      ['Beteiligt sind Wuhu und Hefei (beide Anhui) sowie Ulm.', [['Hefei', 'province', 'Anhui'], ['Wuhu', 'province', 'Anhui']]],
      ['Zhuzhou, eine Industriestadt mit gut vier Millionen Einwohnern in der zentralchinesischen Provinz Hunan, stellte sich vor.', [['Zhuzhou', 'province', 'Hunan'], ['Zhuzhou', 'population', 4000000]]],
      ['Das Werk steht in Schwerte, der Stadt im Kreis Unna.', []],
    ])('%s', (text, expected) => {
      expect(attributes(text)).toEqual(expected);
    });

    it.each([
      ['Delegates met in the city of Wuhan in central China\'s Hubei Province on Monday.', [['Wuhan', 'province', 'Hubei']]],
      ['Kunshan, a county-level city under Suzhou in east China\'s Jiangsu Province, signed the deal.', [['Kunshan', 'province', 'Jiangsu']]],
      ['Ties go back to 1998, when it was twinned with Jena in the German state of Thuringia.', [['Jena', 'state', 'Thüringen']]],
      ['Officials hope it will help the Guangdong city of Zhaoqing grow.', [['Zhaoqing', 'province', 'Guangdong']]],
      ['Erfurt, in the state of Thuringia, joined.', [['Erfurt', 'state', 'Thüringen']]],
    ])('%s', (text, expected) => {
      expect(attributes(text, 'en')).toEqual(expected);
    });

    it('places a city through "die größte Stadt" of a Land, also said of the city talked about', () => {
      expect(attributes('Erfurt ist die größte Stadt Thüringens.')).toEqual([['Erfurt', 'state', 'Thüringen']]);
      expect(attributes('Erfurt unterzeichnete die Vereinbarung. Für die bevölkerungsreichste Stadt Thüringens ist es die erste.')).toEqual([['Erfurt', 'state', 'Thüringen']]);
      // A comparison places nothing.
      expect(attributes('In Jena arbeiten mehr Menschen in der Optik als in jeder anderen Stadt Thüringens.')).toEqual([]);
    });
  });

  describe('districts', () => {
    it.each([
      ['Shunde, one of Foshan\'s five districts, is home to many appliance makers.', [['Shunde', 'district_of', 'Foshan']]],
      ['Huangpu District, Guangzhou (Guangdong Province)', [['Huangpu', 'district_of', 'Guangzhou'], ['Guangzhou', 'province', 'Guangdong']]],
    ])('%s', (text, expected) => {
      expect(attributes(text, 'en')).toEqual(expected);
    });

    it('reads a district with its city in the genitive', () => {
      expect(attributes('Ulm und der Bezirk Pudong der Metropole Shanghai vereinbarten einen Austausch.')).toContainEqual(['Pudong', 'district_of', 'Shanghai']);
    });
  });

  describe('populations', () => {
    it.each([
      ['Hamm liegt im Osten des Ruhrgebiets. Für die Stadt mit ihren rund 180.000 Einwohnern ist das ein Gewinn.', [['Hamm', 'population', 180000]]],
      ['Der Rat von Esslingen stimmte zu. Die Große Kreisstadt mit etwa 95.000 Einwohnern will profitieren.', [['Esslingen', 'population', 95000]]],
      ['Luoyang, eine Stadt mit knapp sieben Millionen Einwohnern, liegt am Gelben Fluss.', [['Luoyang', 'population', 7000000]]],
      ['Weifang, a city of some nine million people, signed.', [['Weifang', 'population', 9000000]]],
    ])('%s', (text, expected) => {
      expect(attributes(text, /city of/u.test(text) ? 'en' : 'de')).toEqual(expected);
    });
  });

  it('reports what the text says even when it is wrong', () => {
    expect(attributes('Qingdao (Provinz Shandong) ist nicht Qingdao, der Hauptstadt der Provinz Guangdong.')).toContainEqual(['Qingdao', 'capital_of', 'Guangdong']);
  });

  it('takes no population from employees or visitors', () => {
    expect(attributes('Der größte Arbeitgeber in Ingolstadt beschäftigt rund 44.000 Menschen. Allein am Flughafen Frankfurt arbeiten 80.000 Menschen.')).toEqual([]);
  });

  it('reads a Land as an adjective before the city noun, "in the Saarland" and an autonomous region', () => {
    expect(attributes('Neu dabei ist die sächsische Stadt Zwickau.')).toEqual([['Zwickau', 'state', 'Sachsen']]);
    expect(attributes('The delegation met the mayor of the Bavarian city of Ingolstadt.', 'en')).toEqual([['Ingolstadt', 'state', 'Bayern']]);
    expect(attributes('Neunkirchen in the Saarland joined too.', 'en')).toEqual([['Neunkirchen', 'state', 'Saarland']]);
    expect(attributes('Nanning and Liuzhou in the Guangxi Zhuang Autonomous Region joined.', 'en')).toEqual([['Liuzhou', 'province', 'Guangxi'], ['Nanning', 'province', 'Guangxi']]);
    // An adjective that names no Land, or a Land of the other country, places nothing.
    expect(attributes('Die traditionsreiche Stadt Zwickau wächst.')).toEqual([]);
    expect(attributes('Die sächsische Stadt Wuhu ist gemeint.')).toEqual([]);
  });

  it('reads the Land a part of which holds the city talked about, with its compound noun', () => {
    expect(attributes('Eisenach – Die Wartburgstadt im Westen Thüringens (rund 42.000 Einwohner) wirbt um Firmen.')).toEqual([['Eisenach', 'population', 42000], ['Eisenach', 'state', 'Thüringen']]);
  });

  it('reads the Land of a predicate noun phrase ("die zweite sächsische Stadt", "als erstes Mitglied aus dem Saarland") for the city it describes', () => {
    expect(attributes('Nach Köln und Bonn ist Jena die dritte thüringische Stadt im Netzwerk.')).toEqual([['Jena', 'state', 'Thüringen']]);
    expect(attributes('Der Landkreis Esslingen ist der erste baden-württembergische Landkreis in der Allianz.')).toEqual([['Landkreis Esslingen', 'state', 'Baden-Württemberg']]);
    expect(attributes('Zwickau – Die Stadt wurde aufgenommen, als erstes Mitglied aus Sachsen.')).toEqual([['Zwickau', 'state', 'Sachsen']]);
    // A copula whose subject is no known city describes none of the cities before it.
    expect(attributes('Nach Jena und Gera ist Musterhausen die dritte thüringische Kommune im Netzwerk.')).toEqual([]);
  });

  it('reads a part of a province, a leading "Home to", and keeps an item\'s own descriptor out of a shared phrase', () => {
    expect(attributes('Weifang, an industrial base in central Shandong, joined.', 'en')).toEqual([['Weifang', 'province', 'Shandong']]);
    expect(attributes('Home to about 8.9 million residents, Weifang joined the alliance.', 'en')).toEqual([['Weifang', 'population', 8900000]]);
    expect(attributes('New are the Hunan city of Zhuzhou, Wuhu in southern Anhui and Jena.', 'en')).toEqual([['Zhuzhou', 'province', 'Hunan'], ['Wuhu', 'province', 'Anhui']]);
  });

  it('gives "der Kreis mit seinen … Einwohnern" to the Kreis the release is by, other parts counted before the population', () => {
    expect(attributes('Kreis Kleve – Der Kreistag stimmte zu. Für den Kreis mit seinen 16 Kommunen und rund 310.000 Einwohnern ist das ein Schritt.')).toEqual([['Kreis Kleve', 'population', 310000]]);
    // A town is no Kreis: without a Kreis to refer to, the population stays unassigned.
    expect(attributes('Jena – Der Rat stimmte zu. Der Landkreis mit seinen rund 80.000 Einwohnern zieht nach.')).toEqual([]);
  });

  it('reads "Die Stadt" opening a paragraph as the release\'s city when the paragraph before names it beside a partner', () => {
    const text = 'Jena – Jena ist neues Mitglied der Allianz.\n\nAm Rande unterzeichneten Jena und Wuhu einen Vertrag. Wuhu schickt Schüler.\n\nDie Stadt mit rund 110.000 Einwohnern ist Sitz der Optikindustrie.';
    expect(attributes(text)).toEqual([['Jena', 'population', 110000]]);
    // Within a paragraph the city named last is still the antecedent.
    expect(attributes('Jena – Jena ist neues Mitglied der Allianz.\n\nZu Gast war Gera. Die Stadt mit rund 93.000 Einwohnern liegt nah.')).toEqual([['Gera', 'population', 93000]]);
  });

  it('reads the province of a provincial capital from the bracket after it', () => {
    expect(attributes('Eine Delegation reiste in die Provinzhauptstadt Hefei (Anhui).')).toContainEqual(['Hefei', 'capital_of', 'Anhui']);
    // A bracket naming no province leaves the province named before.
    expect(attributes('In der Provinz Anhui besuchte sie die Provinzhauptstadt Hefei (9 Mio.).')).toContainEqual(['Hefei', 'capital_of', 'Anhui']);
  });
});
