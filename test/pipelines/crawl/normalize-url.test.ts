import { describe, expect, it } from 'vitest';
import { normalizeUrl, stripFragment, requestUrl } from '../../../pipelines/crawl/normalize-url.ts';

describe('normalizeUrl', () => {
  it.each([
    ['HTTP://Example.ORG:80/Presse/', 'http://example.org/Presse'],
    ['https://example.org:443/a/b/#teil-2', 'https://example.org/a/b'],
    ['https://example.org/?utm_source=nl&utm_medium=mail&id=7&fbclid=abc&gclid=x', 'https://example.org/?id=7'],
    ['https://example.org/liste?seite=2&kategorie=presse', 'https://example.org/liste?kategorie=presse&seite=2'],
    ['https://example.org/a/./b/../c', 'https://example.org/a/c'],
    ['https://example.org', 'https://example.org/'],
    ['https://example.org./x', 'https://example.org/x'],
    ['https://user:pw@example.org/x', 'https://example.org/x'],
    ['https://example.org:8443/x', 'https://example.org:8443/x'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('resolves relative links against a base', () => {
    expect(normalizeUrl('../meldungen/1.html#oben', 'https://example.org/presse/liste/')).toBe('https://example.org/presse/meldungen/1.html');
  });

  it.each(['mailto:presse@example.org', 'javascript:void(0)', 'ftp://example.org/x', 'file:///etc/passwd', 'not a url'])('rejects %s', (input) => {
    expect(normalizeUrl(input)).toBeNull();
  });

  it('keeps parameters that only look like tracking', () => {
    expect(normalizeUrl('https://example.org/x?utmost=1&page=2')).toBe('https://example.org/x?page=2&utmost=1');
  });

  it('strips only the fragment for fetching', () => {
    expect(stripFragment('https://example.org/a?x=1#y')).toBe('https://example.org/a?x=1');
  });
});

describe('requestUrl', () => {
  it('drops the fragment and tracking parameters but keeps the path and other parameters as linked', () => {
    expect(requestUrl('http://example.org/presse/meldung/?utm_source=rss&utm_medium=feed#top')).toBe('http://example.org/presse/meldung/');
    expect(requestUrl('http://example.org/presse?id=7&fbclid=abc')).toBe('http://example.org/presse?id=7');
    expect(requestUrl('http://example.org/presse?b=2&a=1')).toBe('http://example.org/presse?b=2&a=1');
  });
});
