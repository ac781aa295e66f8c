import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const events = (text: string, published: string | null = null, language: 'de' | 'en' = 'de') =>
  ofKind(extract(gazetteer, text, { published, language }), 'event').map(({ type, subject, date, place, ordinal }) => ({ type, subject, date, place, ordinal }));

describe('events', () => {
  it('reads a plenary with ordinal, date and the fair as place', () => {
    expect(events('Die 3. Plenarversammlung der Chinesisch-Deutschen Industriestädteallianz fand am 23. April 2018 auf der Hannover Messe statt.')).toContainEqual(
      { type: 'plenary', subject: 'ISA', date: '2018-04-23', place: 'Hannover', ordinal: 3 },
    );
  });

  it('reads a founding', () => {
    expect(events('Die Chinesisch-Deutsche Industriestädteallianz wurde im April 2016 in Hannover gegründet.')).toEqual([
      { type: 'founding', subject: 'ISA', date: '2016-04', place: 'Hannover', ordinal: null },
    ]);
  });

  it('reads English ordinal words', () => {
    expect(events('The fourth plenary meeting of the Sino-German Industrial Cities Alliance opened in Foshan on Monday.', '2019-11-04', 'en')).toContainEqual(
      { type: 'plenary', subject: 'ISA', date: '2019-11-04', place: 'Foshan', ordinal: 4 },
    );
  });

  it('needs the alliance for assemblies', () => {
    expect(events('Die 3. Plenarversammlung des Vereins fand 2018 statt.')).toEqual([]);
  });
});
