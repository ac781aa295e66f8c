import { describe, expect, it } from 'vitest';
import { isSoft404, type PageFacts, readDateEvidence, readLanguage, readLinks, readPageFacts, readTitle, stripSiteName } from '../../../pipelines/parse/html-metadata.ts';
import { parseHtmlTree } from '../../../pipelines/parse/html-tree.ts';
import { publicationDate } from '../../../pipelines/parse/publication-date.ts';

const fetchedAt = new Date('2024-06-01T10:00:00Z');
/** The page's evidence through the one cascade, as the HTML reader runs it. */
function readPublished($: PageFacts, url: string, at: Date, mainLines: string[]) {
  const warnings: string[] = [];
  return { ...publicationDate({ ...readDateEvidence($, mainLines), text: mainLines.join('\n'), url }, at, warnings), warnings };
}
const page = (head: string, body = '<p>x</p>', lang = ''): PageFacts => readPageFacts(parseHtmlTree(`<html${lang}><head>${head}</head><body>${body}</body></html>`));

describe('stripSiteName', () => {
  it('drops site names, keeps titles with their own dashes', () => {
    expect(stripSiteName('Pressemitteilungen | Stadt Nürnberg', null, 'https://www.nuernberg.de/')).toBe('Pressemitteilungen');
    expect(stripSiteName('Chongqing und Düsseldorf feiern - nrwheute', null, 'https://nrwheute.de/a')).toBe('Chongqing und Düsseldorf feiern');
    expect(stripSiteName('Museumsnacht 2017 | lebeART Köln', 'lebeART Köln', 'https://a.example/')).toBe('Museumsnacht 2017');
    expect(stripSiteName('Hannover Messe 2023 – positive Bilanz der Aussteller', null, 'https://www.nuernberg.de/')).toBe('Hannover Messe 2023 – positive Bilanz der Aussteller');
    expect(stripSiteName('Ausstellung „Shenzhen – Stadt im Wandel“ im Rathaus', null, 'https://www.nuernberg.de/')).toBe('Ausstellung „Shenzhen – Stadt im Wandel“ im Rathaus');
  });
});

describe('readTitle / readLanguage / readLinks', () => {
  it('prefers og:title, then h1, then title', () => {
    expect(readTitle(page('<meta property="og:title" content="OG"><title>T</title>', '<h1>H</h1>'), 'https://a.example/')).toBe('OG');
    expect(readTitle(page('<title>T - Stadt A</title>', '<h1>H</h1>'), 'https://a.example/')).toBe('H');
    expect(readTitle(page('<title>Titel der Meldung - Stadt Aachen</title>'), 'https://a.example/')).toBe('Titel der Meldung');
  });

  it('reduces <html lang> to its primary subtag', () => {
    expect(readLanguage(page('', '', ' lang="de-DE"'))).toBe('de');
    expect(readLanguage(page(''))).toBeNull();
  });

  it('resolves links against <base>, drops fragments, mailto and javascript, keeps order', () => {
    const $ = page('<base href="https://b.example/dir/">', '<a href="a.pdf#p2">1</a><a href="mailto:x@y">2</a><a href="javascript:void(0)">3</a><a href="/seite/2">4</a><a href="a.pdf">5</a>');
    expect(readLinks($, 'https://a.example/x')).toEqual(['https://b.example/dir/a.pdf', 'https://b.example/seite/2']);
  });
});

describe('the publication-date cascade on HTML evidence', () => {
  it('goes JSON-LD → meta → time → date line → URL and records the rung', () => {
    const url = 'https://a.example/2015/01/02/x';
    expect(readPublished(page('<script type="application/ld+json">{"datePublished":"2018-05-14"}</script><meta property="article:published_time" content="2018-05-15">'), url, fetchedAt, [])).toMatchObject({ published: '2018-05-14', publishedSource: 'json-ld' });
    expect(readPublished(page('<meta name="DC.date.issued" content="2018-05">'), url, fetchedAt, [])).toMatchObject({ published: '2018-05', publishedSource: 'meta:dc.date.issued' });
    expect(readPublished(page('', '<article><time datetime="2019-01-31T22:00:00-05:00">31.1.</time></article>'), url, fetchedAt, [])).toMatchObject({ published: '2019-01-31', publishedSource: 'time' });
    expect(readPublished(page('', '<h1>T</h1><p class="datum">Pressemitteilung vom 4. November 2019</p>'), url, fetchedAt, [])).toMatchObject({ published: '2019-11-04', publishedSource: 'date-line' });
    expect(readPublished(page(''), url, fetchedAt, [])).toMatchObject({ published: '2015-01-02', publishedSource: 'url' });
  });

  it('ignores dates of teasers for other articles', () => {
    const $ = page('', '<h1>T</h1><p>Text der Meldung ohne Datum.</p><aside><span class="date">01.02.2020</span></aside><div class="teaser"><span class="date">02.02.2020</span></div>');
    expect(readPublished($, 'https://a.example/x', fetchedAt, ['T', 'Text der Meldung ohne Datum.']).published).toBeNull();
  });

  it('skips a rung whose date is after the fetch, with a warning', () => {
    const result = readPublished(page('<meta property="article:published_time" content="2030-01-01">'), 'https://a.example/2019/11/04/x', fetchedAt, []);
    expect(result).toMatchObject({ published: '2019-11-04', publishedSource: 'url' });
    expect(result.warnings[0]).toMatch(/2030-01-01/);
  });

  it('survives malformed JSON-LD', () => {
    expect(readPublished(page('<script type="application/ld+json">{oops</script>'), 'https://a.example/x', fetchedAt, []).published).toBeNull();
  });
});

describe('isSoft404', () => {
  it('recognises not-found titles and headings in German and English', () => {
    expect(isSoft404(page('<title>Seite nicht gefunden - Stadt X</title>'))).not.toBeNull();
    expect(isSoft404(page('<title>Stadt X</title>', '<h1>404 - Not Found</h1>'))).not.toBeNull();
    expect(isSoft404(page('<title>Page not found | City</title>'))).not.toBeNull();
    expect(isSoft404(page('<title>Fehler 404</title>'))).not.toBeNull();
    expect(isSoft404(page('<title>Blog</title>', '<h1>Oops! That page can’t be found.</h1>'))).not.toBeNull();
    expect(isSoft404(page('<title>Köln tritt bei</title>', '<h1>Köln tritt der Allianz bei</h1>'))).toBeNull();
  });
});
