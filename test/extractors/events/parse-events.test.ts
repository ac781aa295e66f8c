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

  it('reads a member assembly noun and its ordinal word', () => {
    expect(events('Die Chinesisch-Deutsche Industriestädteallianz kam am 5. Mai 2021 zu ihrem siebten Mitgliedertreffen in Hannover zusammen.')).toContainEqual(
      { type: 'plenary', subject: 'ISA', date: '2021-05-05', place: 'Hannover', ordinal: 7 },
    );
  });

  it('dates an assembly by the event its paragraph reports before it', () => {
    expect(events('Die Stadt Jena ist der Industriestädteallianz im Mai 2022 beigetreten. Die Aufnahme erfolgte auf der 8. Plenarversammlung in Zibo.', '2022-07-01')).toContainEqual(
      { type: 'plenary', subject: 'ISA', date: '2022-05', place: 'Zibo', ordinal: 8 },
    );
  });

  it('reads a specialist meeting as a conference of the alliance', () => {
    expect(events('Die Stadt Hagen richtet am 3. März 2020 die 2. Fachtagung der Industriestädteallianz aus.')).toContainEqual(
      { type: 'conference', subject: 'ISA', date: '2020-03-03', place: null, ordinal: 2 },
    );
  });

  it('reads a delegation from abroad visiting the document\'s city', () => {
    expect(events('Krefeld – Am 12. Mai 2025 besuchte eine Delegation aus Changzhou das Rathaus. Die Gäste aus China trafen Unternehmen aus Krefeld.')).toContainEqual(
      { type: 'visit', subject: 'Changzhou', date: '2025-05-12', place: 'Krefeld', ordinal: null },
    );
  });

  it('reads a demonym delegation and its destination', () => {
    expect(events('Eine Göttinger Delegation reiste im September 2019 nach Nanjing.')).toContainEqual(
      { type: 'visit', subject: 'Göttingen', date: '2019-09', place: 'Nanjing', ordinal: null },
    );
  });

  it('reads an official\'s trip abroad as a visit of the document\'s city', () => {
    expect(events('Zwickau – Oberbürgermeisterin Anna Beispiel war im Juni 2023 zu Gast im chinesischen Ji\'an. Zwickau und Ji\'an wollen enger zusammenarbeiten.')).toContainEqual(
      { type: 'visit', subject: 'Zwickau', date: '2023-06', place: "Ji'an", ordinal: null },
    );
  });

  it('reads an English delegation from a city', () => {
    expect(events('A delegation from Wuhu visited Mainz on 3 June 2019.', null, 'en')).toContainEqual(
      { type: 'visit', subject: 'Wuhu', date: '2019-06-03', place: 'Mainz', ordinal: null },
    );
  });

  it('gives an undated reported event the publication month', () => {
    expect(events('Bei der vierten Plenarversammlung der Industriestädteallianz wurden sechs Städte aufgenommen.', '2019-04-03')).toContainEqual(
      { type: 'plenary', subject: 'ISA', date: '2019-04', place: null, ordinal: 4 },
    );
  });
});
