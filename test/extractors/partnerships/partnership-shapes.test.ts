/**
 * Partnerships as real sources write them beyond "X und Y sind Partnerstädte": adverbial ties
 * ("partnerschaftlich verbunden"), a predicate or apposition naming the document's city as the
 * other party, a district party with its metropolis in the genitive, the year an agreement dates
 * from, overview pages with a heading over one partner per line, colon lists with a year per
 * partner — and relations only examined or prepared, which are none.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';
import { PARTNERSHIP_NEGATIVE_CASES } from './negative-cases.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const partnerships = (text: string, language: 'de' | 'en' = 'de', published: string | null = '2023-06-01') =>
  ofKind(extract(gazetteer, text, { published, language }), 'partnership').map(({ cities, relation, since }) => [cities, relation, since]);

describe('partnerships in running text', () => {
  it.each([
    ['Schon seit 1994 ist Bochum mit der Industriestadt Zibo partnerschaftlich verbunden.', [[['Bochum', 'Zibo'], 'partner_city', '1994']]],
    ['Jena und die chinesische Stadt Wuxi feiern ein Jubiläum: Seit 2009 sind die beiden Städte freundschaftlich verbunden.', [[['Jena', 'Wuxi'], 'friendship_city', '2009']]],
    ['Bochum – Die Kooperationsvereinbarung mit der Stadt Zibo aus dem Jahr 2015 bleibt vom Austritt unberührt.', [[['Bochum', 'Zibo'], 'cooperation_agreement', '2015']]],
    ['Mit dem Stadtbezirk Shunde der Metropole Foshan hat Bochum 2020 eine Kooperationsvereinbarung unterzeichnet.', [[['Bochum', 'Shunde'], 'cooperation_agreement', '2020']]],
  ])('%s', (text, expected) => {
    expect(partnerships(text)).toEqual(expected);
  });

  it('pairs a predicate partner with the document\u2019s own city', () => {
    const text = 'Pressemitteilung der Stadt Herne\n\nHerne stärkt die Kontakte nach China. Seit 2013 ist die Hafenstadt Yantai in der Provinz Shandong offizielle Freundschaftsstadt.';
    expect(partnerships(text)).toEqual([[['Herne', 'Yantai'], 'friendship_city', '2013']]);
  });

  it('pairs a partner in apposition with the document\u2019s own city', () => {
    const text = 'Press release of the City of Ulm\n\nA delegation from Wuxi, our sister city since 2004, arrives on Monday in Ulm.';
    expect(partnerships(text, 'en')).toEqual([[['Ulm', 'Wuxi'], 'partner_city', '2004']]);
  });
});

describe('partnerships on overview pages', () => {
  it('reads a heading over one partner per line, each with its year', () => {
    const text = 'Stadt Jena – Internationales\n\nJena pflegt viele Kontakte.\n\nPartnerstädte\n\nErlangen (Bayern) – seit 1987\nWuxi (Provinz Jiangsu, China) – seit 2008\n\nFreundschaftsstädte\n\nZibo – seit 2016\n\nKontakt';
    expect(partnerships(text)).toEqual([[['Jena', 'Wuxi'], 'partner_city', '2008'], [['Jena', 'Zibo'], 'friendship_city', '2016']]);
  });

  it('reads a colon list with a year per partner', () => {
    const text = 'Sister cities of Bochum: Zibo (since 1994), Wuxi (since 2011) and Sheffield (since 1950).';
    expect(partnerships(text, 'en')).toEqual([[['Bochum', 'Zibo'], 'partner_city', '1994'], [['Bochum', 'Wuxi'], 'partner_city', '2011']]);
  });
});

describe('no partnerships', () => {
  for (const { text, language } of PARTNERSHIP_NEGATIVE_CASES) {
    it(`reads none from: ${text.slice(0, 80).replace(/\n/g, ' / ')}`, () => {
      expect(partnerships(text, language)).toEqual([]);
    });
  }
});
