import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const partnerships = (text: string, published: string | null = null, language: 'de' | 'en' = 'de') =>
  ofKind(extract(gazetteer, text, { published, language }), 'partnership').map(({ cities, relation, since }) => [cities, relation, since]);

describe('partnerships', () => {
  it('reads "mit dem Bezirk" as the city of the other country named last', () => {
    expect(partnerships('Landkreis Esslingen – Über die Aufnahme von Xiangcheng freut man sich: Mit dem Bezirk besteht seit Oktober 2019 eine Kooperationsvereinbarung.')).toEqual([[['Landkreis Esslingen', 'Xiangcheng'], 'cooperation_agreement', '2019-10']]);
    // A noun followed by a name is that name's, and a city of the same country is no referent.
    expect(partnerships('Jena – Über den Besuch aus Gera freut man sich: Mit der Stadt besteht seit 2019 eine Kooperationsvereinbarung.')).toEqual([]);
  });

  it('pairs the antecedent of a relative clause with its subject', () => {
    expect(partnerships('Die Delegation sprach auch mit Vertretern aus Wuhu, mit dem Jena seit 2009 eine Städtepartnerschaft verbindet.')).toEqual([[['Jena', 'Wuhu'], 'partner_city', '2009']]);
    expect(partnerships('Officials from Wuhu, with which Jena has had a sister-city relationship since 2009, attended.', null, 'en')).toEqual([[['Jena', 'Wuhu'], 'partner_city', '2009']]);
  });

  it.each([
    ['Seit 1987 sind Köln und Peking Partnerstädte.', [[['Beijing', 'Köln'], 'partner_city', '1987']]],
    ['Wuppertal und Dongguan sind offizielle Freundschaftsstädte und pflegen seit 2012 intensive Beziehungen.', [[['Dongguan', 'Wuppertal'], 'friendship_city', '2012']]],
    ['Die Stadt Bochum unterzeichnet eine Kooperationsvereinbarung mit der südchinesischen Metropole Shenzhen.', [[['Bochum', 'Shenzhen'], 'cooperation_agreement', null]]],
    ['Kelsterbach hat 2014 einen Freundschaftsvertrag mit dem Bezirk Nansha in Guangzhou unterzeichnet.', [[['Kelsterbach', 'Nansha'], 'friendship_treaty', '2014']]],
    ['Die Städtepartnerschaft zwischen Duisburg und Wuhan wurde am 8. Oktober 1982 besiegelt.', [[['Duisburg', 'Wuhan'], 'partner_city', '1982-10-08']]],
  ])('%s', (text, expected) => {
    expect(partnerships(text)).toEqual(expected);
  });

  it.each([
    ['Nuremberg has been a sister city of Shenzhen since 1997.', [[['Nürnberg', 'Shenzhen'], 'partner_city', '1997']]],
    ['Duisburg and Wuhan became twin cities on 8 October 1982.', [[['Duisburg', 'Wuhan'], 'partner_city', '1982-10-08']]],
    ['Jiangmen and the Hessian town of Raunheim signed a memorandum of understanding.', [[['Jiangmen', 'Raunheim'], 'cooperation_agreement', null]]],
  ])('%s', (text, expected) => {
    expect(partnerships(text, '2020-01-01', 'en')).toEqual(expected);
  });

  it('needs the cities themselves as parties, not agencies or firms of them', () => {
    expect(partnerships('Das Logistikunternehmen Yuxinou (Chongqing) hat mit den Wirtschaftsförderungen von Düsseldorf und Duisburg ein Kooperationsabkommen unterzeichnet.')).toEqual([]);
  });

  it('keeps one claim per pair, with the most specific relation and date', () => {
    const text = 'Chongqing und Düsseldorf feiern 20 Jahre Städtepartnerschaft. Die beiden Städte, Düsseldorf und Chongqing, wurden am 22. Juli 2004 als Partnerstädte gegründet.';
    expect(partnerships(text)).toEqual([[['Chongqing', 'Düsseldorf'], 'partner_city', '2004-07-22']]);
  });

  it('pairs only a German with a Chinese city', () => {
    expect(partnerships('Essen und Duisburg sind Partnerstädte.')).toEqual([]);
  });

  it('reads a district party written with its designator ("Shunde District and the German city of Bochum")', () => {
    const found = ofKind(extract(gazetteer, 'Shunde District and the German city of Bochum signed a cooperation agreement on Monday.', { published: '2021-03-10', language: 'en' }), 'partnership');
    expect(found.map((p) => [p.cities, p.relation, p.since])).toEqual([[['Bochum', 'Shunde'], 'cooperation_agreement', '2021-03-08']]);
  });
});
