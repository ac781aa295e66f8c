import { describe, expect, it } from 'vitest';
import { publicationDate } from '../../../pipelines/parse/publication-date.ts';

const fetchedAt = new Date('2024-06-01T10:00:00Z');
const run = (evidence: Parameters<typeof publicationDate>[0]) => {
  const warnings: string[] = [];
  return { ...publicationDate(evidence, fetchedAt, warnings), warnings };
};

describe('publicationDate: one cascade for every reader', () => {
  const text = 'Titel\n\nLahr, 28.05.2018\n\nDie Stadt tritt bei.';
  it('a stated date wins over everything the document shows', () => {
    expect(run({ stated: '2018-06-01', structured: [{ raw: '2018-05-14', source: 'json-ld' }], text, url: 'https://a.example/2015/01/02/x' })).toMatchObject({ published: '2018-06-01', publishedSource: 'stated' });
  });

  it('structured metadata before the text, the text before page lines, file dates and the URL', () => {
    expect(run({ structured: [{ raw: '2018-05-14', source: 'json-ld' }], text, url: 'https://a.example/x' }).publishedSource).toBe('json-ld');
    expect(run({ text, pageLines: ['Pressemitteilung vom 4. November 2019'], fileDates: [{ raw: '2020-01-01', source: 'pdf-info' }], url: 'https://a.example/2015/01/02/x' })).toMatchObject({ published: '2018-05-28', publishedSource: 'date-line' });
    const undated = 'Titel\n\nDie Stadt tritt bei.';
    expect(run({ text: undated, pageLines: ['Pressemitteilung vom 4. November 2019'], fileDates: [{ raw: '2020-01-01', source: 'pdf-info' }], url: 'https://a.example/x' }).publishedSource).toBe('date-line');
    expect(run({ text: undated, fileDates: [{ raw: '2020-01-01', source: 'pdf-info' }], url: 'https://a.example/2015/01/02/x' })).toMatchObject({ published: '2020-01-01', publishedSource: 'pdf-info' });
    expect(run({ text: undated, url: 'https://a.example/2015/01/02/x' })).toMatchObject({ published: '2015-01-02', publishedSource: 'url' });
    expect(run({ text: undated, url: 'file:///tmp/x.txt' })).toMatchObject({ published: null, publishedSource: null });
  });

  it('skips a stated or structured date after the fetch, with a warning naming the rung', () => {
    const result = run({ stated: '2030-01-01', structured: [{ raw: '2031-01-01', source: 'meta:date' }], text, url: 'https://a.example/x' });
    expect(result).toMatchObject({ published: '2018-05-28', publishedSource: 'date-line' });
    expect(result.warnings).toEqual([expect.stringMatching(/^stated gives 2030-01-01/), expect.stringMatching(/^meta:date gives 2031-01-01/)]);
  });
});
