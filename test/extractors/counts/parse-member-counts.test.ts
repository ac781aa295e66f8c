import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';
import { MEMBER_COUNT_NEGATIVE_CASES } from './negative-cases.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const counts = (text: string, published: string | null = null, language: 'de' | 'en' = 'de') =>
  ofKind(extract(gazetteer, text, { published, language }), 'member_count').map(({ country, count, qualifier, unit, scope }) => ({ country, count, qualifier, unit, scope }));

describe('member counts', () => {
  it('reads German number words, inflection, country and unit', () => {
    expect(counts('Der Industriestädteallianz gehören inzwischen zwölf chinesische und neunzehn deutsche Kommunen an.')).toEqual([
      { country: 'CN', count: 12, qualifier: 'exact', unit: 'municipalities', scope: 'current' },
      { country: 'DE', count: 19, qualifier: 'exact', unit: 'municipalities', scope: 'current' },
    ]);
  });

  it('reads qualifiers', () => {
    const text = 'Die ISA umfasst mittlerweile mehr als 40 Städte. Die Allianz zählt mindestens 30 Mitglieder. Ihr gehören rund 50 Städte und Regionen an. Beteiligt sind bis zu 60 Kommunen. Dem Netzwerk gehören knapp 70 Städte an.';
    expect(counts(text).map((c) => [c.count, c.qualifier, c.unit])).toEqual([
      [40, 'more_than', 'cities'], [30, 'at_least', 'members'], [50, 'about', 'cities'], [60, 'at_most', 'municipalities'], [70, 'less_than', 'cities'],
    ]);
  });

  it('tells founding, current and event counts apart', () => {
    const text = 'Die Chinesisch-Deutsche Industriestädteallianz wurde 2016 mit 18 Städten gegründet und zählt heute 44 Mitglieder. Bei der Versammlung wurden fünf neue Mitglieder aufgenommen.';
    expect(counts(text).map((c) => [c.count, c.scope])).toEqual([[18, 'founding'], [44, 'current'], [5, 'event']]);
  });

  it('counts members by origin only next to a member count', () => {
    const text = 'Die ISA wurde 2016 gegründet. Ihr gehören aktuell 25 deutsche Städte aus 9 Bundesländern und 30 chinesische Städte aus 14 Provinzen an.';
    expect(counts(text).map((c) => [c.country, c.count, c.unit])).toEqual([['DE', 25, 'cities'], ['DE', 9, 'states'], ['CN', 30, 'cities'], ['CN', 14, 'provinces']]);
  });

  it('reads English counts with shared nouns and ellipsis', () => {
    const text = 'The Sino-German Industrial Cities Alliance was founded with twelve Chinese and eight German founding cities. Today the alliance has 50 members, 22 of them German and 28 Chinese.';
    expect(counts(text, '2020-05-01', 'en').map((c) => [c.country, c.count, c.unit, c.scope])).toEqual([
      ['CN', 12, 'cities', 'founding'], ['DE', 8, 'cities', 'founding'], [null, 50, 'members', 'current'], ['DE', 22, 'members', 'current'], ['CN', 28, 'members', 'current'],
    ]);
  });

  it('takes the country from "auf deutscher Seite"', () => {
    const text = 'Die Allianz der Industriestädte wächst. Auf deutscher Seite zählt die ISA 20 Mitglieder, auf chinesischer Seite sind es 25 Städte.';
    expect(counts(text).map((c) => [c.country, c.count])).toEqual([['DE', 20], ['CN', 25]]);
  });

  it('gives a count the side phrase that closes its conjunct and the country of the places it comes from', () => {
    const de = 'Im Netzwerk der ISA sind derzeit 52 Mitglieder vereint: 24 Städte und Kreise aus neun Bundesländern auf deutscher Seite sowie 28 Städte aus zwölf Provinzen auf chinesischer Seite.';
    expect(counts(de).map((c) => [c.country, c.count, c.unit])).toEqual([[null, 52, 'members'], ['DE', 24, 'cities'], ['DE', 9, 'states'], ['CN', 28, 'cities'], ['CN', 12, 'provinces']]);
    const en = 'The ISA now has 48 members: 19 cities from seven federal states and 29 cities from eleven provinces.';
    expect(counts(en, null, 'en').map((c) => [c.country, c.count, c.unit])).toEqual([[null, 48, 'members'], ['DE', 19, 'cities'], ['DE', 7, 'states'], ['CN', 29, 'cities'], ['CN', 11, 'provinces']]);
    // A side phrase right before the next count opens that one.
    const opening = 'Der ISA gehören 45 Städte an, auf deutscher Seite 20 Städte, auf chinesischer Seite 25 Städte.';
    expect(counts(opening).map((c) => [c.country, c.count])).toEqual([[null, 45], ['DE', 20], ['CN', 25]]);
  });

  it('counts a definite group a copula presents by name, and signatories of the founding declaration', () => {
    const de = 'Die Industriestädteallianz wurde 2016 gegründet. Die sieben deutschen Gründungsstädte sind Aachen, Ingolstadt, Kelsterbach, Nürnberg, Raunheim, Rüsselsheim und Wuppertal.';
    expect(counts(de).map((c) => [c.country, c.count, c.scope])).toEqual([['DE', 7, 'founding']]);
    const en = 'The Industrial Cities Alliance was launched in Hanover.\n\nTwelve cities from both countries signed the founding declaration.';
    expect(counts(en, null, 'en').map((c) => [c.country, c.count, c.scope])).toEqual([[null, 12, 'founding']]);
    // A plain reference back stays none: "die drei Städte" naming who travelled.
    expect(counts('Die Industriestädteallianz tagte in Hannover. Die drei Städte sind Aachen, Köln und Bonn, deren Bürgermeister reisten.')).toEqual([]);
  });

  it('reads a part of the count of the sentence before ("Eleven of them are Chinese"), with its scope', () => {
    const en = 'The Industrial Cities Alliance was launched in Hanover.\n\nTwelve cities from both countries signed the founding declaration. Seven of them are Chinese: Wuhu, Yantai and others.';
    expect(counts(en, null, 'en').map((c) => [c.country, c.count, c.scope])).toEqual([[null, 12, 'founding'], ['CN', 7, 'founding']]);
    const de = 'Der Industriestädteallianz gehören heute 40 Städte an. 18 davon sind deutsche.';
    expect(counts(de).map((c) => [c.country, c.count])).toEqual([[null, 40], ['DE', 18]]);
    // A new paragraph starts afresh.
    expect(counts('Der Industriestädteallianz gehören heute 40 Städte an.\n\n18 davon sind deutsche.').map((c) => [c.country, c.count])).toEqual([[null, 40]]);
    // Only a member count lends its noun: companies stay companies.
    expect(counts('The Industrial Cities Alliance met in Hanover. About 600 enterprises attended. Two hundred of them are Chinese.', null, 'en')).toEqual([]);
  });

  it('reads elliptic counts that share the side noun', () => {
    const de = 'Der Industriestädteallianz gehören nun 30 Mitglieder an – zwölf auf deutscher und 18 auf chinesischer Seite.';
    expect(counts(de).map((c) => [c.country, c.count, c.unit])).toEqual([[null, 30, 'members'], ['DE', 12, 'members'], ['CN', 18, 'members']]);
    const en = 'The Industrial Cities Alliance now has 30 members, twelve on the German and 18 on the Chinese side.';
    expect(counts(en, null, 'en').map((c) => [c.country, c.count, c.unit])).toEqual([[null, 30, 'members'], ['DE', 12, 'members'], ['CN', 18, 'members']]);
  });

  it('dates a count by its sentence, else by publication', () => {
    const text = 'Die ISA wurde im April 2016 mit elf chinesischen Städten gegründet. Heute gehören ihr 40 Städte an.';
    const claims = ofKind(extract(gazetteer, text, { published: '2019-11-04' }), 'member_count');
    expect(claims.map((c) => c.asOf)).toEqual(['2016-04', '2019-11-04']);
  });

  it('reads counts after "the number of … has risen to" and "die Zahl der … ist auf"', () => {
    const en = 'The Sino-German Industrial Cities Alliance admitted Weihai. The total number of member cities now stands at 61, with 31 on the Chinese side and 30 on the German side.';
    expect(counts(en, '2021-06-01', 'en').map((c) => [c.country, c.count, c.unit, c.qualifier])).toEqual([[null, 61, 'cities', 'exact'], ['CN', 31, 'cities', 'exact'], ['DE', 30, 'cities', 'exact']]);
    const de = 'Die Industriestädteallianz wächst weiter. Die Zahl der Mitglieder ist damit auf über 45 gestiegen, davon 20 auf deutscher Seite.';
    expect(counts(de).map((c) => [c.country, c.count, c.unit, c.qualifier])).toEqual([[null, 45, 'members', 'more_than'], ['DE', 20, 'members', 'exact']]);
  });

  it('counts a group a city belongs to ("zu den sieben Gründungsstädten", "one of the 18 founding cities")', () => {
    expect(counts('Bochum zählt zu den neun deutschen Gründungsstädten der Industriestädteallianz.').map((c) => [c.country, c.count, c.scope])).toEqual([['DE', 9, 'founding']]);
    expect(counts('Weifang is one of the 14 Chinese founding cities of the Sino-German Industrial Cities Alliance.', null, 'en').map((c) => [c.country, c.count])).toEqual([['CN', 14]]);
  });

  it('links a count about founders to the alliance named in an earlier paragraph', () => {
    const text = 'In Hannover wurde die Chinesisch-Deutsche Industriestädteallianz gegründet.\n\nAuf deutscher Seite gehören acht Städte zu den Gründern.';
    expect(counts(text).map((c) => [c.country, c.count, c.scope])).toEqual([['DE', 8, 'founding']]);
  });

  it('needs an alliance: counts in a text without one are no member counts', () => {
    expect(counts('Der Stadt gehören 14 Stadtteile an. Mehr als 30 Städte sind im Austausch.')).toEqual([]);
  });

  it('multiplies dozens and reads "gut" as a little more than', () => {
    const text = 'Dem Städtebündnis Industriestädteallianz gehören heute gut drei Dutzend Kommunen an. The alliance has grown to about two dozen members.';
    expect(counts(text).map((c) => [c.count, c.qualifier, c.unit])).toEqual([[36, 'more_than', 'municipalities'], [24, 'about', 'members']]);
  });

  it('counts a definite group presented by a colon list, and sizes the list over its lines', () => {
    const text = 'Die Industriestädteallianz wurde in Hannover gegründet.\n\nThe five German founding cities were:\nAachen\nKöln\nUlm\nJena\nErfurt';
    const found = extract(gazetteer, text, { published: '2016-04-30', language: 'en' });
    expect(ofKind(found, 'member_count').map((c) => [c.country, c.count, c.unit, c.scope])).toEqual([['DE', 5, 'cities', 'founding']]);
    expect(ofKind(found, 'member_list').map((l) => [l.country, l.statedCount, l.members.length])).toEqual([['DE', 5, 5]]);
  });

  it('reads a place of origin coordinated with another as an origin too', () => {
    const text = 'Die Industriestädteallianz hat nun 80 Mitglieder aus 21 chinesischen Provinzen und zwölf Bundesländern.';
    expect(counts(text).map((c) => [c.country, c.count, c.unit])).toEqual([[null, 80, 'members'], ['CN', 21, 'provinces'], ['DE', 12, 'states']]);
  });

  it('does not size a list of admissions by the membership count before it', () => {
    const text = 'Der Industriestädteallianz gehören 40 chinesische Städte an. Neu aufgenommen wurden im Mai außerdem Weihai und Yantai.';
    const found = extract(gazetteer, text, { published: '2021-06-01', language: 'de' });
    expect(ofKind(found, 'member_list').map((l) => [l.country, l.scope, l.statedCount])).toEqual([['CN', 'event', null]]);
  });

  it('counts what the alliance consists of, its own members after a possessive, and "die Mitgliederzahl liegt bei"', () => {
    expect(counts('Die Chinesisch-Deutsche Industriestädteallianz besteht aus 48 Städten.').map((c) => [c.count, c.unit])).toEqual([[48, 'cities']]);
    expect(counts('Mit ihren 17 deutschen Mitgliedern ist die Industriestädteallianz gewachsen.').map((c) => [c.country, c.count, c.unit])).toEqual([['DE', 17, 'members']]);
    expect(counts('Die Mitgliederzahl der Industriestädteallianz liegt bei 60.').map((c) => [c.count, c.unit])).toEqual([[60, 'members']]);
  });

  it('links "Ihr gehören …" opening a paragraph, and a count the next sentence presents as members, to the alliance named before', () => {
    expect(counts('Die Chinesisch-Deutsche Industriestädteallianz wurde 2016 gegründet.\n\nIhr gehören aktuell zwölf deutsche Städte an.').map((c) => [c.country, c.count])).toEqual([['DE', 12]]);
    expect(counts('Die ISA wurde 2016 gegründet.\n\nAktuell sind zwölf deutsche Städte dabei. Die deutschen Mitgliedsstädte sind: Aachen, Bottrop und Ulm.').map((c) => [c.country, c.count])).toEqual([['DE', 12]]);
  });

  it.each(MEMBER_COUNT_NEGATIVE_CASES)('is no member count: %s', (sentence) => {
    expect(counts(`Die Chinesisch-Deutsche Industriestädteallianz (ISA) verbindet Städte beider Länder. ${sentence}`, '2019-01-01')).toEqual([]);
  });
});
