import { describe, expect, it } from 'vitest';
import { cleanPdfPages, joinLines, stripRunningLines } from '../../../pipelines/parse/clean-pdf-text.ts';

const prose = (n: number): string => `Dies ist eine ganz gewöhnliche Zeile Fließtext Nummer ${n}, die bis an den rechten Rand reicht`;

describe('joinLines', () => {
  it('re-joins lower-case hyphenation, keeps compounds and dangling hyphens before conjunctions', () => {
    expect(joinLines('in der Zusammen-', 'arbeit liegt')).toBe('in der Zusammenarbeit liegt');
    expect(joinLines('aus der Rhein-', 'Main-Region')).toBe('aus der Rhein-Main-Region');
    expect(joinLines('zu wichtigen Handels-', 'und Investitionsfragen')).toBe('zu wichtigen Handels- und Investitionsfragen');
    expect(joinLines('ein Satz', 'geht weiter')).toBe('ein Satz geht weiter');
  });
});

describe('stripRunningLines', () => {
  it('removes lines repeated at the edges of most pages and page numbers, but not repeated body lines', () => {
    const pages = [
      ['Stadt X', 'Amt Y', 'Text A', 'Gemeinsam', 'Seite 1 von 3'],
      ['Stadt X', 'Amt Y', 'Text B', 'Gemeinsam', 'Seite 2 von 3'],
      ['Stadt X', 'Amt Y', 'Text C', 'Seite 3 von 3'],
    ];
    const { pages: kept, removed } = stripRunningLines(pages);
    expect(kept).toEqual([['Text A'], ['Text B'], ['Text C']]);
    expect(removed).toContain('Stadt X');
    // A single page keeps repeated-looking lines: nothing repeats across pages.
    expect(stripRunningLines([['Stadt X', 'Text', '- 1 -']]).pages).toEqual([['Stadt X', 'Text']]);
  });
});

describe('cleanPdfPages', () => {
  it('joins a sentence cut by the page break even when the next page starts with a noun', () => {
    const pages = [
      [prose(1), 'und endet hier.', prose(2), 'Bei der Plenarsitzung der Allianz standen', 'Presseamt', 'presse@x.example'].join('\n'),
      ['Gespräche mit den Mitgliedsstädten im Mittelpunkt.', 'Presseamt', 'presse@x.example'].join('\n'),
    ];
    const { paragraphs } = cleanPdfPages(pages);
    expect(paragraphs).toEqual([`${prose(1)} und endet hier.`, `${prose(2)} Bei der Plenarsitzung der Allianz standen Gespräche mit den Mitgliedsstädten im Mittelpunkt.`]);
  });

  it('keeps headings and date lines as their own paragraphs and honours blank lines', () => {
    const page = ['4. November 2019', 'Pressemitteilung: Delegationsreise nach Foshan', prose(1), prose(2) + '.', '', 'Neuer Absatz.'].join('\n');
    expect(cleanPdfPages([page]).paragraphs).toEqual(['4. November 2019', 'Pressemitteilung: Delegationsreise nach Foshan', `${prose(1)} ${prose(2)}.`, 'Neuer Absatz.']);
  });

  it('ends a paragraph at a short line with a full stop', () => {
    const page = [prose(1), 'Ende.', prose(2) + '.'].join('\n');
    expect(cleanPdfPages([page]).paragraphs).toEqual([`${prose(1)} Ende.`, `${prose(2)}.`]);
  });
});
