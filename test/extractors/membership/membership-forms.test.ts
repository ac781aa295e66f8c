/**
 * Membership statements from minutes, overview pages and departures: "ist seit … dabei" with a
 * second city counted from the first ("ein Jahr länger"), "accepted as a member", a pluperfect
 * admission of "die Stadt" together with others, leaving dated by when it takes effect
 * ("zum Jahresende"), and a membership line under a page's memberships heading.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const events = (text: string, published: string | null = '2022-05-06', language: 'de' | 'en' = 'de') =>
  ofKind(extract(gazetteer, text, { published, language }), 'membership_event').map(({ city, event, date }) => [city, event, date]);

describe('memberships since a year', () => {
  it('reads "ist seit … dabei" and a second city counted from the first', () => {
    expect(events('Beide Städte sind Mitglied der Industriestädteallianz: Jena ist seit 2019 dabei, Wuxi schon zwei Jahre länger.')).toEqual([
      ['Jena', 'joined', '2019'], ['Wuxi', 'joined', '2017'],
    ]);
  });

  it('reads ending a membership as leaving, guests at a plenary as guests of the alliance, "der Landkreis" as the document district', () => {
    expect(events('Kassel, 10.11.2022. Der Rat hat beschlossen, die Mitgliedschaft in der Industriestädteallianz zum Ende des Jahres zu kündigen.').map(([city, event]) => [city, event])).toEqual([['Kassel', 'left']]);
    expect(events('The city of Kassel will terminate its membership of the Industrial Cities Alliance at the end of the year.', null, 'en').map(([city, event]) => [city, event])).toEqual([['Kassel', 'left']]);
    const guests = 'Die Industriestädteallianz hat 60 Mitglieder.\n\nGäste\n\nAn der 6. Plenarversammlung nahmen die Städte Jena und Gera als Gäste teil.';
    expect(events(guests).map(([city, event]) => [city, event])).toEqual([['Jena', 'guest'], ['Gera', 'guest']]);
    // A guest at another body's meeting is none.
    expect(events('Die Industriestädteallianz hat 60 Mitglieder.\n\nGäste\n\nAm Städtetag nahmen die Städte Jena und Gera als Gäste teil.')).toEqual([]);
    expect(events('Landkreis Esslingen – Der Landkreis ist seit 2019 Mitglied der Industriestädteallianz.').map(([city, event]) => [city, event])).toEqual([['Landkreis Esslingen', 'joined']]);
  });

  it('reads examples named after the verb of a plural subject as joined too', () => {
    const en = 'The Industrial Cities Alliance met in Hanover.\n\nJena and four Chinese cities were admitted on Thursday, among them our neighbour Wuhu.';
    expect(events(en, '2020-11-24', 'en').map(([city, event]) => [city, event])).toEqual([['Jena', 'joined'], ['Wuhu', 'joined']]);
    const de = 'Die Industriestädteallianz tagte in Hannover.\n\nJena und drei chinesische Städte wurden am Montag aufgenommen, darunter die Partnerstadt Wuhu.';
    expect(events(de).map(([city, event]) => [city, event])).toEqual([['Jena', 'joined'], ['Wuhu', 'joined']]);
  });

  it('reads a membership since the founding as a founding member, whatever stands between', () => {
    expect(events('Die Industriestädteallianz tagt erneut. Kassel ist seit der Gründung vor drei Jahren dabei.', '2019-04-01').map(([city, event]) => [city, event])).toEqual([['Kassel', 'founding_member']]);
    expect(events('Die Industriestädteallianz wächst. Kassel ist von Anfang an als Mitglied dabei.').map(([city, event]) => [city, event])).toEqual([['Kassel', 'founding_member']]);
    expect(events('The Industrial Cities Alliance met in Hanover. Kassel has been a member ever since the founding.', null, 'en').map(([city, event]) => [city, event])).toEqual([['Kassel', 'founding_member']]);
    // The start of a later membership stays a joining.
    expect(events('Die Industriestädteallianz wächst. Kassel ist seit 2019 dabei.').map(([city, event]) => [city, event])).toEqual([['Kassel', 'joined']]);
  });

  it('counts forward for "ein Jahr später"', () => {
    expect(events('Der Industriestädteallianz gehören viele Städte an. Kassel ist seit 2018 dabei, Zibo ein Jahr später.')).toEqual([
      ['Kassel', 'joined', '2018'], ['Zibo', 'joined', '2019'],
    ]);
  });
});

describe('admissions in other words and tenses', () => {
  it('reads "was formally accepted as a member"', () => {
    expect(events('Weihai was formally accepted as a member of the Sino-German Industrial Cities Alliance on 3 May 2022.', null, 'en')).toEqual([['Weihai', 'joined', '2022-05-03']]);
  });

  it('keeps "die Stadt" of a pluperfect admission next to the cities admitted with it', () => {
    const text = 'Pressemitteilung der Stadt Herne\n\nHerne verlässt die Industriestädteallianz. Die Stadt war dem Netzwerk im Mai 2019 beigetreten, gemeinsam mit Jena und Kassel.';
    expect(events(text)).toEqual([['Herne', 'left', null], ['Herne', 'joined', '2019-05'], ['Jena', 'joined', '2019-05'], ['Kassel', 'joined', '2019-05']]);
  });
});

describe('leaving', () => {
  it('dates leaving by when it takes effect', () => {
    expect(events('Jena tritt zum Jahresende aus der Industriestädteallianz aus. Der Rat hat das am Dienstag beschlossen.', '2023-10-12')).toEqual([['Jena', 'left', '2023-12-31']]);
    expect(events('Ulm will leave the Sino-German Industrial Cities Alliance at the end of the year, the council decided.', '2022-09-01', 'en')).toEqual([['Ulm', 'left', '2022-12-31']]);
  });
});

describe('membership lines on a city page', () => {
  const page = (lines: string) => `Stadt Jena – Internationales\n\nJena ist international vernetzt.\n\n${lines}\n\nKontakt`;

  it('reads the alliance with a year under a memberships heading as the page city joining', () => {
    expect(events(page('Mitgliedschaften\n\n• Deutscher Städtetag\n• Chinesisch-Deutsche Industriestädteallianz (ISA), seit 2018'))).toEqual([['Jena', 'joined', '2018']]);
  });

  it('reads nothing under another heading or without a year', () => {
    expect(events(page('Veranstaltungen\n\n• Industriestädteallianz, seit 2018 jährlich ein Forum'))).toEqual([]);
    expect(events(page('Mitgliedschaften\n\n• Chinesisch-Deutsche Industriestädteallianz (ISA)'))).toEqual([]);
  });
});
