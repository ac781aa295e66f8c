/**
 * Reads what a page says about itself, before any chrome is removed: title, language, links and
 * the publication date cascade (structured data → the page's date line → the URL).
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { DateValue } from './publication-date.ts';

const SEPARATORS = /\s+[|–—·•:»]\s+|\s+-\s+|\s+::\s+/;

function clean(text: string | undefined | null): string {
  return (text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

const SITE_NAME_LIKE = /^(?:(?:landeshauptstadt|stadt|gemeinde|kreisstadt|hansestadt|universitätsstadt|bundesstadt|markt|landkreis|kreis|bezirksamt|city of|town of|municipality of)\s|www\.|[\w-]+\.(?:de|com|org|net|eu|info|gov|cn)$|startseite$|home$)/i;

/** Lower-case ASCII letters only, umlauts spelt out, to compare a site name with a host name. */
function asciiKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

function looksLikeSiteName(part: string, siteName: string | null, host: string): boolean {
  if (siteName && part.toLowerCase() === siteName.toLowerCase()) return true;
  // A site name is a short name, not a clause: "Stadt Nürnberg", not "Stadt im Wandel“ im Rathaus".
  if (SITE_NAME_LIKE.test(part) && part.split(/\s+/).length <= 3 && !/["“”„«»]/.test(part)) return true;
  // "nrwheute" on nrwheute.de, "Stadt Köln" on stadt-koeln.de: the last word is in the host name.
  const lastWord = asciiKey(part.split(/\s+/).pop() ?? '');
  return part.length <= 40 && lastWord.length >= 4 && asciiKey(host).includes(lastWord);
}

/**
 * Drops a site-name suffix or prefix ("… | Stadt Köln", "nrwheute - …"): only a part that is the
 * `og:site_name`, looks like one ("Stadt …", a domain) or names the host. Titles with a dash of
 * their own ("Hannover Messe 2023 – positive Bilanz") stay whole.
 */
export function stripSiteName(title: string, siteName: string | null, pageUrl: string): string {
  const parts = title.split(SEPARATORS).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2) return title;
  let host = '';
  try {
    host = new URL(pageUrl).hostname.replace(/^www\./, '');
  } catch {
    // a file path: no host to compare with
  }
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (looksLikeSiteName(last, siteName, host)) return title.slice(0, title.lastIndexOf(last)).replace(SEPARATOR_AT_END, '').trim();
  if (looksLikeSiteName(first, siteName, host)) return title.slice(first.length).replace(SEPARATOR_AT_START, '').trim();
  return title;
}

const SEPARATOR_AT_END = /(?:\s+[|–—·•:»]|\s+-|\s+::)\s*$/;
const SEPARATOR_AT_START = /^\s*(?:[|–—·•:»]\s+|-\s+|::\s+)/;

/** Title: `og:title`, then the first `<h1>`, then `<title>`, each without the site name. */
export function readTitle($: CheerioAPI, pageUrl: string): string | null {
  const siteName = clean($('meta[property="og:site_name"]').attr('content')) || null;
  const og = clean($('meta[property="og:title"]').attr('content') ?? $('meta[name="og:title"]').attr('content'));
  if (og) return stripSiteName(og, siteName, pageUrl);
  const h1 = clean($('h1').first().text());
  if (h1) return h1;
  const title = clean($('title').first().text());
  const stripped = title ? stripSiteName(title, siteName, pageUrl) : null;
  // Old sites title every page "Pressemitteilung" and put the headline in an <h2>.
  if (!stripped || GENERIC_TITLE.test(stripped)) return clean($('h2').first().text()) || stripped;
  return stripped;
}

const GENERIC_TITLE = /^(?:pressemitteilung(?:en)?|presse|pressemeldung(?:en)?|aktuelles|aktuell|neuigkeiten|nachrichten|meldung(?:en)?|news|startseite|home|artikel|beitrag|detail|details|press releases?)$/i;

/** `<html lang>` reduced to its primary subtag ("de-DE" → "de"), or null. */
export function readLanguage($: CheerioAPI): string | null {
  const lang = clean($('html').attr('lang') ?? $('html').attr('xml:lang') ?? $('meta[http-equiv="content-language" i]').attr('content'));
  const primary = /^([a-z]{2,3})\b/i.exec(lang)?.[1];
  return primary ? primary.toLowerCase() : null;
}

/** Absolute http(s) URLs of every `<a href>`, without fragments, deduplicated in page order. */
export function readLinks($: CheerioAPI, pageUrl: string): string[] {
  let base = pageUrl;
  const baseHref = $('base[href]').attr('href');
  if (baseHref) {
    try {
      base = new URL(baseHref, pageUrl).href;
    } catch {
      // a broken <base> is ignored, as browsers do
    }
  }
  const links: string[] = [];
  const seen = new Set<string>();
  $('a[href]').each((_, element) => {
    const href = (element.attribs['href'] ?? '').trim();
    if (href === '' || href.startsWith('#')) return;
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    url.hash = '';
    if (!seen.has(url.href)) {
      seen.add(url.href);
      links.push(url.href);
    }
  });
  return links;
}

/** Every `datePublished` in the JSON-LD blocks, `@graph` included, in document order. */
function jsonLdDates($: CheerioAPI): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const date = record['datePublished'];
      if (typeof date === 'string') found.push(date);
      for (const [key, child] of Object.entries(record)) if (key !== 'datePublished') visit(child);
    }
  };
  $('script[type="application/ld+json"]').each((_, element) => {
    try {
      visit(JSON.parse($(element).text()));
    } catch {
      // malformed JSON-LD is common; the next rung decides
    }
  });
  return found;
}

const META_DATES: Array<[string, string]> = [
  ['meta[property="article:published_time"]', 'meta:article:published_time'],
  ['meta[name="article:published_time"]', 'meta:article:published_time'],
  ['meta[property="og:article:published_time"]', 'meta:og:article:published_time'],
  ['meta[name="DC.date.issued" i]', 'meta:dc.date.issued'],
  ['meta[name="dcterms.issued" i]', 'meta:dcterms.issued'],
  ['meta[name="DC.date" i]', 'meta:dc.date'],
  ['meta[name="dcterms.date" i]', 'meta:dcterms.date'],
  ['meta[name="date" i]', 'meta:date'],
  ['meta[name="publish-date" i], meta[name="publishdate" i], meta[name="pubdate" i], meta[name="publication_date" i]', 'meta:pubdate'],
  ['meta[itemprop="datePublished"]', 'meta:itemprop:datePublished'],
];

/**
 * Lines near the title where pages state their own date: elements whose class says date, the
 * lines right after the `<h1>`, and the first lines of the main text.
 */
const NOT_THIS_ARTICLE = 'nav, aside, footer, [class*="related" i], [class*="teaser" i], [class*="sidebar" i], [class*="widget" i]';

function dateLineCandidates($: CheerioAPI, mainLines: readonly string[]): string[] {
  const lines: string[] = [];
  const push = (element: AnyNode): void => {
    // Teasers for other articles carry their own dates: never read those.
    if ($(element).closest(NOT_THIS_ARTICLE).length > 0) return;
    const text = clean($(element).text());
    if (text.length > 0 && text.length <= 300) lines.push(text);
  };
  const h1 = $('h1').first();
  if (h1.length > 0) {
    h1.prevAll().slice(0, 2).each((_, element) => push(element));
    h1.nextAll().slice(0, 3).each((_, element) => push(element));
    h1.parent().prevAll().slice(0, 1).each((_, element) => push(element));
    h1.parent().nextAll().slice(0, 2).each((_, element) => push(element));
  }
  lines.push(...mainLines.slice(0, 8));
  $('[class*="date" i], [class*="datum" i], [class*="published" i], [class*="byline" i], [class*="meta" i], [itemprop="datePublished"]').each((_, element) => {
    if (['html', 'head', 'body', 'meta', 'script'].includes(element.name)) return;
    if (clean($(element).text()).length <= 120) push(element);
  });
  return lines;
}

/**
 * What the page shows about its publication date, for `publicationDate`'s cascade: structured
 * values (JSON-LD → publication meta tags → `<time datetime>`) and the short lines near the title.
 */
export function readDateEvidence($: CheerioAPI, mainLines: readonly string[]): { structured: DateValue[]; pageLines: string[] } {
  const structured: DateValue[] = jsonLdDates($).map((raw) => ({ raw, source: 'json-ld' }));
  for (const [selector, source] of META_DATES) {
    for (const element of $(selector).toArray()) {
      const raw = $(element).attr('content');
      if (raw) structured.push({ raw, source });
    }
  }
  const times = $('time[datetime]').toArray();
  // Prefer the time marked as publication, then one inside the article, then the first.
  const ranked = [
    ...times.filter((t) => t.attribs['itemprop'] === 'datePublished' || t.attribs['pubdate'] !== undefined),
    ...times.filter((t) => $(t).closest('article, main, [role="main"]').length > 0),
    ...times,
  ];
  for (const element of ranked) {
    const raw = element.attribs['datetime'];
    if (raw) structured.push({ raw, source: 'time' });
  }
  return { structured, pageLines: dateLineCandidates($, mainLines) };
}

const SOFT_404 = /^(?:(?:fehler|error)\s*)?404\b|\b404\s*(?:[-–:|]\s*)?(?:not found|nicht gefunden|fehler|error)\b|seite (?:wurde |konnte )?nicht gefunden|seite existiert (?:leider )?nicht|page (?:was |could not be )?not found|page (?:can[’']t|cannot|could not) be found|^not found$|^nicht gefunden$|die angeforderte seite (?:konnte|wurde|existiert)|the requested page (?:could not|was not|does not)|^ups!?,? (?:diese|die) seite|^oops!?,? (?:that|this) page/i;

/** True when the title or main heading says the page does not exist ("Seite nicht gefunden", "404"). */
export function isSoft404($: CheerioAPI): string | null {
  const candidates = [clean($('title').first().text()), clean($('h1').first().text())];
  for (const candidate of candidates) {
    if (candidate === '' || candidate.length > 120) continue;
    const parts = candidate.split(SEPARATORS);
    if (parts.some((part) => SOFT_404.test(part.trim()))) return candidate;
  }
  return null;
}
