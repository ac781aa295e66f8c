import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../../extractors/gazetteer/gazetteer.ts';
import type { Place } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { statedCountVsList } from '../../../pipelines/reconcile/rules/stated-count-vs-list.ts';
import { attributeConflict } from '../../../pipelines/reconcile/rules/attribute-conflict.ts';
import { unresolvedName } from '../../../pipelines/reconcile/rules/unresolved-name.ts';
import { listVsEvents } from '../../../pipelines/reconcile/rules/list-vs-events.ts';
import { extractorNotes } from '../../../pipelines/reconcile/rules/extractor-notes.ts';
import { countSumConflict } from '../../../pipelines/reconcile/rules/count-sum-conflict.ts';
import { partnershipConflict } from '../../../pipelines/reconcile/rules/partnership-conflict.ts';
import { eventOrdinalConflict } from '../../../pipelines/reconcile/rules/event-ordinal-conflict.ts';
import { member, stored } from './claim-builders.ts';

const place = (name: string, country: 'DE' | 'CN', admin1: string, capitalOf: string | null = null): Place => ({
  id: `${country}:${name}`, name, country, type: country === 'CN' ? 'prefecture_city' : 'municipality', admin1, parent: null, capitalOf,
});
const gazetteer = buildGazetteer([
  place('Qingdao', 'CN', 'Shandong'),
  place('Guangzhou', 'CN', 'Guangdong', 'Guangdong'),
  place('Dongguan', 'CN', 'Guangdong'),
  place('Köln', 'DE', 'Nordrhein-Westfalen'),
  place('Düsseldorf', 'DE', 'Nordrhein-Westfalen', 'Nordrhein-Westfalen'),
  { ...place('Taizhou', 'CN', 'Zhejiang'), id: 'cn:331000' },
  { ...place('Taizhou', 'CN', 'Jiangsu'), id: 'cn:321200' },
]);

const mainz = { documentId: '3', url: 'http://press.example/mainz/isa' };
const koeln = { documentId: '1', url: 'http://press.example/koeln/isa' };
const founding8 = ['Aachen', 'Köln', 'Wuppertal', 'Ingolstadt', 'Rüsselsheim', 'Raunheim', 'Kelsterbach', 'Nürnberg'];

describe('statedCountVsList', () => {
  it('flags a stated seven with eight names and names the city that joined later as the likely extra', () => {
    const list = stored({ kind: 'member_list', subject: 'ISA', country: 'DE', scope: 'founding', asOf: '2016-04', statedCount: 7, members: founding8.map((n) => member(n)) }, { ...mainz, quote: 'sieben deutschen Städten (Aachen, …)' });
    const join = stored({ kind: 'membership_event', subject: 'ISA', city: 'Köln', event: 'joined', date: '2017-04-24' }, koeln);
    const flags = statedCountVsList({ claims: [list, join], gazetteer });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.explanation).toContain('8 names are listed');
    expect(flags[0]?.details.likelyExtra).toEqual(['Köln']);
    expect(flags[0]?.claimIds).toEqual([list.id, join.id]);
  });

  it('takes a list far shorter than its number for examples, not a miscount', () => {
    const partial = stored({ kind: 'member_list', subject: 'ISA', country: 'DE', scope: 'current', asOf: null, statedCount: 30, members: [member('Lüdenscheid'), member('Hagen'), member('Solingen')] }, koeln);
    const shortByTwo = stored({ kind: 'member_list', subject: 'ISA', country: 'DE', scope: 'current', asOf: null, statedCount: 5, members: [member('A'), member('B'), member('C')] }, mainz);
    expect(statedCountVsList({ claims: [partial, shortByTwo], gazetteer }).map((f) => f.claimIds[0])).toEqual([shortByTwo.id]);
  });

  it('does not flag lists whose stated size matches, nor lists without a stated size', () => {
    const ten = stored({ kind: 'member_list', subject: 'ISA', country: 'DE', scope: 'current', asOf: null, statedCount: 10, members: Array.from({ length: 10 }, (_, i) => member(`C${i}`)) }, koeln);
    const unstated = stored({ kind: 'member_list', subject: 'ISA', country: 'CN', scope: 'current', asOf: null, statedCount: null, members: [member('Foshan')] }, koeln);
    expect(statedCountVsList({ claims: [ten, unstated], gazetteer })).toEqual([]);
  });
});

describe('attributeConflict', () => {
  it('flags a city placed in one province and called capital of another, checked against the gazetteer', () => {
    const province = stored({ kind: 'city_attribute', city: 'Qingdao', attribute: 'province', value: 'Shandong' }, { documentId: '0', url: 'http://w/' });
    const capital = stored({ kind: 'city_attribute', city: 'Qingdao', attribute: 'capital_of', value: 'Guangdong' }, { documentId: '0', url: 'http://w/' });
    const flags = attributeConflict({ claims: [province, capital], gazetteer });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.subject).toBe('Qingdao');
    expect(flags[0]?.explanation).toMatch(/capital of Guangdong/);
    expect(flags[0]?.explanation).toMatch(/Guangzhou/);
    expect(new Set(flags[0]?.claimIds)).toEqual(new Set([province.id, capital.id]));
  });

  it('leaves attributes alone that agree with each other and the gazetteer', () => {
    const claims = [
      stored({ kind: 'city_attribute', city: 'Dongguan', attribute: 'province', value: 'Guangdong' }, { documentId: '0', url: 'http://w/' }),
      stored({ kind: 'city_attribute', city: 'Düsseldorf', attribute: 'capital_of', value: 'Nordrhein-Westfalen' }, { documentId: '2', url: 'http://n/' }),
      stored({ kind: 'city_attribute', city: 'Dongguan', attribute: 'population', value: 8_000_000 }, { documentId: '0', url: 'http://w/' }),
    ];
    expect(attributeConflict({ claims, gazetteer })).toEqual([]);
  });

  it('flags two sources that give one city different provinces', () => {
    const a = stored({ kind: 'city_attribute', city: 'Dongguan', attribute: 'province', value: 'Guangdong' }, { documentId: '0', url: 'http://w/' });
    const b = stored({ kind: 'city_attribute', city: 'Dongguan', attribute: 'province', value: 'Fujian' }, { documentId: '9', url: 'http://x/' });
    const flags = attributeConflict({ claims: [a, b], gazetteer });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.explanation).toBe('Dongguan: province Fujian (x); it lies in Guangdong per 1 other source(s) and the gazetteer');
    expect(flags[0]?.details.likelyWrong?.claimId).toBe(Number(b.id));
    expect(flags[0]?.claimIds).toEqual([a.id, b.id]);
  });
});

describe('unresolvedName', () => {
  it('flags a misspelt list member with its suggestion and leaves resolved ones alone', () => {
    const list = stored({ kind: 'member_list', subject: 'ISA', country: 'CN', scope: 'current', asOf: null, statedCount: 2, members: [member('Foshan'), member('Zhuzhou', false, 'Zhuzhouan', 'Zhuzhou')] }, koeln);
    const flags = unresolvedName({ claims: [list], gazetteer });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.explanation).toMatch(/^"Zhuzhouan" is no known place; most likely Zhuzhou — in /);
  });

  it('does not call a name ambiguous when the same document gives its province', () => {
    const list = stored({ kind: 'member_list', subject: 'ISA', country: 'CN', scope: 'current', asOf: null, statedCount: 1, members: [member('Taizhou')] }, koeln);
    const province = stored({ kind: 'city_attribute', city: 'Taizhou', attribute: 'province', value: 'Zhejiang' }, koeln);
    expect(unresolvedName({ claims: [list, province], gazetteer })).toEqual([]);
  });

  it('flags a name with two namesakes as ambiguous, naming both, even when its name resolved', () => {
    const list = stored({ kind: 'member_list', subject: 'ISA', country: 'CN', scope: 'current', asOf: null, statedCount: 1, members: [member('Taizhou')] }, koeln);
    const flags = unresolvedName({ claims: [list], gazetteer });
    expect(flags.map((f) => f.kind)).toEqual(['ambiguous_name']);
    expect(flags[0]?.explanation).toMatch(/^"Taizhou" could be Taizhou \(Jiangsu\) or Taizhou \(Zhejiang\); nothing decides — in 1 source/);
    expect(flags[0]?.details.candidates).toHaveLength(2);
  });
});

describe('listVsEvents', () => {
  it('flags a city in a founding list that another source says joined after the founding', () => {
    const list = stored({ kind: 'member_list', subject: 'ISA', country: 'DE', scope: 'founding', asOf: '2016-04', statedCount: 7, members: founding8.map((n) => member(n)) }, mainz);
    const join = stored({ kind: 'membership_event', subject: 'ISA', city: 'Köln', event: 'joined', date: '2017-04-24' }, koeln);
    const flags = listVsEvents({ claims: [list, join], gazetteer });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.subject).toBe('ISA');
    expect(flags[0]?.details.city).toBe('Köln');
    expect(flags[0]?.claimIds).toEqual([list.id, join.id]);
  });

  it('does not flag a founding member whose join date is the founding itself', () => {
    const founder = stored({ kind: 'membership_event', subject: 'ISA', city: 'Wuppertal', event: 'founding_member', date: null }, { documentId: '0', url: 'http://w/' });
    const founding = stored({ kind: 'event', type: 'founding', subject: 'ISA', date: '2016-04', place: 'Hannover', ordinal: null }, mainz);
    const join = stored({ kind: 'membership_event', subject: 'ISA', city: 'Wuppertal', event: 'joined', date: '2016-04' }, mainz);
    expect(listVsEvents({ claims: [founder, founding, join], gazetteer })).toEqual([]);
  });
});

describe('extractorNotes', () => {
  it('turns a weekday-mismatch note into one flag per document and note', () => {
    const note = 'weekday-mismatch: "Dienstag, 24. April 2017" — 2017-04-24 is not a Dienstag';
    const a = stored({ kind: 'membership_event', subject: 'ISA', city: 'Köln', event: 'joined', date: '2017-04-24', provenance: { rule: 'r', notes: [note] } }, koeln);
    const b = stored({ kind: 'event', type: 'plenary', subject: 'ISA', date: '2017-04-24', place: null, ordinal: null, provenance: { rule: 'r', notes: [note] } }, koeln);
    const flags = extractorNotes({ claims: [a, b, stored({ kind: 'membership_event', subject: 'ISA', city: 'Mainz', event: 'joined', date: '2017' }, mainz)], gazetteer });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'weekday_mismatch', claimIds: [a.id, b.id] });
    expect(flags[0]?.explanation).toContain('2017-04-24 is not a Dienstag');
  });
});

describe('countSumConflict', () => {
  const count = (country: 'DE' | 'CN' | null, n: number, doc: { documentId: string; url: string }, asOf: string | null = '2018-03') =>
    stored({ kind: 'member_count', subject: 'ISA', country, count: n, qualifier: 'exact', unit: 'cities', scope: 'current', asOf }, doc);

  it('flags a total whose parts add up to something else, in one document', () => {
    const flags = countSumConflict({ claims: [count(null, 24, mainz), count('DE', 10, mainz), count('CN', 15, mainz)], gazetteer });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.explanation).toContain('add up to 25, not 24');
  });

  it('gives a breakdown to the total it adds up to when a sentence has two', () => {
    const flags = countSumConflict({ claims: [count(null, 18, mainz), count(null, 26, mainz), count('DE', 10, mainz), count('CN', 16, mainz)], gazetteer });
    expect(flags).toEqual([]);
  });

  it('compares a total only with a breakdown stated next to it', () => {
    const total = stored({ kind: 'member_count', subject: 'ISA', country: null, count: 18, qualifier: 'exact', unit: 'cities', scope: 'current', asOf: null }, { ...mainz, at: 100 });
    const farDe = stored({ kind: 'member_count', subject: 'ISA', country: 'DE', count: 10, qualifier: 'exact', unit: 'cities', scope: 'current', asOf: null }, { ...mainz, at: 900 });
    const farCn = stored({ kind: 'member_count', subject: 'ISA', country: 'CN', count: 16, qualifier: 'exact', unit: 'cities', scope: 'current', asOf: null }, { ...mainz, at: 920 });
    expect(countSumConflict({ claims: [total, farDe, farCn], gazetteer })).toEqual([]);
  });

  it('leaves a total alone that matches, and parts from another document or date', () => {
    expect(countSumConflict({ claims: [count(null, 44, mainz), count('DE', 21, mainz), count('CN', 23, mainz)], gazetteer })).toEqual([]);
    expect(countSumConflict({ claims: [count(null, 24, mainz), count('DE', 10, koeln), count('CN', 15, koeln)], gazetteer })).toEqual([]);
    expect(countSumConflict({ claims: [count(null, 24, mainz), count('DE', 10, mainz, '2019'), count('CN', 15, mainz, '2019')], gazetteer })).toEqual([]);
  });
});

describe('partnershipConflict', () => {
  const partnership = (since: string | null, doc: { documentId: string; url: string }) =>
    stored({ kind: 'partnership', cities: ['Schweinfurt', 'Xiangtan'], relation: 'friendship_city', since }, doc);

  it('flags one partnership dated two ways, and not the same date at another precision', () => {
    expect(partnershipConflict({ claims: [partnership('2011', mainz), partnership('2012-05', mainz)], gazetteer })[0]).toMatchObject({ kind: 'partnership_since_conflict', details: { dates: ['2011', '2012-05'] } });
    expect(partnershipConflict({ claims: [partnership('2011', mainz), partnership('2011-10-03', koeln), partnership(null, koeln)], gazetteer })).toEqual([]);
  });
});

describe('eventOrdinalConflict', () => {
  const plenary = (ordinal: number, date: string, doc: { documentId: string; url: string }) =>
    stored({ kind: 'event', type: 'plenary', subject: 'ISA', date, place: null, ordinal }, doc);

  it('flags one meeting with two ordinals, and one ordinal in two years', () => {
    expect(eventOrdinalConflict({ claims: [plenary(7, '2022-11-16', mainz), plenary(6, '2022-11-16', mainz)], gazetteer })).toHaveLength(1);
    expect(eventOrdinalConflict({ claims: [plenary(3, '2018', mainz), plenary(3, '2019-04', koeln)], gazetteer })).toHaveLength(1);
  });

  it('accepts consecutive meetings and one meeting told twice', () => {
    expect(eventOrdinalConflict({ claims: [plenary(2, '2017-04-24', mainz), plenary(3, '2018-04', koeln), plenary(3, '2018', mainz)], gazetteer })).toEqual([]);
  });
});
