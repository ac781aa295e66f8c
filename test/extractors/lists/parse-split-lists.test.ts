/**
 * Lists that run across two sentences: "X was one of N new members … The others are …" in
 * English and German, mixed countries kept whole, and sentences that only look like it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const claims = (text: string, language: 'de' | 'en') => extract(gazetteer, text, { published: '2021-05-04', language });
const lists = (text: string, language: 'de' | 'en') =>
  ofKind(claims(text, language), 'member_list').map((l) => ({ country: l.country, scope: l.scope, statedCount: l.statedCount, members: l.members.map((m) => m.name) }));

describe('lists across two sentences', () => {
  it('joins the named member and "the others" into one list sized by the number', () => {
    const text = 'The Sino-German Industrial Cities Alliance met in Hanover. Weihai, a port city in Shandong province, was one of four new members admitted at the session. The others are Zibo, the German city of Herne and the district of Mettmann.';
    expect(lists(text, 'en')).toEqual([{ country: null, scope: 'event', statedCount: 4, members: ['Weihai', 'Zibo', 'Herne', 'Kreis Mettmann'] }]);
    expect(ofKind(claims(text, 'en'), 'membership_event').map((e) => [e.city, e.event])).toEqual([
      ['Weihai', 'joined'], ['Zibo', 'joined'], ['Herne', 'joined'], ['Kreis Mettmann', 'joined'],
    ]);
  });

  it('reads the German form with one country', () => {
    const text = 'Die Industriestädteallianz hat getagt. Jena ist eine von drei neuen Mitgliedsstädten. Die anderen beiden sind Erfurt und Kassel.';
    expect(lists(text, 'de')).toEqual([{ country: 'DE', scope: 'event', statedCount: 3, members: ['Jena', 'Erfurt', 'Kassel'] }]);
  });

  it('reads no list when the next sentence names no places', () => {
    const text = 'Die Industriestädteallianz hat getagt. Jena ist eine von drei neuen Mitgliedsstädten. Die anderen sind noch nicht bekannt.';
    expect(lists(text, 'de')).toEqual([]);
  });

  it('reads no list when "one of" counts something else than members', () => {
    const text = 'The Sino-German Industrial Cities Alliance met in Hanover. Weihai is one of five cities on the coast of Shandong. The others are Yantai, Qingdao and Rizhao.';
    expect(lists(text, 'en')).toEqual([]);
  });
});
