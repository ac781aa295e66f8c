import { describe, expect, it } from 'vitest';
import { textDateLine } from '../../../pipelines/parse/text-date-line.ts';

describe('textDateLine', () => {
  it.each([
    ['\n\n\n4. November 2019\n\nPressemitteilung: Delegationsreise', '2019-11-04'],
    ['Titel\n\nLahr, 28.05.2018\n\nText', '2018-05-28'],
    ['Titel\n\nJiangmen Daily | April 26, 2016\n\nHANOVER —', '2016-04-26'],
    ['Titel\n\n30.06.2022 – Pressestelle der Stadt Hagen\n\nText', '2022-06-30'],
    ['Titel\n\nStand: 14.03.2023 · 3 Min. Lesezeit', '2023-03-14'],
    ['Titel\n\nPressemitteilung 312/2021 vom 15.09.2021\n\nAm 14.09.21. haben', '2021-09-15'],
    ['Titel\n\nNeuss/Grevenbroich, 9. Mai 2018\n\nText', '2018-05-09'],
    ['Titel\n\nJiaozuo, den 20. Juni 2016\n\nText', '2016-06-20'],
    ['Titel\n\nSource: Foreign Affairs Bureau | Updated: November 4, 2019', '2019-11-04'],
    ['Title\n\nInformation Office of Weifang | Release date: 2021-03-09\n\nText', '2021-03-09'],
    ['Title\n\nPosted on 7 May 2022 by the press office\n\nText', null],
    ['Titel\n\nStadt Ulm · Erscheinungsdatum: 03.02.2020\n\nText', '2020-02-03'],
    ['Title\n\nIssued: 12 October 2018 | Municipal Office\n\nText', '2018-10-12'],
    ['Title\n\nRelease date: 2019-06-03    Editor: Foreign Affairs Office\n\nText', '2019-06-03'],
    ['Titel\n\nStand:\t14.02.2021\tAutor: Presseamt\n\nText', '2021-02-14'],
    ['Title\n\nUpdated: 2021-05-11 14:20   Source: Information Office\n\nText', '2021-05-11'],
    ['Titel\n\n14.03.2022, 10:30 Uhr\n\nText', '2022-03-14'],
    ['Zeitung\n\nBochum, 4. Mai 2021. Die Stadt tritt der Allianz bei.', '2021-05-04'],
    ['Zeitung\n\nHerne, den 12. Juni 2020 – Der Rat hat beschlossen.', '2020-06-12'],
    ['Internationales\n\nText über Partnerstädte.\n\nKontakt\nRathaus\n\nStand: März 2024', '2024-03'],
    ['Partners\n\nSome text.\n\nLast updated: 2 June 2023', '2023-06-02'],
    // The parse stage collapses column gaps: a labelled date still ends where the next field starts.
    ['Title\n\nUpdated: 2021-05-11 14:20 Source: Information Office\n\nText', '2021-05-11'],
    ['Titel\n\nDatum: 04.11.2019 Autor: Pressestelle Kassel\n\nText', '2019-11-04'],
    ['Title\n\nPublished: March 3, 2022 | Editor: News Desk\n\nText', '2022-03-03'],
    ['Title\n\n2020-11-24 09:30  Source: Shiyan Daily  Author: Chen Yu\n\nText', '2020-11-24'],
    ['Titel\n\n12.05.2021 Quelle: Stadt Jena\n\nText', '2021-05-12'],
  ])('finds the release date in %j', (text, date) => {
    expect(textDateLine(text)).toBe(date);
  });

  it('ignores dates inside sentences and years alone', () => {
    expect(textDateLine('Die Allianz wurde am 25. April 2016 gegründet.\n\n2019')).toBeNull();
    expect(textDateLine('Text ohne Datum')).toBeNull();
    // A date at the bottom of a long page without a label is a date of the text, not of the page.
    expect(textDateLine(`Titel\n\n${'Ein Satz über die Allianz.\n'.repeat(20)}\nDie Allianz tagte zuletzt am\n12. Mai 2021`)).toBeNull();
    // A place, a date and a sentence go on: the year must end the dateline.
    expect(textDateLine('Titel\n\nBochum, 4. Mai 2021 trafen sich die Bürgermeister.')).toBeNull();
    // Only a labelled date may be followed by another field: an unlabelled one must stand alone or be followed by its source or author.
    expect(textDateLine('Titel\n\n4. Mai 2021 Ergebnis: die Stadt tritt bei.')).toBeNull();
    expect(textDateLine('Titel\n\nAm 4. Mai 2021 Quelle: Archiv')).toBeNull();
  });
});
