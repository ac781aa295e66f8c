/**
 * Rosters printed as blocks of lines under a heading: one member per line with footnote marks
 * and "(Kreis)" forms, members grouped under Land or province lines, lead-in group lines,
 * totals, and the page's count of a country sizing the block however far above it stands.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';
import { LINE_BLOCK_NEGATIVE_CASES } from './line-block-negative-cases.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const lists = (text: string, language: 'de' | 'en' = 'de', published: string | null = '2022-03-01') =>
  ofKind(extract(gazetteer, text, { published, language }), 'member_list').map((l) => ({ country: l.country, scope: l.scope, statedCount: l.statedCount, members: l.members.map((m) => m.name) }));

describe('one member per line under a heading', () => {
  it('reads a roster table whose columns lost their alignment: row numbers, Land columns and years dropped', () => {
    const text = 'Die Industriestädteallianz wächst.\n\nDeutsche Mitglieder (3)\n\nNr. Mitglied Bundesland Aufnahme\n1 Jena Thüringen 2016 (G)\n2 Erfurt Thüringen 2019\n3 Rüsselsheim am Main Hessen 2016 (G)\n\nBisher ist niemand ausgetreten.';
    expect(lists(text)).toEqual([{ country: 'DE', scope: 'current', statedCount: 3, members: ['Jena', 'Erfurt', 'Rüsselsheim'] }]);
  });

  it('reads the block, strips footnote marks and resolves exonyms and district forms', () => {
    const text = 'Industrial Cities Alliance – who we are\n\nThe Sino-German Industrial Cities Alliance links industrial cities of both countries.\n\nOur German members\n\nBochum*\nMunich\nMettmann (district)\nUlm†\n\nJoin us\n\nWrite to the secretariat.';
    expect(lists(text, 'en')).toEqual([{ country: 'DE', scope: 'current', statedCount: null, members: ['Bochum', 'München', 'Kreis Mettmann', 'Ulm'] }]);
  });

  it('takes its size from a count of its country earlier on the page', () => {
    const text = 'Die Chinesisch-Deutsche Industriestädteallianz hat derzeit 60 Mitglieder, davon 4 deutsche Städte.\n\nAlle Angaben ohne Gewähr.\n\nDeutsche Mitgliedsstädte\n\nHerne\nBochum\nKassel\nJena';
    expect(lists(text)).toEqual([{ country: 'DE', scope: 'current', statedCount: 4, members: ['Herne', 'Bochum', 'Kassel', 'Jena'] }]);
  });

  it('sizes the block by its total line and marks founders as a founding roster', () => {
    const text = 'Die Industriestädteallianz wurde 2016 gegründet.\n\nGründungsmitglieder\n- Herne\n- Kassel\n- Jena\nGesamt: 3';
    expect(lists(text)).toEqual([{ country: 'DE', scope: 'founding', statedCount: 3, members: ['Herne', 'Kassel', 'Jena'] }]);
  });
});

describe('members grouped by Land or province', () => {
  it('runs over blank lines into the next Land group', () => {
    const text = 'Die Industriestädteallianz im Überblick.\n\nMitglieder aus Deutschland\n\nNordrhein-Westfalen:\nHerne\nBochum\n\nThüringen:\nJena\nErfurt\n\nKontakt: Geschäftsstelle';
    expect(lists(text)).toEqual([{ country: 'DE', scope: 'current', statedCount: null, members: ['Herne', 'Bochum', 'Jena', 'Erfurt'] }]);
  });

  it('reads province lead-in lines and takes the country from the provinces', () => {
    const text = 'The Industrial Cities Alliance keeps growing.\n\nMember cities\n\nShandong Province: Weifang, Yantai\nGuangxi Zhuang Autonomous Region: Liuzhou\nAnhui Province: Wuhu, Ma’anshan\n\nOur partners\n\nChamber of Commerce';
    expect(lists(text, 'en')).toEqual([{ country: 'CN', scope: 'current', statedCount: null, members: ['Weifang', 'Yantai', 'Liuzhou', 'Wuhu', "Ma'anshan"] }]);
  });

  it('reads groups right under a colon lead-in as one list', () => {
    const text = 'Die Industriestädteallianz wächst. Die deutschen Mitglieder sind:\nHessen:\nKassel\nThüringen:\nJena\nErfurt';
    expect(lists(text)).toEqual([{ country: 'DE', scope: 'current', statedCount: null, members: ['Kassel', 'Jena', 'Erfurt'] }]);
  });

  it('takes province headings of their own without colon', () => {
    const text = 'Die Industriestädteallianz wächst.\n\nChinesische Mitglieder\n\nProvinz Shandong\nWeifang\nYantai\n\nProvinz Anhui\nWuhu';
    expect(lists(text)).toEqual([{ country: 'CN', scope: 'current', statedCount: null, members: ['Weifang', 'Yantai', 'Wuhu'] }]);
  });
});

describe('districts named in English', () => {
  it('reads "the German district of X" as the Kreis, in a list and as a place', () => {
    const text = 'The Sino-German Industrial Cities Alliance admitted new members: Weihai in Shandong province and the German district of Mettmann in North Rhine-Westphalia.';
    const found = extract(gazetteer, text, { published: '2022-03-01', language: 'en' });
    expect(ofKind(found, 'member_list').map((l) => l.members.map((m) => m.name))).toEqual([['Weihai', 'Kreis Mettmann']]);
    expect(ofKind(found, 'city_attribute').filter((a) => a.attribute === 'state').map((a) => [a.city, a.value])).toEqual([['Kreis Mettmann', 'Nordrhein-Westfalen']]);
  });
});

describe('blocks that are no member rosters', () => {
  for (const { text, language } of LINE_BLOCK_NEGATIVE_CASES) {
    it(`reads no list from: ${text.slice(0, 70).replace(/\n/g, ' / ')}`, () => {
      expect(lists(text, language)).toEqual([]);
    });
  }
});
