/**
 * Membership statements in the shapes press releases use besides "X ist beigetreten": long
 * appositives before the verb, cities admitted "together with" the subject, a verb shared by a
 * second city, approvals by the alliance, "Seit … ist X Mitglied", a colon naming a plural
 * subject, and an admission whose sentence leaves the alliance to the paragraph before.
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

describe('subjects with long appositives', () => {
  it('takes the city before the appositive, not a place inside it', () => {
    expect(events("Bochum, a former mining town of some 360,000 people in Germany's Ruhr area, was admitted to the Sino-German Industrial Cities Alliance.", null, 'en')).toEqual([['Bochum', 'joined', null]]);
    expect(events("Kunshan, a county-level city under Suzhou in east China's Jiangsu Province, attended the plenary of the Sino-German Industrial Cities Alliance as a guest city.", null, 'en')).toEqual([['Kunshan', 'guest', null]]);
  });
});

describe('cities admitted together', () => {
  it('adds the cities after "together with" and before "gemeinsam mit"', () => {
    expect(events('Erfurt, the capital of Thuringia, was admitted to the Sino-German Industrial Cities Alliance in May 2021, together with Herne in North Rhine-Westphalia and the Chinese cities of Weihai and Yantai.', null, 'en')).toEqual([
      ['Erfurt', 'joined', '2021-05'], ['Herne', 'joined', '2021-05'], ['Weihai', 'joined', '2021-05'], ['Yantai', 'joined', '2021-05'],
    ]);
    const text = 'Die Industriestädteallianz tagte in Foshan.\n\nZusammen mit Ulm wurden Herne sowie die chinesischen Städte Weihai und Yantai neu aufgenommen.';
    expect(events(text).map((e) => e[0])).toEqual(['Ulm', 'Herne', 'Weihai', 'Yantai']);
  });

  it('does not read an admission into something else as one into the alliance', () => {
    const text = 'Die Industriestädteallianz tagte in Foshan.\n\nGemeinsam mit Ulm wurde Herne in das Förderprogramm des Landes aufgenommen.';
    expect(events(text)).toEqual([]);
  });

  it('names a plural subject after a colon', () => {
    expect(events('Three cities joined the Sino-German Industrial Cities Alliance this year: Weihai in Shandong province, Herne and the Chinese city of Yantai.', '2021-12-01', 'en').map((e) => e[0])).toEqual(['Weihai', 'Herne', 'Yantai']);
  });
});

describe('verbs shared by a second city', () => {
  it('reads "…, Y im Herbst desselben Jahres" as Y joining too', () => {
    expect(events('Ulm ist der Industriestädteallianz im Mai 2017 beigetreten, Weihai im Herbst desselben Jahres.')).toEqual([['Ulm', 'joined', '2017-05'], ['Weihai', 'joined', '2017']]);
  });

  it('needs nothing but a time after the second city', () => {
    expect(events('Ulm ist der Industriestädteallianz 2017 beigetreten, Weihai hat abgelehnt.')).toEqual([['Ulm', 'joined', '2017']]);
  });
});

describe('approvals and standing membership', () => {
  it('reads an approval by the alliance as the admission and one by a council as an intention', () => {
    expect(events('Bochum hatte den Antrag im Mai gestellt. Das Präsidium der Industriestädteallianz hat dem Aufnahmeantrag Mitte Juni zugestimmt.')).toContainEqual(['Bochum', 'joined', '2022-06']);
    expect(events('Der Stadtrat von Bochum hat dem Beitritt zur Industriestädteallianz am Dienstag zugestimmt.')).toEqual([['Bochum', 'intends_to_join', '2022-05-03']]);
    expect(events("Weihai applied to the Sino-German Industrial Cities Alliance last year. The alliance's board approved the city's membership on June 3, 2021.", '2021-06-05', 'en')).toContainEqual(['Weihai', 'joined', '2021-06-03']);
  });

  it('reads "Seit … ist X Mitglied" as joined at that date', () => {
    expect(events('Seit März 2020 ist Herne Mitglied der Industriestädteallianz.')).toEqual([['Herne', 'joined', '2020-03']]);
    expect(events('Since 2019, Weihai has been a member of the Sino-German Industrial Cities Alliance.', null, 'en')).toEqual([['Weihai', 'joined', '2019']]);
  });
});

describe('general guards on membership statements', () => {
  it('reads a subjunctive admission as a hypothesis, never as a joining', () => {
    const text = 'Der Gemeinderat der Stadt Ulm beschließt den Beitritt zur Industriestädteallianz. Ulm wäre damit das 30. deutsche Mitglied und würde im Herbst aufgenommen.';
    expect(events(text).filter(([, event]) => event === 'joined')).toEqual([]);
    expect(events("If approved, Weihai would be admitted to the Sino-German Industrial Cities Alliance in May.", null, 'en').filter(([, event]) => event === 'joined')).toEqual([]);
  });

  it('gives a nominal cue with an indefinite article to no city', () => {
    const text = 'Stadt Herne\n\nDie Stadt Herne tritt der Industriestädteallianz bei. Bislang hat erst ein chinesisches Gründungsmitglied die Allianz verlassen.';
    expect(events(text).filter(([, event]) => event === 'founding_member')).toEqual([]);
  });

  it('reads a council decision on the accession in a paragraph of its own as an intention of the city', () => {
    const text = 'Stadt Bochum\n\nBochum ist seit Dienstag Mitglied der Industriestädteallianz.\n\nDer Rat hatte den Beitritt schon im vergangenen Oktober beschlossen.';
    expect(events(text, '2022-05-06')).toContainEqual(['Bochum', 'intends_to_join', '2021-10']);
  });

  it('reads the cities an inclusion names after a plural subject of an admission', () => {
    const text = 'The Sino-German Industrial Cities Alliance met in Hanover on 3 April 2019. New members admitted at the meeting included Herne, a city in the Ruhr.';
    expect(events(text, '2019-04-05', 'en').map(([city, event]) => [city, event])).toContainEqual(['Herne', 'joined']);
  });

  it('reads "has been a member since" after a possessive appositive', () => {
    const text = "The Sino-German Industrial Cities Alliance keeps growing. Yantai, Weihai's neighbour on the coast, has been a member since 2018.";
    expect(events(text, '2020-01-01', 'en')).toEqual([['Yantai', 'joined', '2018']]);
  });
});
