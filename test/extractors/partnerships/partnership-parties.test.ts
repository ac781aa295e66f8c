/**
 * Partnerships whose parties are no plain cities — Länder, provinces, Landkreise — or are not
 * named at all ("beide Städte", a signing sentence after the pair was told), whose since-date is
 * a founding noun's date or an anniversary in a dated text, and relations that are planned,
 * examined or suspended, which become events of their own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const partnerships = (text: string, published: string | null = '2022-05-10', language: 'de' | 'en' = 'de') =>
  ofKind(extract(gazetteer, text, { published, language }), 'partnership').map(({ cities, relation, since }) => [cities, relation, since]);
const events = (text: string, language: 'de' | 'en' = 'de') =>
  ofKind(extract(gazetteer, text, { published: '2022-05-10', language }), 'event').filter((e) => e.type.startsWith('partnership_')).map(({ type, subject }) => [type, subject]);

describe('parties that are Länder, provinces and Landkreise', () => {
  it.each([
    ['Im März 1999 schlossen der Freistaat Sachsen und die Provinz Hubei eine Provinzpartnerschaft.', [[['Hubei', 'Sachsen'], 'partner_city', '1999-03']]],
    ['Das Land Hessen hat 2003 eine Regionalpartnerschaft mit der Provinz Jiangxi begründet.', [[['Hessen', 'Jiangxi'], 'partner_city', '2003']]],
    ['Der Landkreis Freising pflegt seit 2005 eine Landkreis-Partnerschaft zur Stadt Linyi.', [[['Landkreis Freising', 'Linyi'], 'partner_city', '2005']]],
    ['Die Delegation besuchte Hunan, zu der der Freistaat Thüringen seit Jahren eine offizielle Partnerschaft unterhält.', [[['Hunan', 'Thüringen'], 'partner_city', null]]],
    ['Changsha liegt in Thüringens Partnerprovinz Hunan.', [[['Hunan', 'Thüringen'], 'partner_city', null]]],
    ['Die freundschaftlichen Beziehungen zwischen Hubei Provinz und dem Freistaat Sachsen begannen 1990.', [[['Hubei', 'Sachsen'], 'friendship_city', null]]],
    // The region around a city is a party of its own: reconciled against the city, never merged into it.
    ['Seit 2001 besteht die Partnerschaft zwischen Wuhu und der Region Jena.', [[['Region Jena', 'Wuhu'], 'partner_city', '2001']]],
    ['Seit 2001 besteht die Partnerschaft zwischen Wuhu und der Stadt Jena.', [[['Jena', 'Wuhu'], 'partner_city', '2001']]],
  ])('%s', (text, expected) => {
    expect(partnerships(text)).toEqual(expected);
  });

  it('names a regional partnership of several towns by the first of them, and notes the whole group', () => {
    const text = 'Seit 2005 besteht die Regionalpartnerschaft mit Kunming, an der sich auf unserer Seite die Städte Jena, Gera und Weimar sowie der Landkreis Greiz beteiligen.';
    expect(partnerships(text)).toEqual([[['Jena', 'Kunming'], 'partner_city', '2005']]);
    const [claim] = extract(gazetteer, text, { published: '2022-05-10' }).filter((c) => c.kind === 'partnership');
    expect(claim?.provenance?.notes).toEqual(['regional-group: Jena, Gera, Weimar, Landkreis Greiz']);
    // A document that also calls the group "Region Jena" tells that region's partnership once.
    expect(partnerships(`${text} Die Partnerschaft zwischen Kunming und der Region Jena ist lebendig.`)).toEqual([[['Kunming', 'Region Jena'], 'partner_city', null]]);
    // A Land and its province are one party each: no group to note.
    const land = extract(gazetteer, 'Das Land Hessen hat 2003 eine Regionalpartnerschaft mit der Provinz Jiangxi begründet.', { published: '2022-05-10' });
    expect(land.filter((c) => c.kind === 'partnership').map((c) => c.provenance?.notes)).toEqual([undefined]);
  });

  it('lists pairs written with a dash', () => {
    expect(partnerships('Zu den ältesten Städtepartnerschaften zählen Erfurt - Kunming, Gera - Taiyuan und Jena - Wuhu.')).toEqual([
      [['Erfurt', 'Kunming'], 'partner_city', null],
      [['Gera', 'Taiyuan'], 'partner_city', null],
      [['Jena', 'Wuhu'], 'partner_city', null],
    ]);
  });
});

describe('parties not named in the sentence', () => {
  it('reads "beide Städte" and a signing sentence as the pair told before', () => {
    const text = 'Stadt Würzburg\n\nDie Partnerstadt Würzburgs ist Suzhou. Im Mai 2011 unterzeichneten die beiden Oberbürgermeister feierlich den Partnerschaftsvertrag.';
    expect(partnerships(text)).toEqual([[['Suzhou', 'Würzburg'], 'partner_city', '2011-05']]);
    const both = 'Stadt Kassel\n\nKassel pflegt enge Kontakte zu Wuhan. Im Jahr 2014 unterzeichneten beide Städte ein Memorandum.';
    expect(partnerships(both)).toEqual([[['Kassel', 'Wuhan'], 'cooperation_agreement', '2014']]);
  });

  it('dates an agreement and the later twinning apart, an undated mention of the twinning joining the twinning', () => {
    const text = 'Wuhu\n\nWuhu liegt am Jangtse. Im Jahr 2003 mündete das Interesse Wuhus an Kontakten mit Jena im Herzen der Rhein-Main-Region in einer Vereinbarung über die freundschaftliche Zusammenarbeit. Am 5. Mai 2006 wurde die Verbindung der beiden Städte durch einen Partnerschaftsvertrag besiegelt. Heute trennen Jena und Wuhu viele Kilometer, doch die Partnerstadt ist nah.';
    expect(partnerships(text, null)).toEqual([
      [['Jena', 'Wuhu'], 'cooperation_agreement', '2003'],
      [['Jena', 'Wuhu'], 'partner_city', '2006-05-05'],
    ]);
  });

  it('takes a region beside the counterpart for where it lies, not for a second counterpart', () => {
    const text = 'Wuhu\n\nWuhu liegt am Jangtse. Gäste aus Jena im Herzen der Rhein-Main-Region kommen oft. Am 5. Mai 2006 wurde die Verbindung der beiden Städte durch einen Partnerschaftsvertrag besiegelt.';
    expect(partnerships(text, null)).toEqual([[['Jena', 'Wuhu'], 'partner_city', '2006-05-05']]);
  });

  it('keeps two signings of one pair on different dates apart', () => {
    const text = 'Stadt Kassel\n\nKassel und Wuhan schlossen 2001 eine Kooperationsvereinbarung. Am 3. Mai 2006 wurde zwischen Kassel und Wuhan die Städtepartnerschaft besiegelt.';
    expect(partnerships(text)).toEqual([
      [['Kassel', 'Wuhan'], 'cooperation_agreement', '2001'],
      [['Kassel', 'Wuhan'], 'partner_city', '2006-05-03'],
    ]);
  });
});

describe('since-dates', () => {
  it.each([
    ['Seit Gründung der Städtepartnerschaft zwischen Kassel und Wuhan im Oktober 2006 gab es viele Besuche.', '2022-05-10', '2006-10'],
    ['Kassel und Wuhan feiern 15 Jahre Städtepartnerschaft.', '2021-09-01', '2006'],
    ['Das 25-jährige Jubiläum der Partnerschaft von Erfurt und Kunming wurde gefeiert.', '2019-03-01', '1994'],
    ['Kassel und Wuhan feiern 15 Jahre Städtepartnerschaft.', null, null],
  ])('%s (published %s)', (text, published, since) => {
    expect(partnerships(text, published)[0]?.[2]).toBe(since);
  });

  it.each([
    ['Ulm and Wuxi celebrate two decades of sister-city friendship.', '2020-06-01', '2000'],
    ['Ulm celebrated the tenth anniversary of being twinned with Wuxi.', '2020-06-01', '2010'],
  ])('%s', (text, published, since) => {
    expect(partnerships(text, published, 'en')[0]?.[2]).toBe(since);
  });
});

describe('relations that do not exist now', () => {
  it.each([
    ['Stadt Würzburg\n\nDie Partnerschaft zwischen Würzburg und Suzhou ruht seit dem vergangenen Jahr.', 'de', [['partnership_suspended', 'Suzhou – Würzburg']]],
    ['Stadt Kiel\n\nDerzeit prüft die Stadt Kiel eine Städtepartnerschaft mit Qingdao.', 'de', [['partnership_under_review', 'Kiel – Qingdao']]],
    ['City of Kassel\n\nKassel and Wuhan intend to sign a friendship city agreement in May.', 'en', [['partnership_signing_planned', 'Kassel – Wuhan']]],
    ['Stadt Erfurt\n\nKunming hat eine Städtepartnerschaft mit der Landeshauptstadt Erfurt angeregt.', 'de', [['partnership_signing_planned', 'Erfurt – Kunming']]],
    ['City of Erfurt\n\nKunming suggested a sister-city relationship with Erfurt.', 'en', [['partnership_signing_planned', 'Erfurt – Kunming']]],
  ] as const)('%s', (text, language, expected) => {
    expect(events(text, language)).toEqual(expected);
    expect(partnerships(text, null, language)).toEqual([]);
  });
});
