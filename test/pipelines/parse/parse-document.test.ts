import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../core/errors.ts';
import { readDocument } from '../../../pipelines/parse/read-document.ts';
import type { ParseInput } from '../../../core/parsed-document.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fetchedAt = new Date('2024-06-01T10:00:00Z');

async function input(file: string, contentType: string | null, url = `https://www.musterstadt.example/presse/${file}`): Promise<ParseInput> {
  return { body: new Uint8Array(await readFile(join(fixtures, file))), url, contentType, fetchedAt };
}

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

describe('readDocument: HTML charsets', () => {
  it('reads an ISO-8859-1 page declared in http-equiv with correct umlauts', async () => {
    const doc = await readDocument(await input('iso-8859-1.html', 'text/html'));
    expect(doc.format).toBe('html');
    expect(doc.text).toContain('Die Bürgerinnen und Bürger von Musterhausen begrüßen eine Delegation aus Jiangmen.');
    expect(doc.text).toContain('äußerten großes Interesse');
    expect(doc.title).toBe('Städtepartnerschaft mit Jiangmen');
    expect(doc.text).not.toMatch(/Ã|\uFFFD/);
  });

  it('lets the HTTP header charset win over the meta tag', async () => {
    const body = new TextEncoder().encode('<html><head><meta charset="windows-1252"><title>x</title></head><body><p>Grüße aus Köln an die Partnerstadt.</p></body></html>');
    const doc = await readDocument({ body, url: 'https://a.example/', contentType: 'text/html; charset=utf-8', fetchedAt });
    expect(doc.text).toBe('Grüße aus Köln an die Partnerstadt.');
  });

  it('reads windows-1252 „quotes“, the dash and € from a meta charset page', async () => {
    const doc = await readDocument(await input('windows-1252.html', 'text/html'));
    expect(doc.text).toContain('„Das ist ein großer Schritt“, sagte die Dezernentin.');
    expect(doc.text).toContain('2 Mio. € für gemeinsame Projekte – mehr als erwartet.');
    expect(doc.text).toContain('folgen … demnächst');
  });

  it('survives invalid UTF-8 and reads the stray byte as windows-1252, with a warning', async () => {
    const doc = await readDocument(await input('invalid-utf8.html', 'text/html; charset=utf-8'));
    expect(doc.text).toContain('Die Stadt Köln pflegt Kontakte nach China');
    expect(doc.warnings.join(' ')).toMatch(/invalid UTF-8/);
  });

  it('honours a UTF-8 byte-order mark over a wrong header', async () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('<html><body><p>Städtepartnerschaft mit Foshan besiegelt.</p></body></html>')]);
    const doc = await readDocument({ body, url: 'https://a.example/', contentType: 'text/html; charset=iso-8859-1', fetchedAt });
    expect(doc.text).toBe('Städtepartnerschaft mit Foshan besiegelt.');
  });
});

describe('readDocument: HTML main text', () => {
  it('keeps the article and drops navigation, cookie notice, share bars, comment form, footer and skip link', async () => {
    const doc = await readDocument(await input('municipal-page.html', 'text/html; charset=utf-8'));
    expect(doc.text).toContain('Die Stadt Musterstadt ist der Chinesisch-Deutschen Industriestädteallianz beigetreten. Das hat der Rat am Montag, 7. Mai 2018, einstimmig beschlossen.');
    for (const chrome of ['Inhalt anspringen', 'Rathaus', 'English', 'Startseite', 'Seite teilen', 'Facebook', 'Hinterlasse einen Kommentar', 'Cookies', 'Matomo', 'Impressum', '© 2024', 'toTop', 'Sperrung der Hauptstraße', 'stadtmusterlogo', 'Versteckter Text', 'Bildnachweise']) {
      expect(doc.text, chrome).not.toContain(chrome);
    }
  });

  it('keeps captions and photo credits apart from the text', async () => {
    const doc = await readDocument(await input('municipal-page.html', 'text/html'));
    expect(doc.captions).toContain('Oberbürgermeisterin Beispiel bei der Unterzeichnung in Foshan. Foto: Max Muster');
    expect(doc.captions).toContain('© Stadt Musterstadt | Presseamt');
    expect(doc.text).not.toContain('Unterzeichnung in Foshan');
  });

  it('separates blocks by a blank line, br and list items by a newline, and normalises whitespace', async () => {
    const doc = await readDocument(await input('municipal-page.html', 'text/html'));
    expect(doc.text).toContain('unsere Unternehmen.“\nDie Aufnahme findet auf der Hannover Messe statt.');
    expect(doc.text).toContain('\n\nMitglieder\n\nAachen\nKöln\nWuppertal\n\n');
    expect(doc.text).not.toMatch(/ {2}| \n|\n{3}/);
    expect(doc.text).toBe(doc.text.trim());
  });

  it('reads title, language, JSON-LD date and all links', async () => {
    const doc = await readDocument(await input('municipal-page.html', 'text/html'));
    expect(doc.title).toBe('Musterstadt tritt Städteallianz bei');
    expect(doc.language).toBe('de');
    expect(doc.published).toBe('2018-05-14');
    expect(doc.publishedSource).toBe('json-ld');
    expect(doc.links).toContain('https://www.musterstadt.example/downloads/allianz.pdf');
    expect(doc.links).toContain('https://www.musterstadt.example/presse?page=2');
    expect(doc.links.every((link) => link.startsWith('http'))).toBe(true);
  });

  it('lets source contentSelectors win when they match', async () => {
    const doc = await readDocument({ ...(await input('municipal-page.html', 'text/html')), contentSelectors: ['.nomatch', 'article ul'] });
    expect(doc.text).toBe('Aachen\nKöln\nWuppertal');
  });

  it('throws BadInputError naming the URL for a soft 404', async () => {
    const error = await rejection(readDocument(await input('soft-404.html', 'text/html')));
    expect(error).toBeInstanceOf(BadInputError);
    expect(error.message).toMatch(/^soft 404: https:\/\/www\.musterstadt\.example\/presse\/soft-404\.html/);
  });

  it('throws BadInputError for a page with no main text and for an empty body', async () => {
    expect(await rejection(readDocument(await input('chrome-only.html', 'text/html')))).toBeInstanceOf(BadInputError);
    const empty = await rejection(readDocument({ body: new Uint8Array(), url: 'https://a.example/x', contentType: 'text/html', fetchedAt }));
    expect(empty).toBeInstanceOf(BadInputError);
    expect(empty.message).toContain('https://a.example/x');
  });
});

describe('readDocument: format sniffing', () => {
  it('parses HTML served as application/pdf as HTML, with a warning', async () => {
    const doc = await readDocument(await input('html-served-as-pdf.pdf', 'application/pdf'));
    expect(doc.format).toBe('html');
    expect(doc.text).toContain('begrüßen eine Delegation aus Jiangmen');
    expect(doc.warnings[0]).toMatch(/served as PDF/);
  });

  it('parses a PDF served as text/html as a PDF', async () => {
    const doc = await readDocument(await input('press-release.pdf', 'text/html; charset=utf-8', 'https://www.musterstadt.example/presse/meldung.html'));
    expect(doc.format).toBe('pdf');
    expect(doc.warnings[0]).toMatch(/body is a PDF/);
  });

  it('rejects binary junk served as PDF', async () => {
    const body = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const error = await rejection(readDocument({ body, url: 'https://a.example/flyer.pdf', contentType: 'application/pdf', fetchedAt }));
    expect(error).toBeInstanceOf(BadInputError);
    expect(error.message).toMatch(/not a PDF/);
  });
});

describe('readDocument: PDF', () => {
  it('removes the repeated press-office block, joins the sentence cut at the page break and re-joins hyphenated words', async () => {
    const doc = await readDocument(await input('press-release.pdf', 'application/pdf'));
    expect(doc.format).toBe('pdf');
    expect(doc.pages).toBe(2);
    expect(doc.text).not.toContain('Pressestelle');
    expect(doc.text).not.toContain('Rathausplatz');
    expect(doc.text).toContain('Bei der Sitzung des Ausschusses standen die Gespräche mit den chinesischen Mitgliedsstädten im Mittelpunkt.');
    expect(doc.text).toContain('in der Zusammenarbeit mit den Partnern aus der Rhein-Main-Region große Chancen');
    expect(doc.text).toContain('\n\nDie Allianz wurde im April 2016 gegründet');
    expect(doc.links).toEqual(['https://www.musterstadt.example/allianz']);
  });

  it('takes the date line at the top of page 1 over the PDF info dates', async () => {
    const doc = await readDocument(await input('press-release.pdf', 'application/pdf'));
    expect(doc.published).toBe('2021-03-12');
    expect(doc.publishedSource).toBe('date-line');
    expect(doc.title).toBe('Musterstadt tritt bei');
  });

  it('drops "Seite n von m" footers and "- n -" headers, and falls back to the info CreationDate', async () => {
    const doc = await readDocument(await input('page-footers.pdf', 'application/pdf'));
    expect(doc.text).not.toMatch(/Seite \d von 3|- \d -/);
    expect(doc.text).toContain('Absatz drei der Mitteilung über die Partnerschaft.');
    expect(doc.published).toBe('2021-03-15');
    expect(doc.publishedSource).toBe('pdf-info');
  });

  it('fails an encrypted PDF with a clear BadInputError', async () => {
    const error = await rejection(readDocument(await input('encrypted.pdf', 'application/pdf')));
    expect(error).toBeInstanceOf(BadInputError);
    expect(error.message).toMatch(/^PDF is encrypted/);
  });

  it('fails a truncated PDF with a BadInputError', async () => {
    const error = await rejection(readDocument(await input('truncated.pdf', 'application/pdf')));
    expect(error).toBeInstanceOf(BadInputError);
    expect(error.message).toMatch(/PDF is broken/);
  });

  it('enforces the page cap and the size cap', async () => {
    const pages = await rejection(readDocument(await input('page-footers.pdf', 'application/pdf'), { pdfMaxPages: 2 }));
    expect(pages).toBeInstanceOf(BadInputError);
    expect(pages.message).toMatch(/^PDF has 3 pages, cap is 2/);
    const size = await rejection(readDocument(await input('press-release.pdf', 'application/pdf'), { pdfMaxBytes: 1000 }));
    expect(size).toBeInstanceOf(BadInputError);
    expect(size.message).toMatch(/cap is/);
  });

  it('stops the worker at the time limit', async () => {
    // 1 ms is shorter than any worker start-up, so the limit always fires first.
    const error = await rejection(readDocument(await input('press-release.pdf', 'application/pdf'), { pdfTimeoutMs: 1 }));
    expect(error).toBeInstanceOf(BadInputError);
    expect(error.message).toMatch(/^PDF parsing took longer than 0.001 s/);
  });
});

describe('readDocument: plain text', () => {
  it('normalises line endings, reads the date line and the title, keeps paragraphs', async () => {
    const body = bytes('\r\n4. November 2019\r\n\r\nPressemitteilung: Delegationsreise nach Foshan   \r\n\r\n\r\n\r\nDie Stadt hat ihre Beziehungen intensiviert.\r\n');
    const doc = await readDocument({ body, url: 'file:///seeds/x.txt', contentType: 'text/plain', fetchedAt });
    expect(doc.format).toBe('text');
    expect(doc.text).toBe('4. November 2019\n\nPressemitteilung: Delegationsreise nach Foshan\n\nDie Stadt hat ihre Beziehungen intensiviert.');
    expect(doc.published).toBe('2019-11-04');
    expect(doc.title).toBe('Pressemitteilung: Delegationsreise nach Foshan');
  });
});

describe('readDocument: Readability option', () => {
  it('extracts the same article body with htmlExtractor "readability"', async () => {
    const doc = await readDocument(await input('municipal-page.html', 'text/html'), { htmlExtractor: 'readability' });
    expect(doc.text).toContain('Die Stadt Musterstadt ist der Chinesisch-Deutschen Industriestädteallianz beigetreten.');
    expect(doc.text).not.toContain('Hinterlasse einen Kommentar');
    expect(doc.published).toBe('2018-05-14');
  });
});

describe('readDocument: old table layouts', () => {
  it('takes the content cell, splits <br><br> into paragraphs, drops navigation and side columns', async () => {
    const doc = await readDocument(await input('legacy-layout.html', 'text/html'));
    expect(doc.title).toBe('Partnerschaft mit Jiangmen unterzeichnet');
    expect(doc.published).toBe('2018-07-03');
    expect(doc.publishedSource).toBe('date-line');
    expect(doc.text).toContain('unterzeichnet.\n\nBürgermeister Schmidt betonte');
    for (const chrome of ['Rathaus & Politik', 'Druckversion', 'Sommerfest', 'Kanalarbeiten', 'Impressum', 'Startseite']) {
      expect(doc.text, chrome).not.toContain(chrome);
    }
  });
});

describe('readDocument: hostile HTML', () => {
  const nested = (depth: number): Uint8Array =>
    bytes(`<html><body>${'<div>'.repeat(depth)}<p>Ein tief verschachtelter Satz über die Städteallianz.</p>${'</div>'.repeat(depth)}</body></html>`);

  it('rejects markup nested deeper than htmlMaxDepth before parsing it', async () => {
    const error = await rejection(readDocument({ body: nested(50_000), url: 'https://a.example/deep', contentType: 'text/html', fetchedAt }));
    expect(error).toBeInstanceOf(BadInputError);
    expect(error.message).toMatch(/nests 50000 elements deep, cap is 1000/);
  });

  it('parses deep but plausible nesting', async () => {
    const doc = await readDocument({ body: nested(300), url: 'https://a.example/deep', contentType: 'text/html', fetchedAt });
    expect(doc.text).toBe('Ein tief verschachtelter Satz über die Städteallianz.');
  });
});
