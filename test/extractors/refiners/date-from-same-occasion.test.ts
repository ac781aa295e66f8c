/**
 * Admissions that point back to a dated one ("at the same session", "am selben Tag", "gemeinsam
 * mit X") take its date; without such a pointer an undated admission stays undated.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const joined = (text: string, language: 'de' | 'en') =>
  ofKind(extract(gazetteer, text, { published: '2023-06-30', language }), 'membership_event').filter((e) => e.event === 'joined').map((e) => [e.city, e.date]);

describe('dates from the same occasion', () => {
  it('dates admissions "at the same session" like the admission before', () => {
    const text = 'Weihai became a member of the Sino-German Industrial Cities Alliance on 12 June 2023.\n\nTwo other newcomers were admitted at the same session: Herne and Erfurt.';
    expect(joined(text, 'en')).toEqual([['Weihai', '2023-06-12'], ['Herne', '2023-06-12'], ['Erfurt', '2023-06-12']]);
  });

  it('dates members admitted "gemeinsam mit" a dated city, from the sentence before a bullet list', () => {
    const text = 'Die Stadt Herne wurde am 12. Juni 2023 in die Industriestädteallianz aufgenommen.\n\nGemeinsam mit Herne wurden zwei weitere Mitglieder aufgenommen. Neu in der Allianz sind:\n- Weihai\n- Yantai';
    expect(joined(text, 'de')).toEqual([['Herne', '2023-06-12'], ['Weihai', '2023-06-12'], ['Yantai', '2023-06-12']]);
  });

  it('leaves an admission without such a pointer undated', () => {
    const text = 'Weihai became a member of the Sino-German Industrial Cities Alliance on 12 June 2023.\n\nHerne and Erfurt were admitted to the alliance as well.';
    expect(joined(text, 'en')).toContainEqual(['Herne', null]);
  });
});
