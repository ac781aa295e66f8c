import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const lists = (text: string, published: string | null = null, language: 'de' | 'en' = 'de') => ofKind(extract(gazetteer, text, { published, language }), 'member_list');
const names = (text: string, published: string | null = null, language: 'de' | 'en' = 'de') =>
  lists(text, published, language).map((l) => ({ country: l.country, scope: l.scope, statedCount: l.statedCount, members: l.members.map((m) => m.name) }));

describe('member lists', () => {
  it('reads a bracket after a count', () => {
    expect(names('Der ISA gehören heute zwölf deutsche Städte (Aachen, Bottrop, Hagen, Ingolstadt, Köln, Mainz, Nürnberg, Pforzheim, Solingen, Wuppertal, Heilbronn und Kaiserslautern) an.')).toEqual([
      { country: 'DE', scope: 'current', statedCount: 12, members: ['Aachen', 'Bottrop', 'Hagen', 'Ingolstadt', 'Köln', 'Mainz', 'Nürnberg', 'Pforzheim', 'Solingen', 'Wuppertal', 'Heilbronn', 'Kaiserslautern'] },
    ]);
  });

  it('gives each bracket to the number before it when the noun is shared', () => {
    const text = 'Die Industriestädteallianz wurde 2016 mit zehn chinesischen (Foshan, Jiangmen, Zhuzhou, Zhaoqing, Jieyang, Yunfu, Jiaozuo, Nanning, Guiyang, Liuzhou) und sechs deutschen Kommunen (Aachen, Köln, Wuppertal, Ingolstadt, Raunheim, Nürnberg) gegründet.';
    expect(names(text).map((l) => [l.country, l.scope, l.statedCount, l.members.length])).toEqual([['CN', 'founding', 10, 10], ['DE', 'founding', 6, 6]]);
  });

  it('reads a colon list over a line break and takes its count from the sentence before', () => {
    const text = 'Die ISA wächst. Auf deutscher Seite zählt die Allianz nun 5 Mitglieder. Die deutschen ISA-Mitgliedsstädte sind: Aachen, Bottrop,\nHeilbronn, Region Schwarzwald (Lahr und Freiburg) und das Städtenetzwerk „Drei gewinnt“ mit Rüsselsheim/Raunheim/Kelsterbach.';
    const [list] = lists(text);
    expect(list).toMatchObject({ country: 'DE', statedCount: 5 });
    // One member per municipality; the region and the network each stay recognisable as one member by their group.
    expect(list?.members.map((m) => [m.name, m.group ?? null])).toEqual([
      ['Aachen', null], ['Bottrop', null], ['Heilbronn', null], ['Lahr', 'Schwarzwald'], ['Freiburg', 'Schwarzwald'],
      ['Rüsselsheim', 'Drei gewinnt'], ['Raunheim', 'Drei gewinnt'], ['Kelsterbach', 'Drei gewinnt'],
    ]);
  });

  it('keeps a misspelt member with the suggestion as its name and the text as raw', () => {
    const [list] = lists('Die ISA wächst. Mittlerweile gehören der Allianz 4 chinesische Städte (Foshan, Zhuzhouan, Ma’anshan, Bezirk Bao’an) an.');
    expect(list?.members).toEqual([
      { name: 'Foshan', raw: 'Foshan', resolved: true },
      { name: 'Zhuzhou', raw: 'Zhuzhouan', resolved: false, suggestion: 'Zhuzhou' },
      { name: "Ma'anshan", raw: 'Ma’anshan', resolved: true },
      { name: "Bao'an", raw: 'Bezirk Bao’an', resolved: true },
    ]);
  });

  it('reads "members include" lists in English and stops where names stop', () => {
    expect(names('The Sino-German Industrial Cities Alliance keeps growing. Its founding members include Foshan, Jiangmen and Guiyang, which signed the charter in Hanover.', '2019-01-01', 'en')).toEqual([
      { country: 'CN', scope: 'founding', statedCount: null, members: ['Foshan', 'Jiangmen', 'Guiyang'] },
    ]);
  });

  it('splits the subjects of an admission by country', () => {
    const text = 'Die Industriestädteallianz nahm die Städte Hagen, Solingen und Pforzheim sowie aus China die Städte Weifang und Changzhou neu auf.';
    expect(names(text).map((l) => [l.country, l.scope, l.members])).toEqual([['DE', 'event', ['Hagen', 'Solingen', 'Pforzheim']], ['CN', 'event', ['Weifang', 'Changzhou']]]);
  });

  it('reads a list fronted with a repeated "mit" before its count, and gives the count the list\'s country', () => {
    const text = 'Im Jahr 2018 ist die Industriestädteallianz gewachsen. Mit Bochum, mit der Region Ostalb mit Aalen und Heidenheim, mit Stadt und Landkreis Kassel sowie mit Ulm und Erfurt hat die Allianz fünf neue Mitglieder gewonnen.';
    const found = extract(gazetteer, text, { published: '2018-12-01' });
    expect(ofKind(found, 'member_list').map((l) => [l.country, l.scope, l.statedCount, l.members.map((m) => m.name)])).toEqual([
      ['DE', 'event', 5, ['Bochum', 'Aalen', 'Heidenheim an der Brenz', 'Kassel', 'Ulm', 'Erfurt']],
    ]);
    expect(ofKind(found, 'member_count').map((c) => [c.country, c.count, c.scope])).toEqual([['DE', 5, 'event']]);
  });

  it('splits one enumeration of both countries by the gazetteer and sizes each side by its own count', () => {
    const text = 'Der Industriestädteallianz gehören 3 deutsche und 2 chinesische Städte an. Mitglieder sind: Bochum, Foshan, Ulm, Wuhu und Erfurt.';
    expect(names(text, '2019-03-01')).toEqual([
      { country: 'DE', scope: 'current', statedCount: 3, members: ['Bochum', 'Ulm', 'Erfurt'] },
      { country: 'CN', scope: 'current', statedCount: 2, members: ['Foshan', 'Wuhu'] },
    ]);
  });

  it('reads no fronted list without a member count after it', () => {
    expect(lists('Die Industriestädteallianz tagt. Mit Bochum, mit Ulm und mit Erfurt hat die Delegation Gespräche geführt.')).toEqual([]);
  });

  it('does not read a bracket of other things as a list', () => {
    expect(lists('Die Datenbank der ISA zeigt Eckdaten (Städteeigenschaften, industrielle Vorteile, Projekte) der Mitgliedsstädte.')).toEqual([]);
  });

  it('reads what a verb admitted after it as one enumeration across countries, subjects before it per country', () => {
    const after = 'Bei der Plenarversammlung der Industriestädteallianz im April 2018 wurden aufgenommen die Städte Jena und Gera sowie Wuhu und Yantai.';
    expect(names(after).map((l) => [l.country, l.members])).toEqual([[null, ['Jena', 'Gera', 'Wuhu', 'Yantai']]]);
    const subjects = 'Jena, Gera, Wuhu und Yantai wurden im April 2018 in die Industriestädteallianz aufgenommen.';
    expect(names(subjects).map((l) => [l.country, l.members])).toEqual([['DE', ['Jena', 'Gera']], ['CN', ['Wuhu', 'Yantai']]]);
  });

  it('lets a plural district noun reach every item it coordinates, until an item brings its own noun', () => {
    const text = 'Die Industriestädteallianz begrüßte drei neue Mitglieder: die Landkreise Esslingen und Göppingen sowie die Stadt Heilbronn.';
    expect(names(text).map((l) => l.members)).toEqual([['Landkreis Esslingen', 'Landkreis Göppingen', 'Heilbronn']]);
    expect(ofKind(extract(gazetteer, text, { published: null, language: 'de' }), 'membership_event').map((e) => e.city)).toEqual(['Landkreis Esslingen', 'Landkreis Göppingen', 'Heilbronn']);
    const en = 'The Industrial Cities Alliance admitted three new members: the districts of Kleve and Wesel and the city of Wuhu.';
    expect(names(en, null, 'en').flatMap((l) => l.members)).toEqual(['Kreis Kleve', 'Kreis Wesel', 'Wuhu']);
  });

  it('reads examples as a list no count sizes, one list across countries, each example joined', () => {
    expect(names('Neu in der ISA sind unter anderem Köln und Bottrop.')).toEqual([{ country: 'DE', scope: 'event', statedCount: null, members: ['Köln', 'Bottrop'] }]);
    const text = 'Die Industriestädteallianz hat vier weitere Städte aufgenommen, darunter die sächsische Stadt Zwickau sowie Wuhu in der Provinz Anhui und Yantai in der Provinz Shandong.';
    expect(names(text)).toEqual([{ country: null, scope: 'event', statedCount: null, members: ['Zwickau', 'Wuhu', 'Yantai'] }]);
    expect(ofKind(extract(gazetteer, text, { published: null, language: 'de' }), 'membership_event').map((e) => [e.city, e.event])).toEqual([['Zwickau', 'joined'], ['Wuhu', 'joined'], ['Yantai', 'joined']]);
    const besides = 'Die Industriestädteallianz hat heute rund 70 Mitglieder. Zu den Mitgliedern zählen neben Zwickau unter anderem Jena und Gera aus den neuen Ländern sowie Wuhu und Yantai.';
    expect(names(besides)).toEqual([{ country: null, scope: 'current', statedCount: null, members: ['Zwickau', 'Jena', 'Gera', 'Wuhu', 'Yantai'] }]);
    const region = 'Zu den Mitgliedern der Industriestädteallianz zählen Jena und Gera aus den neuen Ländern sowie Mainz.';
    expect(names(region)).toEqual([{ country: 'DE', scope: 'current', statedCount: null, members: ['Jena', 'Gera', 'Mainz'] }]);
    const en = 'The ISA counts some 70 members, among them Chemnitz and Jena as well as Wuhu and Yantai.';
    expect(names(en, null, 'en')).toEqual([{ country: null, scope: 'current', statedCount: null, members: ['Chemnitz', 'Jena', 'Wuhu', 'Yantai'] }]);
  });
});
