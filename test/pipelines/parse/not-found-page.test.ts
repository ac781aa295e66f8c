import { describe, expect, it } from 'vitest';
import { looksLikeNotFound } from '../../../pipelines/parse/not-found-page.ts';
import { readDocument } from '../../../pipelines/parse/read-document.ts';
import { NotFoundPageError } from '../../../core/errors.ts';

describe('looksLikeNotFound', () => {
  it.each([
    ['Seite nicht gefunden', 'Die von Ihnen aufgerufene Seite wurde leider nicht gefunden.'],
    ['Fehler 404', 'Bitte nutzen Sie die Suche.'],
    [null, 'Die angeforderte Seite existiert nicht. Zur Startseite'],
    ['Page not found – City of Example', 'Sorry.'],
    [null, '404 – Not Found'],
    [null, "The page you are looking for doesn't exist or has been moved."],
  ])('recognises an error template: %s / %s', (title, text) => {
    expect(looksLikeNotFound({ title, text })).toBe(true);
  });
});

// Negative cases: real press releases that mention the words and must not be taken for error pages.
describe('looksLikeNotFound negative cases', () => {
  const longRelease = (sentence: string) =>
    `${sentence} ` + 'Die Stadt setzt die Zusammenarbeit im Rahmen der Chinesisch-Deutschen Industriestädteallianz fort und lädt Unternehmen zur Teilnahme ein. '.repeat(8);
  it.each([
    ['Neue Seite für Fundsachen', longRelease('Wer etwas verloren hat und die Seite nicht gefunden hat, kann sich an das Fundbüro wenden.')],
    ['Delegation aus Shenzhen', longRelease('Die Gäste besuchten das Werk; ein Fehler 404 der Website wurde inzwischen behoben.')],
    ['404 Schülerinnen und Schüler beim Austausch', 'Insgesamt 404 Schülerinnen und Schüler nahmen am Austausch mit der Partnerstadt teil.'],
    ['Page turner: new library opens', 'The new library was found to be popular on its first day.'],
  ])('%s', (title, text) => {
    expect(looksLikeNotFound({ title, text })).toBe(false);
  });
});

describe('readDocument on error templates', () => {
  const parse = (body: string, contentType: string) => readDocument({ body: Buffer.from(body), url: 'http://example.org/x', contentType, fetchedAt: new Date('2026-01-01') });

  it('refuses an HTML error template with NotFoundPageError, by its title or by a short body text', async () => {
    const byTitle = '<!DOCTYPE html><html><head><title>Seite nicht gefunden</title></head><body><nav>Menü</nav><p>Leider nichts.</p></body></html>';
    await expect(parse(byTitle, 'text/html')).rejects.toBeInstanceOf(NotFoundPageError);
    const byText = '<!DOCTYPE html><html><head><title>Stadt Beispiel</title></head><body><main><p>404 – Not Found</p></main></body></html>';
    await expect(parse(byText, 'text/html')).rejects.toBeInstanceOf(NotFoundPageError);
  });

  it('does not take bytes that are no HTML page for one', async () => {
    await expect(parse('%PDF-1.4 Seite nicht gefunden', 'application/pdf')).rejects.not.toBeInstanceOf(NotFoundPageError);
  });
});
