import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../core/errors.ts';
import { parseFeed, parseListing, parseSitemap, sniffDiscoveryKind } from '../../../pipelines/crawl/discover-links.ts';

const BASE = 'https://www.stadt.example/presse/';
const html = (body: string) => `<!DOCTYPE html><html><body>${body}</body></html>`;

describe('parseListing', () => {
  it.each([
    ['weiter', '<a href="?seite=2">weiter</a>'],
    ['Nächste Seite', '<a href="?seite=2">Nächste Seite</a>'],
    ['next', '<a href="/presse/page/2/">Next</a>'],
    ['rel=next on a', '<a rel="next" href="/presse/2">»</a>'],
    ['rel=next on link', '<link rel="next" href="/presse/2">'],
    ['aria-label', '<a href="/presse/2" aria-label="Zur nächsten Seite">›</a>'],
    ['number in a pager', '<ul class="pagination"><li><a href="/presse/liste-2.html">2</a></li></ul>'],
    ['number with a page parameter', '<p><a href="/presse/?page=2">2</a></p>'],
    ['ältere Meldungen', '<a href="/presse/archiv?start=20">Ältere Meldungen</a>'],
  ])('finds pagination: %s', (_, markup) => {
    const { pagination, links } = parseListing(html(`<a href="/presse/meldung-1.html">Meldung</a>${markup}`), BASE);
    expect(pagination).toHaveLength(1);
    expect(links).toEqual(['https://www.stadt.example/presse/meldung-1.html']);
  });

  it('does not take article links, years or "weiterlesen" for pagination', () => {
    const { pagination, links } = parseListing(
      html('<a href="/presse/2024/meldung.html">2024</a><a href="/presse/meldung-9.html">Weiterlesen</a><a href="/presse/meldung-9.html">Weitere Informationen</a><a href="/presse/x">mehr</a>'),
      BASE,
    );
    expect(pagination).toEqual([]);
    expect(links).toHaveLength(3);
  });

  it('resolves against <base href> and drops fragments, mailto and javascript', () => {
    const { links } = parseListing(
      `<html><head><base href="https://cdn.stadt.example/site/"></head><body><a href="a.html#x">A</a><a href="mailto:x@y.z">M</a><a href="javascript:void(0)">J</a><a href="#top">T</a></body></html>`,
      BASE,
    );
    expect(links).toEqual(['https://cdn.stadt.example/site/a.html', 'https://cdn.stadt.example/site/']);
  });
});

describe('parseSitemap', () => {
  it('reads a sitemap index and a urlset with lastmod', () => {
    const index = parseSitemap(
      Buffer.from('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://www.stadt.example/sm-1.xml</loc><lastmod>2024-03-01</lastmod></sitemap></sitemapindex>'),
      BASE,
      1e6,
    );
    expect(index.sitemaps).toEqual([{ url: 'https://www.stadt.example/sm-1.xml', lastmod: new Date('2024-03-01') }]);
    const set = parseSitemap(
      Buffer.from('<urlset><url><loc> https://www.stadt.example/a </loc><lastmod>2024-03-01T10:00:00+01:00</lastmod></url><url><loc>/b</loc><lastmod>gestern</lastmod></url></urlset>'),
      BASE,
      1e6,
    );
    expect(set.urls).toEqual([
      { url: 'https://www.stadt.example/a', lastmod: new Date('2024-03-01T09:00:00Z') },
      { url: 'https://www.stadt.example/b', lastmod: null },
    ]);
  });

  it('reads a gzipped sitemap and refuses one that inflates past the cap', () => {
    const xml = `<urlset>${'<url><loc>https://www.stadt.example/a</loc></url>'.repeat(100)}</urlset>`;
    const gz = gzipSync(Buffer.from(xml));
    expect(parseSitemap(gz, BASE, 1e6).urls).toHaveLength(100);
    expect(() => parseSitemap(gz, BASE, 100)).toThrow(BadInputError);
  });
});

describe('parseFeed', () => {
  it('reads RSS items, PDF enclosures and Atom entries', () => {
    const rss = parseFeed(
      Buffer.from('<rss version="2.0"><channel><item><title>A</title><link>https://www.stadt.example/a</link><enclosure url="https://www.stadt.example/a.pdf" type="application/pdf"/></item><item><guid>https://www.stadt.example/b</guid></item></channel></rss>'),
      BASE,
    );
    expect(rss).toEqual(['https://www.stadt.example/a', 'https://www.stadt.example/a.pdf', 'https://www.stadt.example/b']);
    const atom = parseFeed(
      Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="self" href="/api/1"/><link rel="alternate" href="/c"/></entry><entry><link href="/d"/></entry></feed>'),
      BASE,
    );
    expect(atom).toEqual(['https://www.stadt.example/c', 'https://www.stadt.example/d']);
  });
});

describe('sniffDiscoveryKind', () => {
  it('believes the bytes over the Content-Type', () => {
    expect(sniffDiscoveryKind(Buffer.from('%PDF-1.7 ...'), 'text/html')).toBe('pdf');
    expect(sniffDiscoveryKind(Buffer.from('<?xml version="1.0"?><urlset>'), 'text/html')).toBe('sitemap');
    expect(sniffDiscoveryKind(Buffer.from('<?xml version="1.0"?><rss version="2.0">'), 'application/xml')).toBe('feed');
    expect(sniffDiscoveryKind(Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom">'), null)).toBe('feed');
    expect(sniffDiscoveryKind(Buffer.from('<!DOCTYPE html><html>'), 'application/pdf')).toBe('html');
    expect(sniffDiscoveryKind(Buffer.from('plain words'), 'text/plain')).toBe('other');
  });
});
