/**
 * The place-run fallback: any run of places joined by list punctuation in a sentence about an
 * alliance's members is a member list, whatever frame surrounds it; runs for other reasons are not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';
import { PLACE_RUN_NEGATIVE_CASES } from '../lists/place-run-negative-cases.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const claims = (text: string, language: 'de' | 'en' = 'de') => extract(gazetteer, text, { published: '2022-06-01', language });
const lists = (text: string, language: 'de' | 'en' = 'de') =>
  ofKind(claims(text, language), 'member_list').map((l) => ({ country: l.country, scope: l.scope, statedCount: l.statedCount, members: l.members.map((m) => m.name) }));

describe('runs with "neben" and counted group nouns', () => {
  it('opens the run with the place after "neben" and runs on over "sowie die zwei thüringischen Städte"', () => {
    const text = 'Die Industriestädteallianz ist gegründet. Zu den Gründungsmitgliedern zählen neben Bochum die Städte Herne und Hamm sowie die zwei thüringischen Städte Jena und Erfurt.';
    expect(lists(text)).toEqual([{ country: 'DE', scope: 'founding', statedCount: null, members: ['Bochum', 'Herne', 'Hamm', 'Jena', 'Erfurt'] }]);
  });

  it('reads "besides X the cities of" in English', () => {
    const text = 'The Industrial Cities Alliance was founded in 2016. Its founding members include, besides Foshan, the cities of Jiangmen, Zhaoqing and Yunfu.';
    expect(lists(text, 'en')).toEqual([{ country: 'CN', scope: 'founding', statedCount: null, members: ['Foshan', 'Jiangmen', 'Zhaoqing', 'Yunfu'] }]);
  });
});

describe('member lists from runs of places', () => {
  it('reads places a sentence says are represented, after a sentence about the membership', () => {
    const text = 'Dem Städtebündnis Industriestädteallianz gehören inzwischen 60 Kommunen an. Aus Bayern sind bisher Ingolstadt, Nürnberg und der Landkreis Roth vertreten.';
    expect(lists(text)).toEqual([{ country: 'DE', scope: 'current', statedCount: null, members: ['Ingolstadt', 'Nürnberg', 'Landkreis Roth'] }]);
  });

  it('gives a list restricted to one region no count of the whole country', () => {
    const text = 'Der Industriestädteallianz gehören inzwischen 31 deutsche Städte an. Aus Sachsen sind bisher Chemnitz, Zwickau und Leipzig dabei.';
    expect(lists(text)).toEqual([{ country: 'DE', scope: 'current', statedCount: null, members: ['Chemnitz', 'Zwickau', 'Leipzig'] }]);
  });

  it('gives a list placed in "the rest of" a Land no count of the whole country', () => {
    const text = 'Der Industriestädteallianz gehören derzeit 30 Städte an, zwölf davon in Deutschland. Aus dem Ruhrgebiet ist bislang nur Herne dabei, dazu kommen Jena und Erfurt aus dem übrigen Thüringen.';
    expect(lists(text).map((l) => l.statedCount)).toEqual([null]);
  });

  it('reads an English run whose predicate names the membership at its end', () => {
    const text = 'The Industrial Cities Alliance was set up in 2016. Weifang, Yantai and Dezhou in Shandong province have also been members for years.';
    expect(lists(text, 'en')).toEqual([{ country: 'CN', scope: 'current', statedCount: null, members: ['Weifang', 'Yantai', 'Dezhou'] }]);
  });

  it('lets items carry their province and keeps a partial list unsized', () => {
    const text = 'Die Industriestädteallianz wurde im April 2016 gegründet. Auf chinesischer Seite zählen zwölf Städte zu den Gründern, unter ihnen Weifang in der Provinz Shandong, Wuhu (Anhui) sowie Liuzhou und Nanning im Autonomen Gebiet Guangxi.';
    expect(lists(text).filter((l) => l.country === 'CN')).toEqual([{ country: 'CN', scope: 'founding', statedCount: null, members: ['Weifang', 'Wuhu', 'Liuzhou', 'Nanning'] }]);
  });

  it('reads bullet lines after a lead-in, mixed countries as one list sized by the count before it', () => {
    const text = 'Die Industriestädteallianz hat getagt. Gemeinsam mit Erfurt wurden drei weitere Mitglieder aufgenommen. Neu im Bündnis sind:\n- Weihai, Provinz Shandong\n- Xiangtan, Provinz Hunan\nsowie die Stadt Herne aus Nordrhein-Westfalen.';
    const found = claims(text);
    expect(lists(text)).toContainEqual({ country: null, scope: 'event', statedCount: 3, members: ['Weihai', 'Xiangtan', 'Herne'] });
    expect(ofKind(found, 'membership_event').filter((e) => e.event === 'joined').map((e) => e.city).sort()).toEqual(['Erfurt', 'Herne', 'Weihai', 'Xiangtan']);
  });

  it('splits a run where the text names a new country, and makes admitted members joined events', () => {
    const text = 'The Industrial Cities Alliance met in Hanover. Two more newcomers were welcomed: the Hunan city of Xiangtan, Weihai in Shandong, the German city of Herne and the district of Lippe.';
    const found = claims(text, 'en');
    expect(lists(text, 'en')).toEqual([
      { country: 'CN', scope: 'event', statedCount: null, members: ['Xiangtan', 'Weihai'] },
      { country: 'DE', scope: 'event', statedCount: null, members: ['Herne', 'Kreis Lippe'] },
    ]);
    expect(ofKind(found, 'membership_event').map((e) => [e.city, e.event]).sort()).toEqual([['Herne', 'joined'], ['Kreis Lippe', 'joined'], ['Weihai', 'joined'], ['Xiangtan', 'joined']]);
  });

  it('splits a colon list without a count where the text names a new country, and every admitted place joins', () => {
    const text = 'The Industrial Cities Alliance held its annual session in Foshan. Several new members were welcomed there: Weihai and Yantai, both in Shandong province, and the German city of Erfurt in Thuringia.';
    const found = claims(text, 'en');
    expect(lists(text, 'en')).toEqual([{ country: 'CN', scope: 'event', statedCount: null, members: ['Weihai', 'Yantai'] }]);
    expect(ofKind(found, 'membership_event').map((e) => [e.city, e.event]).sort()).toEqual([['Erfurt', 'joined'], ['Weihai', 'joined'], ['Yantai', 'joined']]);
  });

  it('makes no mixed list of coordinated subjects from both countries', () => {
    const text = 'Die Industriestädteallianz tagte 2019 in Hannover. Dort lernten sich beide Städte kennen: Bochum und Weihai waren auf derselben Sitzung in die Allianz aufgenommen worden.';
    const found = claims(text);
    expect(lists(text)).toEqual([]);
    expect(ofKind(found, 'membership_event').map((e) => [e.city, e.event]).sort()).toEqual([['Bochum', 'joined'], ['Weihai', 'joined']]);
  });

  it('does not read a list twice when a specific rule already read it', () => {
    const text = 'Der ISA gehören heute drei deutsche Städte (Aachen, Bottrop und Hagen) an.';
    expect(lists(text)).toEqual([{ country: 'DE', scope: 'current', statedCount: 3, members: ['Aachen', 'Bottrop', 'Hagen'] }]);
  });
});

describe('runs of places that are no member lists', () => {
  for (const { text, language } of PLACE_RUN_NEGATIVE_CASES) {
    it(`finds no list in: ${text}`, () => {
      expect(lists(text, language)).toEqual([]);
    });
  }
});
