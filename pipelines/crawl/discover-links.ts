/**
 * Discovery: which URLs a listing page, a sitemap or a feed points to. Pure functions over a
 * fetched body; the crawl decides what to enqueue.
 */
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { BadInputError } from '../../core/errors.ts';

export type DiscoveryKind = 'sitemap' | 'feed' | 'html' | 'pdf' | 'other';

/** What a body is, for discovery: sniffed from the bytes first, the Content-Type second (servers lie). */
export function sniffDiscoveryKind(body: Uint8Array, contentType: string | null): DiscoveryKind {
  const head = Buffer.from(body.subarray(0, 2048)).toString('latin1').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('%PDF-')) return 'pdf';
  if (body[0] === 0x1f && body[1] === 0x8b) return 'sitemap'; // sitemap.xml.gz served as application/gzip
  const lower = head.toLowerCase();
  if (/<(?:[\w-]+:)?(urlset|sitemapindex)[\s>]/.test(lower)) return 'sitemap';
  if (/<(rss|rdf:rdf)[\s>]/.test(lower) || /<feed[\s>]/.test(lower)) return 'feed';
  if (/<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<a\s/.test(lower)) return 'html';
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('pdf')) return 'pdf';
  if (type.includes('rss') || type.includes('atom')) return 'feed';
  if (type.includes('html')) return 'html';
  return 'other';
}

export interface SitemapEntry {
  url: string;
  /** `<lastmod>`, when present and parseable. */
  lastmod: Date | null;
}

export interface SitemapContent {
  /** Child sitemaps of a sitemap index. */
  sitemaps: SitemapEntry[];
  urls: SitemapEntry[];
}

/** Reads a sitemap or sitemap index (plain or gzipped, decompressed with `maxBytes` as the cap). */
export function parseSitemap(body: Uint8Array, baseUrl: string, maxBytes: number): SitemapContent {
  const xml = decodeXml(body, baseUrl, maxBytes);
  const $ = cheerio.load(xml, { xml: true });
  const entries = (selector: string): SitemapEntry[] =>
    $(selector)
      .toArray()
      .map((el) => {
        const loc = $(el).children('loc').first().text().trim();
        const lastmodText = $(el).children('lastmod').first().text().trim();
        const url = absolute(loc, baseUrl);
        if (!url) return null;
        const lastmod = lastmodText ? new Date(lastmodText) : null;
        return { url, lastmod: lastmod && !Number.isNaN(lastmod.getTime()) ? lastmod : null };
      })
      .filter((e): e is SitemapEntry => e !== null);
  return { sitemaps: entries('sitemapindex > sitemap'), urls: entries('urlset > url') };
}

/** Links of an RSS 1/2 or Atom feed's items (and PDF enclosures). */
export function parseFeed(body: Uint8Array, baseUrl: string): string[] {
  const $ = cheerio.load(decodeXml(body, baseUrl, Number.POSITIVE_INFINITY), { xml: true });
  const links: string[] = [];
  $('item').each((_, item) => {
    const link = $(item).children('link').first().text().trim() || $(item).attr('rdf:about') || $(item).children('guid[isPermaLink!="false"]').first().text().trim();
    if (link) links.push(link);
    $(item)
      .children('enclosure')
      .each((__, enclosure) => {
        const url = $(enclosure).attr('url');
        if (url && /pdf/i.test($(enclosure).attr('type') ?? url)) links.push(url);
      });
  });
  $('entry').each((_, entry) => {
    const candidates = $(entry).children('link').toArray();
    const preferred = candidates.find((l) => ($(l).attr('rel') ?? 'alternate') === 'alternate') ?? candidates[0];
    const href = preferred ? $(preferred).attr('href') : undefined;
    if (href) links.push(href);
    for (const l of candidates) if ($(l).attr('rel') === 'enclosure' && /pdf/i.test($(l).attr('type') ?? '')) links.push($(l).attr('href') ?? '');
  });
  return links.map((l) => absolute(l, baseUrl)).filter((l): l is string => l !== null);
}

export interface ListingLinks {
  /** Further pages of the same listing ("weiter", "nächste Seite", rel=next, page numbers). */
  pagination: string[];
  /** Every other link on the page. */
  links: string[];
}

// Link texts that mean "the next page of this list", in German and English.
const NEXT_TEXT = /^(?:weiter|vorwärts|nächste(?:\s+seite)?|naechste(?:\s+seite)?|zur\s+nächsten\s+seite|nächste\s+einträge|ältere\s+(?:meldungen|beiträge|einträge|nachrichten)|mehr\s+(?:meldungen|nachrichten|laden)|next(?:\s+page)?|older(?:\s+(?:posts|entries|news))|[›»>→]+|>>)$/i;
const NEXT_LABEL = /nächste\s+seite|naechste\s+seite|next\s+page|seite\s+weiter|weiterblättern/i;
const PAGINATION_CONTAINER = /pag(?:ination|er|ing)|page-?numbers|seiten(?:navigation|auswahl)|browse/i;
const PAGE_PARAM = /[?&](?:page|seite|p|pg|start|offset|skip|pagenum|currentpage|tx_news_pi1%5B%40widget_0%5D%5Bcurrentpage%5D)=\d+|\/(?:page|seite)[/-]?\d+\/?$/i;

/** Splits a listing page's links into pagination and everything else (absolute, fragments kept off). */
export function parseListing(html: string, baseUrl: string): ListingLinks {
  const $ = cheerio.load(html);
  const base = absolute($('base[href]').attr('href') ?? '', baseUrl) ?? baseUrl;
  const pagination = new Set<string>();
  const links = new Set<string>();
  $('link[rel~="next"][href]').each((_, el) => {
    const url = absolute($(el).attr('href') ?? '', base);
    if (url) pagination.add(url);
  });
  $('a[href]').each((_, el) => {
    const a = $(el);
    const url = absolute(a.attr('href') ?? '', base);
    if (!url) return;
    const text = a.text().replace(/\s+/g, ' ').trim();
    const label = `${a.attr('aria-label') ?? ''} ${a.attr('title') ?? ''}`;
    const rel = (a.attr('rel') ?? '').toLowerCase().split(/\s+/);
    const inPager = a.parents().toArray().some((p) => PAGINATION_CONTAINER.test(`${$(p).attr('class') ?? ''} ${$(p).attr('id') ?? ''} ${$(p).attr('aria-label') ?? ''}`));
    const isNumber = /^\d{1,4}$/.test(text);
    const isNext = rel.includes('next') || NEXT_TEXT.test(text) || NEXT_LABEL.test(label) || (inPager && /^(?:seite\s+)?\d{1,4}$/i.test(text));
    if (isNext || (isNumber && PAGE_PARAM.test(url))) pagination.add(url);
    else links.add(url);
  });
  for (const url of pagination) links.delete(url);
  return { pagination: [...pagination], links: [...links] };
}

function decodeXml(body: Uint8Array, url: string, maxBytes: number): string {
  let bytes = body;
  if (body[0] === 0x1f && body[1] === 0x8b) {
    try {
      bytes = gunzipSync(body, Number.isFinite(maxBytes) ? { maxOutputLength: maxBytes } : {});
    } catch (error) {
      throw new BadInputError(`Gzipped sitemap ${url} does not decompress within ${maxBytes} bytes: ${(error as Error).message}`, { input: url, cause: error });
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function absolute(href: string, base: string): string | null {
  const trimmed = href.trim();
  if (!trimmed || /^(?:javascript|mailto|tel|data):/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.toString();
  } catch {
    return null;
  }
}
