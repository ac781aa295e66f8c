import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const events = (text: string, published: string | null = null, language: 'de' | 'en' = 'de') =>
  ofKind(extract(gazetteer, text, { published, language }), 'membership_event').map(({ city, event, date }) => [city, event, date]);

describe('membership events', () => {
  it.each([
    ['Bonn ist der Chinesisch-Deutschen Industriestädteallianz beigetreten.', [['Bonn', 'joined', null]]],
    ['Bochum tritt der Industriestädteallianz bei.', [['Bochum', 'joined', null]]],
    ['Die Stadt Leipzig wurde 2019 in die Industriestädte-Allianz aufgenommen.', [['Leipzig', 'joined', '2019']]],
    ['Halle (Saale) ist seit 2023 Mitglied der ISA.', [['Halle (Saale)', 'joined', '2023']]],
    ['Aachen ist Gründungsmitglied der ISA.', [['Aachen', 'founding_member', null]]],
    ['Nürnberg gehört zu den Gründungsmitgliedern der Industriestädteallianz.', [['Nürnberg', 'founding_member', null]]],
    ['Dortmund beabsichtigt, der Industriestädteallianz beizutreten.', [['Dortmund', 'intends_to_join', null]]],
    ['Bielefeld will Mitglied der Deutsch-Chinesischen Industriestädteallianz werden.', [['Bielefeld', 'intends_to_join', null]]],
    ['Hagen ist zum Jahresende aus der Industriestädteallianz ausgetreten.', [['Hagen', 'left', null]]],
    ['Als Gaststadt nahm Hamm an der Plenarsitzung der ISA teil.', [['Hamm', 'guest', null]]],
  ])('%s', (text, expected) => {
    expect(events(text)).toEqual(expected);
  });

  it.each([
    ['Wuhan joined the Sino-German Industrial Cities Alliance in 2018.', [['Wuhan', 'joined', '2018']]],
    ['Weifang has become a member of the China-Germany Industrial Cities Alliance.', [['Weifang', 'joined', null]]],
    ['Hefei plans to join the Sino-German Industrial Cities Alliance next year.', [['Hefei', 'intends_to_join', '2021']]],
    ['Representatives of Wuppertal, a founding member of the Sino-German Industrial Cities Alliance, attended.', [['Wuppertal', 'founding_member', null]]],
    ['Zibo left the Sino-German Industrial Cities Alliance last year.', [['Zibo', 'left', '2019']]],
  ])('%s', (text, expected) => {
    expect(events(text, '2020-03-01', 'en')).toEqual(expected);
  });

  it('dates an admission by its sentence and resolves "die Stadt" to the document city', () => {
    const text = 'Mainz – Die Stadt ist der Industriestädteallianz beigetreten. Die offizielle Aufnahme in das Netzwerk findet am Montag, 24. April 2017, statt.';
    expect(events(text)).toEqual([['Mainz', 'joined', '2017-04-24']]);
  });

  it('reads "die Stadt" as the document city beside a fair named after another one', () => {
    const text = 'GÖRLITZ/HANNOVER Seit Dienstag ist Görlitz Mitglied der Industriestädteallianz. Am Rande der Hannover Messe nahm die Allianz die Stadt mit ihren 56.000 Einwohnern auf.';
    expect([...new Set(events(text, '2019-04-04').map(([city, event]) => `${city} ${event}`))]).toEqual(['Görlitz joined']);
  });

  it('reads a planned admission of a city that has not joined as an intention', () => {
    const text = 'Krefeld will der Industriestädteallianz beitreten. Die Aufnahme in das Städtebündnis soll im Herbst erfolgen.';
    expect(events(text)).toEqual([['Krefeld', 'intends_to_join', null]]);
  });

  it('gives each coordinated subject its own event', () => {
    expect(events('Rüsselsheim am Main, Raunheim und Kelsterbach sind Gründungsmitglieder der ISA.')).toEqual([
      ['Rüsselsheim', 'founding_member', null], ['Raunheim', 'founding_member', null], ['Kelsterbach', 'founding_member', null],
    ]);
  });

  it('reports no event for conditions and questions', () => {
    expect(events('Wenn die Stadt Gera der Industriestädteallianz beitritt, entstehen keine Kosten. Ob Jena dem Netzwerk beitritt, ist offen.')).toEqual([]);
  });

  it('needs the alliance in the sentence or its paragraph', () => {
    expect(events('Köln ist dem Verein beigetreten.')).toEqual([]);
  });
});
