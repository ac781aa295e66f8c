/**
 * Wrong parses seen or feared, kept as rows that must never come back: body text taken for chrome,
 * event dates and phone numbers taken for publication dates, compounds broken by de-hyphenation.
 */
import { describe, expect, it } from 'vitest';
import { joinLines } from '../../../pipelines/parse/clean-pdf-text.ts';
import { findDateLine, findDates } from '../../../pipelines/parse/date-text.ts';
import { readDocument } from '../../../pipelines/parse/read-document.ts';

const fetchedAt = new Date('2024-06-01T10:00:00Z');

async function mainText(bodyHtml: string, url = 'https://www.stadt.example/presse/meldung'): Promise<{ text: string; published: string | null }> {
  const body = new TextEncoder().encode(`<!DOCTYPE html><html lang="de"><head><title>Meldung</title></head><body><main>${bodyHtml}</main></body></html>`);
  const doc = await readDocument({ body, url, contentType: 'text/html; charset=utf-8', fetchedAt });
  return { text: doc.text, published: doc.published };
}

describe('body lines that look like chrome stay in the text', () => {
  const rows = [
    'Die Städte teilen ihre Erfahrungen beim Aufbau von Gewerbegebieten.',
    'Artikel 3 des Partnerschaftsvertrags regelt den Schüleraustausch.',
    'Seite an Seite arbeiten Aachen und Foshan an Projekten zur Industrie 4.0.',
    'Die Stadt ist auf Facebook und Twitter mit eigenen Kanälen vertreten.',
    'Das Tracking der Güterzüge zwischen Duisburg und Chongqing erlaubt eine genaue Analyse der Laufzeiten.',
    'Kommentar der Oberbürgermeisterin: Die Allianz ist ein Gewinn für die Region.',
    'Navigation und Logistik standen im Mittelpunkt des Besuchs.',
  ];
  for (const row of rows) {
    it(row, async () => {
      const { text } = await mainText(`<h1>Titel der Meldung</h1><p>${row}</p><p>Ein weiterer Satz der Meldung, damit der Text lang genug ist.</p>`);
      expect(text).toContain(row);
    });
  }
});

describe('dates that are not publication dates', () => {
  it('an event date inside a sentence is not read as the publication date', async () => {
    const { published } = await mainText('<h1>Köln tritt bei</h1><p>Die offizielle Aufnahme findet am Montag, 24. April 2017, auf der Hannover Messe statt.</p>');
    expect(published).toBeNull();
  });

  it('a date later than the fetch is never the publication date', async () => {
    const { published } = await mainText('<h1>Vorschau</h1><p>24.12.2030</p><p>Die Veranstaltung findet im Dezember statt.</p>');
    expect(published).toBeNull();
  });

  const notDates = ['Telefon: 49 6131 12 22 21', 'Telefax 0911 / 231-0', 'Aktenzeichen 12.3.4567', 'Version 2.4.5', 'Tel. 06131 12-2221'];
  for (const row of notDates) {
    it(`"${row}" holds no date`, () => {
      expect(findDates(row)).toEqual([]);
      expect(findDateLine([row])).toBeNull();
    });
  }
});

describe('de-hyphenation never breaks compounds', () => {
  const rows: Array<[string, string, string]> = [
    ['aus der Rhein-', 'Main-Region', 'aus der Rhein-Main-Region'],
    ['zu Handels-', 'und Investitionsfragen', 'zu Handels- und Investitionsfragen'],
    ['die Deutsch-', 'Chinesische Allianz', 'die Deutsch-Chinesische Allianz'],
    ['die ISA-', 'Mitgliedsstädte', 'die ISA-Mitgliedsstädte'],
    ['Export-', 'oder Importfragen', 'Export- oder Importfragen'],
  ];
  for (const [a, b, joined] of rows) {
    it(joined, () => expect(joinLines(a, b)).toBe(joined));
  }
});
