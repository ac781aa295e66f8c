/**
 * Member tables that reached the text as lines of cells: a members column per Land with a
 * total row, one member per row with a since column, the title's country and date.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const claims = (text: string) => extract(gazetteer, text, { published: '2022-03-01', language: 'de' });

describe('text tables of members', () => {
  const minutes = 'Bericht der Verwaltung zur Industriestädteallianz.\n\nMitgliedskommunen der ISA in Deutschland (Stand: Januar 2022)\n\nBundesland | Mitglieder | Anzahl\nThüringen | Jena, Erfurt | 2\nHessen | Kassel, Landkreis Fulda | 2\nSumme | | 4\n\nDer Bericht wird zur Kenntnis genommen.';

  it('reads every row into one list sized by the total row', () => {
    expect(ofKind(claims(minutes), 'member_list').map((l) => [l.country, l.scope, l.asOf, l.statedCount, l.members.map((m) => m.name)])).toEqual([
      ['DE', 'current', '2022-01', 4, ['Jena', 'Erfurt', 'Kassel', 'Landkreis Fulda']],
    ]);
  });

  it('makes the total row a member count, the rows\u2019 sub-counts none', () => {
    expect(ofKind(claims(minutes), 'member_count').map((c) => [c.country, c.count, c.unit, c.scope, c.asOf])).toEqual([['DE', 4, 'members', 'current', '2022-01']]);
  });

  it('dates each member of a one-per-row table by its since column', () => {
    const text = 'Die Industriestädteallianz wächst.\n\nUnsere Mitglieder in Thüringen\n\nStadt\tseit\nJena\t2017\nErfurt\t2019';
    const found = claims(text);
    expect(ofKind(found, 'member_list').map((l) => l.members.map((m) => m.name))).toEqual([['Jena', 'Erfurt']]);
    expect(ofKind(found, 'membership_event').map((e) => [e.city, e.event, e.date])).toEqual([['Jena', 'joined', '2017'], ['Erfurt', 'joined', '2019']]);
  });

  it('reads a column-aligned table, a year with a footnote mark in an "Aufnahme" column, and the size in the title', () => {
    const text = 'Die Industriestädteallianz wächst.\n\nMitglieder in Thüringen (2)\n\nNr.  Mitglied   Bundesland   Aufnahme\n  1  Jena       Thüringen    2016 (G)\n  2  Erfurt     Thüringen    2019';
    const found = claims(text);
    expect(ofKind(found, 'member_list').map((l) => [l.statedCount, l.members.map((m) => m.name)])).toEqual([[2, ['Jena', 'Erfurt']]]);
    expect(ofKind(found, 'membership_event').map((e) => [e.city, e.date])).toEqual([['Jena', '2016'], ['Erfurt', '2019']]);
  });
});
