/**
 * Reads what a page says about itself, before any chrome is removed: title, language, links and
 * the evidence for the publication date cascade (structured data → the page's date line → the URL).
 * `readPageFacts` collects all of it in one walk over the tree; the readers below only look at
 * what it collected.
 */
import type { Element } from 'domhandler';
import { closest, type HtmlTree, isTag, nextElements, previousElements, textOf } from './html-tree.ts';
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

/** Publication meta tags in order of trust: the attribute, its value, whether the value ignores case, the source name. */
const META_DATES: ReadonlyArray<{ attribute: string; values: readonly string[]; ignoreCase: boolean; source: string }> = [
  { attribute: 'property', values: ['article:published_time'], ignoreCase: false, source: 'meta:article:published_time' },
  { attribute: 'name', values: ['article:published_time'], ignoreCase: false, source: 'meta:article:published_time' },
  { attribute: 'property', values: ['og:article:published_time'], ignoreCase: false, source: 'meta:og:article:published_time' },
  { attribute: 'name', values: ['dc.date.issued'], ignoreCase: true, source: 'meta:dc.date.issued' },
  { attribute: 'name', values: ['dcterms.issued'], ignoreCase: true, source: 'meta:dcterms.issued' },
  { attribute: 'name', values: ['dc.date'], ignoreCase: true, source: 'meta:dc.date' },
  { attribute: 'name', values: ['dcterms.date'], ignoreCase: true, source: 'meta:dcterms.date' },
  { attribute: 'name', values: ['date'], ignoreCase: true, source: 'meta:date' },
  { attribute: 'name', values: ['publish-date', 'publishdate', 'pubdate', 'publication_date'], ignoreCase: true, source: 'meta:pubdate' },
  { attribute: 'itemprop', values: ['datePublished'], ignoreCase: false, source: 'meta:itemprop:datePublished' },
];

/** Class words of boxes that belong to other articles (teasers carry their own dates). */
const OTHER_ARTICLE_CLASS = ['related', 'teaser', 'sidebar', 'widget'];
const OTHER_ARTICLE_TAGS = new Set(['nav', 'aside', 'footer']);
/** Class words of elements that show a date line. */
const DATE_CLASS = ['date', 'datum', 'published', 'byline', 'meta'];
const NOT_DATE_LINE_TAGS = new Set(['html', 'head', 'body', 'meta', 'script']);

function isOtherArticle(element: Element): boolean {
  if (OTHER_ARTICLE_TAGS.has(element.name)) return true;
  const className = element.attribs['class'];
  if (className === undefined) return false;
  const lower = className.toLowerCase();
  return OTHER_ARTICLE_CLASS.some((word) => lower.includes(word));
}

function isArticleOrMain(element: Element): boolean {
  return element.name === 'article' || element.name === 'main' || element.attribs['role'] === 'main';
}

/** Everything the HTML reader needs from a page before its chrome is removed, read in one walk. */
export interface PageFacts {
  /** Text of the first `<title>`, `<h1>`, `<h2>`, cleaned; '' when absent. */
  titleText: string;
  h1Text: string;
  h2Text: string;
  /** `content` of the first `og:site_name` and `og:title` meta tags. */
  siteName: string | null;
  ogTitle: string | undefined;
  /** `<html lang>`, `xml:lang` or the `content-language` meta tag, raw. */
  declaredLanguage: string | undefined;
  /** `<base href>` and every `<a href>` value, raw, in page order. */
  baseHref: string | undefined;
  hrefs: string[];
  /** Structured date values in the order the cascade trusts them. */
  structuredDates: DateValue[];
  /** Short lines beside the `<h1>`, and lines of date-classed elements: they frame the main text's first lines. */
  linesNearTitle: string[];
  datedLines: string[];
}

/**
 * Walks the page once and keeps what the readers need: the first title, headings and language,
 * meta tags, links, JSON-LD, `<time>` elements and date-classed elements. Does not change the tree;
 * run it before the main-text rules, which do.
 */
export function readPageFacts(tree: HtmlTree): PageFacts {
  let title: Element | null = null;
  let h1: Element | null = null;
  let h2: Element | null = null;
  let html: Element | null = null;
  let baseHref: string | undefined;
  const metas: Element[] = [];
  const hrefs: string[] = [];
  const jsonLd: Element[] = [];
  const times: Array<{ element: Element; marked: boolean; inArticle: boolean }> = [];
  const dated: Array<{ element: Element; otherArticle: boolean }> = [];

  // Frames carry what the ancestors say: inside another article's box, inside the article or main.
  const stack: Array<{ element: Element; otherArticle: boolean; inArticle: boolean }> = [];
  const pushChildren = (children: readonly (typeof tree.document.children)[number][], otherArticle: boolean, inArticle: boolean): void => {
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child && isTag(child)) stack.push({ element: child, otherArticle, inArticle });
    }
  };
  pushChildren(tree.document.children, false, false);
  while (stack.length > 0) {
    const frame = stack.pop() as (typeof stack)[number];
    const element = frame.element;
    const attribs = element.attribs;
    const otherArticle = frame.otherArticle || isOtherArticle(element);
    const inArticle = frame.inArticle || isArticleOrMain(element);
    switch (element.name) {
      case 'title':
        title ??= element;
        break;
      case 'h1':
        h1 ??= element;
        break;
      case 'h2':
        h2 ??= element;
        break;
      case 'html':
        html ??= element;
        break;
      case 'meta':
        metas.push(element);
        break;
      case 'base':
        if (baseHref === undefined && attribs['href'] !== undefined) baseHref = attribs['href'];
        break;
      case 'a':
        if (attribs['href'] !== undefined) hrefs.push(attribs['href']);
        break;
      case 'script':
        if (attribs['type'] === 'application/ld+json') jsonLd.push(element);
        break;
      case 'time':
        if (attribs['datetime'] !== undefined) times.push({ element, marked: attribs['itemprop'] === 'datePublished' || attribs['pubdate'] !== undefined, inArticle });
        break;
    }
    if (!NOT_DATE_LINE_TAGS.has(element.name)) {
      const className = attribs['class'];
      const lower = className === undefined ? '' : className.toLowerCase();
      if (attribs['itemprop'] === 'datePublished' || (lower !== '' && DATE_CLASS.some((word) => lower.includes(word)))) dated.push({ element, otherArticle });
    }
    pushChildren(element.children, otherArticle, inArticle);
  }

  const metaContent = (match: (element: Element) => boolean): string | undefined => metas.find(match)?.attribs['content'];
  const structuredDates: DateValue[] = jsonLdDates(jsonLd).map((raw) => ({ raw, source: 'json-ld' }));
  for (const { attribute, values, ignoreCase, source } of META_DATES) {
    for (const meta of metas) {
      const value = meta.attribs[attribute];
      if (value === undefined || !values.includes(ignoreCase ? value.toLowerCase() : value)) continue;
      const raw = meta.attribs['content'];
      if (raw) structuredDates.push({ raw, source });
    }
  }
  // Prefer the time marked as publication, then one inside the article, then the first.
  const ranked = [...times.filter((t) => t.marked), ...times.filter((t) => t.inArticle), ...times];
  for (const { element } of ranked) {
    const raw = element.attribs['datetime'];
    if (raw) structuredDates.push({ raw, source: 'time' });
  }

  return {
    titleText: title ? clean(textOf(title)) : '',
    h1Text: h1 ? clean(textOf(h1)) : '',
    h2Text: h2 ? clean(textOf(h2)) : '',
    siteName: clean(metaContent((m) => m.attribs['property'] === 'og:site_name')) || null,
    ogTitle: metaContent((m) => m.attribs['property'] === 'og:title') ?? metaContent((m) => m.attribs['name'] === 'og:title'),
    declaredLanguage: html?.attribs['lang'] ?? html?.attribs['xml:lang'] ?? metaContent((m) => m.attribs['http-equiv']?.toLowerCase() === 'content-language'),
    baseHref,
    hrefs,
    structuredDates,
    linesNearTitle: h1 ? linesBesideHeading(h1) : [],
    datedLines: dated.flatMap(({ element, otherArticle }) => {
      if (otherArticle) return [];
      const text = clean(textOf(element));
      return text.length > 0 && text.length <= 120 ? [text] : [];
    }),
  };
}

/** Lines right before and after the `<h1>` and its parent, where pages put the release date; never another article's. */
function linesBesideHeading(h1: Element): string[] {
  const around = [...previousElements(h1, 2), ...nextElements(h1, 3)];
  const parent = h1.parent && isTag(h1.parent) ? h1.parent : null;
  if (parent) around.push(...previousElements(parent, 1), ...nextElements(parent, 2));
  const lines: string[] = [];
  for (const element of around) {
    if (closest(element, isOtherArticle)) continue;
    const text = clean(textOf(element));
    if (text.length > 0 && text.length <= 300) lines.push(text);
  }
  return lines;
}

/** Title: `og:title`, then the first `<h1>`, then `<title>`, each without the site name. */
export function readTitle(facts: PageFacts, pageUrl: string): string | null {
  const og = clean(facts.ogTitle);
  if (og) return stripSiteName(og, facts.siteName, pageUrl);
  if (facts.h1Text) return facts.h1Text;
  const stripped = facts.titleText ? stripSiteName(facts.titleText, facts.siteName, pageUrl) : null;
  // Old sites title every page "Pressemitteilung" and put the headline in an <h2>.
  if (!stripped || GENERIC_TITLE.test(stripped)) return facts.h2Text || stripped;
  return stripped;
}

const GENERIC_TITLE = /^(?:pressemitteilung(?:en)?|presse|pressemeldung(?:en)?|aktuelles|aktuell|neuigkeiten|nachrichten|meldung(?:en)?|news|startseite|home|artikel|beitrag|detail|details|press releases?)$/i;

/** `<html lang>` reduced to its primary subtag ("de-DE" → "de"), or null. */
export function readLanguage(facts: PageFacts): string | null {
  const primary = /^([a-z]{2,3})\b/i.exec(clean(facts.declaredLanguage))?.[1];
  return primary ? primary.toLowerCase() : null;
}

/** Absolute http(s) URLs of every `<a href>`, without fragments, deduplicated in page order. */
export function readLinks(facts: PageFacts, pageUrl: string): string[] {
  let base = pageUrl;
  if (facts.baseHref) {
    try {
      base = new URL(facts.baseHref, pageUrl).href;
    } catch {
      // a broken <base> is ignored, as browsers do
    }
  }
  const links: string[] = [];
  const seen = new Set<string>();
  for (const raw of facts.hrefs) {
    const href = raw.trim();
    if (href === '' || href.startsWith('#')) continue;
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    url.hash = '';
    if (!seen.has(url.href)) {
      seen.add(url.href);
      links.push(url.href);
    }
  }
  return links;
}

/** Every `datePublished` in the JSON-LD blocks, `@graph` included, in document order. */
function jsonLdDates(scripts: readonly Element[]): string[] {
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
  for (const script of scripts) {
    try {
      visit(JSON.parse(textOf(script)));
    } catch {
      // malformed JSON-LD is common; the next rung decides
    }
  }
  return found;
}

/**
 * What the page shows about its publication date, for `publicationDate`'s cascade: structured
 * values (JSON-LD → publication meta tags → `<time datetime>`) and the short lines near the title:
 * beside the `<h1>`, the first lines of the main text, date-classed elements.
 */
export function readDateEvidence(facts: PageFacts, mainLines: readonly string[]): { structured: DateValue[]; pageLines: string[] } {
  return { structured: [...facts.structuredDates], pageLines: [...facts.linesNearTitle, ...mainLines.slice(0, 8), ...facts.datedLines] };
}

const SOFT_404 = /^(?:(?:fehler|error)\s*)?404\b|\b404\s*(?:[-–:|]\s*)?(?:not found|nicht gefunden|fehler|error)\b|seite (?:wurde |konnte )?nicht gefunden|seite existiert (?:leider )?nicht|page (?:was |could not be )?not found|page (?:can[’']t|cannot|could not) be found|^not found$|^nicht gefunden$|die angeforderte seite (?:konnte|wurde|existiert)|the requested page (?:could not|was not|does not)|^ups!?,? (?:diese|die) seite|^oops!?,? (?:that|this) page/i;

/** True when the title or main heading says the page does not exist ("Seite nicht gefunden", "404"). */
export function isSoft404(facts: PageFacts): string | null {
  for (const candidate of [facts.titleText, facts.h1Text]) {
    if (candidate === '' || candidate.length > 120) continue;
    const parts = candidate.split(SEPARATORS);
    if (parts.some((part) => SOFT_404.test(part.trim()))) return candidate;
  }
  return null;
}
