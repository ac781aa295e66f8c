/** As-of dates of counts (issue 7.2): the sentence's date, else the paragraph's event for founding and event counts, else publication. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const counts = (text: string, published: string, language: 'de' | 'en' = 'de') =>
  ofKind(extract(gazetteer, text, { published, language }), 'member_count').map((c) => ({ count: c.count, scope: c.scope, asOf: c.asOf }));

describe('as-of of member counts', () => {
  it('dates a founding count by the founding the paragraph reported before it, resolved from "am gestrigen Dienstag"', () => {
    const text = 'Am gestrigen Dienstag wurde in Hannover die Chinesisch-Deutsche Industriestädteallianz (ISA) gegründet. Zu den Gründungsmitgliedern der Allianz zählen neun deutsche Städte.';
    expect(counts(text, '2021-06-09')).toEqual([{ count: 9, scope: 'founding', asOf: '2021-06-08' }]);
  });

  it('keeps a current count without a date of its own at the publication date, even after an event in its paragraph', () => {
    const text = 'Am 12. Mai 2021 nahm die Industriestädteallianz zwei weitere Städte auf. Die Allianz verbindet nun 44 Städte.';
    expect(counts(text, '2021-05-20').find((c) => c.count === 44)).toEqual({ count: 44, scope: 'current', asOf: '2021-05-20' });
  });

  it('never takes the founding year of "die 2016 gegründete Allianz" for a current count', () => {
    const text = 'Der 2016 gegründeten Industriestädteallianz gehören aktuell 23 deutsche Städte an.';
    expect(counts(text, '2022-03-01')).toEqual([{ count: 23, scope: 'current', asOf: '2022-03-01' }]);
    const english = 'The Industrial Cities Alliance, launched at a trade fair in Hanover in April 2016, now has 61 member cities.';
    expect(counts(english, '2023-02-10', 'en')).toEqual([{ count: 61, scope: 'current', asOf: '2023-02-10' }]);
  });

  it('does not date a founding count by a historical mention in its paragraph', () => {
    const text = 'Schon am 3. März 1998 besuchte eine Gruppe die Stadt. Zu den Gründungsmitgliedern der Industriestädteallianz zählen neun deutsche Städte.';
    expect(counts(text, '2021-06-09')).toEqual([{ count: 9, scope: 'founding', asOf: '2021-06-09' }]);
  });

  it('reads members "dazugewonnen" as the count of an event, dated by its sentence', () => {
    expect(counts('Im Jahr 2021 hat die Industriestädteallianz vier Mitglieder dazugewonnen.', '2022-01-10')).toEqual([{ count: 4, scope: 'event', asOf: '2021' }]);
  });
});
