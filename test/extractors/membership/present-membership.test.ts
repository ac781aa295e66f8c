/** A present membership ("ist Teil der Allianz", "zu der auch X gehört") says the city joined, at a time the sentence may not give. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';
import { MEMBERSHIP_NEGATIVE_CASES } from './negative-cases.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const events = (text: string, language: 'de' | 'en' = 'de') =>
  ofKind(extract(gazetteer, text, { published: '2022-05-04', language }), 'membership_event').map((e) => ({ city: e.city, event: e.event, date: e.date }));

describe('present memberships', () => {
  it('reads "ist Teil der …allianz" and "ist Mitglied der …allianz" as joined, undated', () => {
    expect(events('Krefeld ist Teil der Chinesisch-Deutschen Industriestädteallianz.')).toEqual([{ city: 'Krefeld', event: 'joined', date: null }]);
    expect(events('Auch Herne ist bereits Mitglied der Industriestädteallianz.')).toEqual([{ city: 'Herne', event: 'joined', date: null }]);
  });

  it('reads the city in a relative clause after the alliance: "die ISA, zu der auch Krefeld gehört"', () => {
    expect(events('Er warb für die Industriestädteallianz (ISA), zu der auch Krefeld gehört, bei Unternehmen.')).toEqual([{ city: 'Krefeld', event: 'joined', date: null }]);
  });

  it('reads "gehört zur …allianz" and "is a member of the … alliance"', () => {
    expect(events('Herne gehört zur Industriestädteallianz.')).toEqual([{ city: 'Herne', event: 'joined', date: null }]);
    expect(events('Krefeld is a member of the Sino-German Industrial Cities Alliance.', 'en')).toEqual([{ city: 'Krefeld', event: 'joined', date: null }]);
  });

  it('reads no membership in the negative cases', () => {
    for (const { text, why } of MEMBERSHIP_NEGATIVE_CASES) expect(events(text), why).toEqual([]);
  });
});
