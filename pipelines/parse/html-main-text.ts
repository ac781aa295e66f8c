/**
 * The hand-written main-content extractor: drops page chrome by element, role and class, picks the
 * smallest element that still holds most of the page's paragraph text, renders it to paragraphs,
 * and then drops chrome that only shows in the words (share rows, cookie notices, skip links).
 * Photo captions and credits are collected apart. Mutates the DOM it is given.
 */
// The slim entry: cheerio without parse5 and undici (the fetch client), which its full entry loads on import.
// Equal here: the document comes parsed already, and only selectors run on it.
import * as cheerio from 'cheerio/slim';
import type { Element } from 'domhandler';
import { type Paragraph, NON_TEXT_TAGS, joinParagraphs, renderBlocks } from './html-blocks.ts';
import { closest, contains, elementsUnder, type HtmlTree, isPlainElement as isElement, nextElements, removeNode, textOf } from './html-tree.ts';

export interface MainText {
  text: string;
  paragraphs: Paragraph[];
  captions: string[];
  /** How the content root was chosen: `selector:<css>`, `article`, `main`, `densest`, `body`. */
  root: string;
}

/** Class/id words of page furniture; matched against the tokens of `id` and `class`. */
const CHROME_TOKEN =
  /^(?:nav|navi|navigation|navbar|menu|menue|mainmenu|submenu|breadcrumbs?|brotkrume\w*|cookies?|cookiebanner|cookienotice|consent|gdpr|matomo|piwik|banner|share|sharing|social|socials|shariff|sharebar|socialshare|footer|sidebar|skip|skiplinks?|skiplink|jumplinks?|comments?|respond|reply|replies|language|languages|langswitch|languageswitcher|sprachwahl|sprachauswahl|totop|backtotop|scrolltop|newsletter|pagination|pager|popup|modal|overlay|search|suche|servicenavigation|toolbar|metanav|header|masthead|related|disqus|widget|hidden|hide|sronly|visuallyhidden|invisible|dnone|screenreader|byline|author|readingtime|lesezeit|entrymeta|postmeta|catlinks|category|categories|taglinks|tags|postnavigation|navlinks|kopf|kopfzeile|fusszeile|rechtespalte|linkespalte|randspalte|marginalspalte|marginalie|seitenleiste)$/;
/** German class names compound freely ("hauptnavigation", "seitenfusszeile"): furniture words inside a token. */
const CHROME_INFIX = /navigation|breadcrumb|brotkrume|cookie|consent|shariff|socialshare|sidebar|seitenleiste|fusszeile|kopfzeile|skiplink|sprungmarke|sprachwahl|sprachauswahl|languageswitch|backtotop|scrolltotop|kommentar/;
const CONTENT_TOKEN = /^(?:article|content|main|body|text|story|entry|inhalt|beitrag|artikel|post|news|meldung|pressemitteilung)$/;
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar']);

const NO_TOKENS: readonly string[] = [];

function tokensOf(element: Element): readonly string[] {
  const id = element.attribs['id'];
  const className = element.attribs['class'];
  if (id === undefined && className === undefined) return NO_TOKENS;
  const raw = `${id ?? ''} ${className ?? ''}`.toLowerCase();
  const tokens = new Set<string>();
  for (const word of raw.split(/\s+/)) {
    if (word === '') continue;
    tokens.add(word.replace(/[-_]/g, ''));
    for (const part of word.split(/[-_]+/)) if (part !== '') tokens.add(part);
  }
  return [...tokens];
}

/**
 * Every element under `<body>` in document order, by an explicit stack: a `body *` selector
 * walks the ancestors of each element and turns deep pages quadratic.
 */
function descendantsOf(body: Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [...body.children.filter(isElement)].reverse();
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    out.push(element);
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i];
      if (child && isElement(child)) stack.push(child);
    }
  }
  return out;
}


const PARAGRAPH_LIKE = new Set(['p', 'li', 'blockquote', 'td', 'dd', 'pre', 'h2', 'h3']);

function directText(element: Element): number {
  let length = 0;
  for (const child of element.children) {
    if (child.type !== 'text') continue;
    const n = collapsedLength(child.data);
    if (n >= 2) length += n;
  }
  return length;
}

/** JavaScript's `\s`, by code unit. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff));
}

/** `text.replace(/\s+/g, ' ').trim().length` without building the strings: this runs for every text node. */
function collapsedLength(text: string): number {
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      pendingSpace = length > 0;
    } else {
      if (pendingSpace) length++;
      pendingSpace = false;
      length++;
    }
  }
  return length;
}

/**
 * The element's text when it has at most `limit` non-space characters, else null: a credits
 * heading is a word or two, and most elements tested for one are whole paragraphs.
 */
function shortTextOf(element: Element, limit: number): string | null {
  const text = textOf(element);
  if (text.length <= limit) return text;
  let letters = 0;
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i)) && ++letters > limit) return null;
  return text;
}

/**
 * Paragraph text under every element, in one pass without recursion: the length of text sitting
 * directly in paragraph-like elements (not in link lists or labels). Linear, so a page with
 * thousands of elements costs no more than it is long.
 */
function computeMasses(root: Element): Map<Element, number> {
  const below = new Map<Element, number>();
  const stack: Array<{ element: Element; visited: boolean }> = [{ element: root, visited: false }];
  while (stack.length > 0) {
    const top = stack.pop() as { element: Element; visited: boolean };
    const children = top.element.children.filter(isElement);
    if (!top.visited) {
      stack.push({ element: top.element, visited: true });
      for (const child of children) stack.push({ element: child, visited: false });
      continue;
    }
    let sum = PARAGRAPH_LIKE.has(top.element.name) ? directText(top.element) : 0;
    for (const child of children) sum += below.get(child) ?? 0;
    below.set(top.element, sum);
  }
  return below;
}

/** Paragraph mass of one element: its paragraph-like descendants, plus its own loose text. */
function massOf(masses: Map<Element, number>, element: Element): number {
  return (masses.get(element) ?? 0) + (PARAGRAPH_LIKE.has(element.name) ? 0 : directText(element));
}

function textMass(element: Element): number {
  return textOf(element).replace(/\s+/g, ' ').trim().length;
}

function isHidden(element: Element): boolean {
  const style = (element.attribs['style'] ?? '').replace(/\s+/g, '').toLowerCase();
  return (
    element.attribs['hidden'] !== undefined ||
    element.attribs['aria-hidden'] === 'true' ||
    style.includes('display:none') ||
    style.includes('visibility:hidden')
  );
}

const CAPTION_TOKEN = /^(?:caption|captions|figcaption|bildunterschrift|bildtext|imagecaption|credit|credits|copyright|bildnachweis|bildrechte|photocredit|imagecopyright|image|photo)$/;
const CREDITS_HEADING = /^(?:bildnachweise?|bildquellen?|fotonachweise?|bildrechte|fotos?|bilder|image credits?|photo credits?|credits)\s*:?$/i;
/** More non-space characters than the longest `CREDITS_HEADING` ("fotonachweise:") has: the test cannot match. */
const CREDITS_HEADING_MAX_LETTERS = 20;

function cleanLine(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Collects captions and credits (figcaption, caption classes, "Bildnachweise" sections) and removes them. */
function takeCaptions(tree: HtmlTree): string[] {
  const captions: string[] = [];
  const push = (text: string): void => {
    for (const line of text.split('\n')) {
      const clean = cleanLine(line);
      if (clean !== '' && !CREDITS_HEADING.test(clean) && !captions.includes(clean)) captions.push(clean);
    }
  };
  for (const element of elementsUnder(tree.document, (el) => el.name === 'figcaption')) {
    push(joinParagraphs(renderBlocks([element])));
    removeNode(element);
  }
  for (const element of descendantsOf(tree.body)) {
    if (element.name === 'img') continue;
    const tokens = tokensOf(element);
    if (!tokens.some((t) => CAPTION_TOKEN.test(t))) continue;
    // Only small boxes: a "photo-gallery" wrapper around the whole article is not a caption.
    if (textMass(element) > 400 || tokens.some((t) => CONTENT_TOKEN.test(t))) continue;
    push(joinParagraphs(renderBlocks([element])));
    removeNode(element);
  }
  for (const element of elementsUnder(tree.document, (el) => HEADING_LIKE.has(el.name))) {
    const text = shortTextOf(element, CREDITS_HEADING_MAX_LETTERS);
    if (text === null || !CREDITS_HEADING.test(cleanLine(text))) continue;
    const block = (element.name === 'strong' || element.name === 'b') && element.parent && isElement(element.parent) ? element.parent : element;
    const next = nextElements(block, 1)[0];
    if (next && textMass(next) < 600) {
      push(joinParagraphs(renderBlocks([next])));
      removeNode(next);
    }
    removeNode(block);
  }
  return captions;
}

/** Marks the roots chosen by source selectors, so chrome removal never takes them out. */
const ROOT_MARK = 'data-isa-content-root';

/** Elements that are, or contain, the article: chrome rules never remove them. */
function protectedElements(tree: HtmlTree): Set<Element> {
  const kept = new Set<Element>();
  const isContent = (el: Element): boolean => el.name === 'main' || el.name === 'article' || el.name === 'h1' || el.attribs['role'] === 'main' || el.attribs[ROOT_MARK] !== undefined;
  for (const node of elementsUnder(tree.document, isContent)) {
    for (let el: Element | null = node; el && !kept.has(el); el = el.parent && isElement(el.parent) ? el.parent : null) kept.add(el);
  }
  return kept;
}

const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'dialog']);

function isArticleOrMain(element: Element): boolean {
  return element.name === 'article' || element.name === 'main' || element.attribs['role'] === 'main';
}

function removeChrome(tree: HtmlTree, masses: Map<Element, number>, bodyMass: number): void {
  const chrome = (el: Element): boolean => CHROME_TAGS.has(el.name) || el.attribs['hidden'] !== undefined || el.attribs['aria-hidden'] === 'true';
  for (const element of elementsUnder(tree.document, chrome)) removeNode(element);
  const protectedSet = protectedElements(tree);
  for (const element of descendantsOf(tree.body)) {
    if (NON_TEXT_TAGS.has(element.name)) continue;
    if (isHidden(element)) {
      removeNode(element);
      continue;
    }
    const role = (element.attribs['role'] ?? '').toLowerCase();
    const protectedContent = protectedSet.has(element);
    if (CHROME_ROLES.has(role) && !protectedContent) {
      removeNode(element);
      continue;
    }
    if (element.name === 'header' && !protectedContent && !closest(element, isArticleOrMain)) {
      removeNode(element);
      continue;
    }
    if (element.name === 'form') {
      // Comment and search forms go; a form wrapping the whole page (ASP.NET) stays.
      if (massOf(masses, element) < bodyMass * 0.5) removeNode(element);
      continue;
    }
    const tokens = tokensOf(element);
    if (tokens.length === 0 || protectedContent) continue;
    if (!tokens.some((t) => CHROME_TOKEN.test(t) || CHROME_INFIX.test(t))) continue;
    if (tokens.some((t) => CONTENT_TOKEN.test(t)) && massOf(masses, element) >= bodyMass * 0.3) continue;
    removeNode(element);
  }
}

/** The outermost elements a source's selectors match, when they hold text; null when none does. */
function selectorRoots(tree: HtmlTree, contentSelectors: readonly string[]): { roots: Element[]; how: string } | null {
  const $ = cheerio.load(tree.document);
  for (const selector of contentSelectors) {
    let matched: Element[];
    try {
      matched = $(selector).toArray().filter(isElement);
    } catch {
      continue; // an invalid selector in a source file must not sink the page
    }
    // Keep outermost matches only, so nested matches do not repeat text.
    const outer = matched.filter((el) => !matched.some((other) => other !== el && contains(other, el)));
    if (outer.some((el) => textMass(el) > 0)) return { roots: outer, how: `selector:${selector}` };
  }
  return null;
}

/** Picks the content root: the innermost substantial article, else the densest container under main or body. */
function chooseRoot(tree: HtmlTree): { roots: Element[]; how: string } {
  const body = tree.body;
  const masses = computeMasses(body);
  const paragraphMass = (element: Element): number => massOf(masses, element);
  const bodyMass = paragraphMass(body);
  const articles = elementsUnder(tree.document, (el) => isElement(el) && (el.name === 'article' || el.attribs['itemprop'] === 'articleBody'));
  const substantial = articles.filter((el) => paragraphMass(el) >= Math.max(200, bodyMass * 0.5));
  if (substantial.length >= 1) {
    // The innermost substantial article (an article body inside an article wrapper).
    const inner = substantial.filter((el) => !substantial.some((other) => other !== el && contains(el, other)));
    if (inner.length === 1 && inner[0]) return { roots: inner, how: 'article' };
  }
  const mains = elementsUnder(tree.document, (el) => isElement(el) && (el.name === 'main' || el.attribs['role'] === 'main'));
  const main = mains.find((el) => paragraphMass(el) >= bodyMass * 0.6);
  // Descend from main (or body) to the smallest element that still holds most paragraph text.
  let root: Element = main ?? body;
  let how = main ? 'main' : 'body';
  let rootMass = paragraphMass(root);
  for (;;) {
    if (rootMass === 0) break;
    const children = root.children.filter(isElement);
    const ranked = children.map((el) => ({ el, mass: paragraphMass(el) })).sort((a, b) => b.mass - a.mass);
    const best = ranked[0];
    if (!best) break;
    const second = ranked[1]?.mass ?? 0;
    // Layout tables put navigation and side columns in sibling cells: take the clearly densest cell.
    const densestCell = best.el.name === 'td' && best.mass >= rootMass * 0.5 && best.mass >= second * 1.5;
    if (best.mass < rootMass * 0.85 && !densestCell) break;
    root = best.el;
    rootMass = best.mass;
    how = main ? 'main' : 'densest';
  }
  return { roots: [root], how };
}

/** Paragraph-level chrome: lines that are only furniture, whatever element they sit in. */
const CHROME_LINE = [
  /^(?:inhalt anspringen|zum inhalt(?: springen| wechseln)?|direkt zum inhalt|springe? zum (?:haupt)?inhalt|zur navigation|zum seitenanfang|skip to (?:main )?content|skip navigation|jump to content)$/i,
  /^(?:(?:diese |die )?seite|(?:diesen |den )?(?:beitrag|artikel)|jetzt|hier) teilen\b.{0,60}$|^teile diesen (?:artikel|beitrag)\b.{0,60}$|^share (?:this|on)\b.{0,40}$|^teilen$/i,
  /^(?:hinterlasse einen kommentar|kommentar (?:schreiben|verfassen|hinterlassen)|leave a (?:reply|comment)|your email address will not be published.*|ihre e-mail-adresse wird nicht veröffentlicht.*|required fields are marked.*|erforderliche felder sind mit.*|kommentare?|comments?|\d+ kommentare?)$/i,
  /^(?:totop|to top|nach oben|zurück nach oben|seitenanfang|back to top|top)$/i,
  /^(?:sprache auswählen|sprache wählen|select language|language|sprache|datenschutzeinstellungen.*|cookie-?einstellungen.*|einstellungen|drucken|seite drucken|print|e-mail|per e-mail versenden|vorlesen|schriftgröße.*|barrierefreiheit)$/i,
  /^(?:©|\(c\)|@)\s*\d{4}|^copyright\b/i,
  /^(?:erläuterungen und hinweise|weitere informationen|mehr zum thema|das könnte sie auch interessieren|ähnliche beiträge|related (?:posts|articles))$/i,
  /^(?:startseite|home)(?:\s*[>›»/|]\s*.+)+$/i,
];
/** Words of share and service rows; a line made of nothing else is a button row. */
const SOCIAL = /facebook|twitter|linkedin|xing|pinterest|whatsapp|instagram|youtube|telegram|reddit|tumblr|mastodon|threads|bluesky|digg|delicious|mister wong|google ?plus|jappy|vz|flipboard|e-?mail|druckversion|drucken|print|seite empfehlen|empfehlen|vorlesen|merken|nach oben|zurück|rss|teilen|share|\bx\b/gi;
const CAPTION_LINE = /^(?:fotos?|bild(?:er)?|bildquelle|foto(?:grafie)?|photos?|quelle foto|abbildung|abb\.)\s*:|^(?:©|\(c\))\s*\S/i;

function isCookieNotice(text: string): boolean {
  const lower = text.toLowerCase();
  // "Tracking" and "Analyse" alone also describe logistics; a notice always names cookies or the tool.
  return /cookie|matomo|google analytics|webanalyse/.test(lower) && /einwillig|zustimm|akzeptier|zulassen|datenschutz|consent|accept|widerruf|nutzererfahrung|statistisch/.test(lower);
}

function isSocialRow(text: string): boolean {
  const stripped = text.replace(SOCIAL, '').replace(/[\s|,;·•/]+/g, '');
  return stripped.length <= 3 && text.replace(/\s+/g, '').length >= 6;
}

/** Removes code identifiers glued to a sentence end by broken templates ("…vorangetrieben.INavigationController."). */
function dropGluedIdentifiers(line: string): string {
  return line.replace(/(?<=[.!?"“”])[A-Z][A-Za-z0-9]*[a-z][A-Z][A-Za-z0-9]*\.?(?=\s|$)/g, '').trimEnd();
}

export function filterParagraphs(paragraphs: readonly Paragraph[], captions: string[]): Paragraph[] {
  const kept: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    const lines: string[] = [];
    for (const raw of paragraph) {
      const line = dropGluedIdentifiers(raw);
      if (line === '') continue;
      if (CHROME_LINE.some((re) => re.test(line)) || isSocialRow(line)) continue;
      if (line.length < 1200 && isCookieNotice(line)) continue;
      if (line.length < 200 && CAPTION_LINE.test(line)) {
        if (!captions.includes(line)) captions.push(line);
        continue;
      }
      lines.push(line);
    }
    if (lines.length > 0) kept.push(lines);
  }
  return kept;
}

/** Elements that never hold main text; taken out before anything is measured. */
const NEVER_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'link', 'meta']);
/** Where a credits heading ("Bildnachweise") may stand. */
const HEADING_LIKE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'strong', 'b', 'p']);

/**
 * Extracts the main text of a page. `contentSelectors` (from the source file) win when they match
 * something with text. Mutates the tree: run `readPageFacts` before it.
 */
export function extractMainText(tree: HtmlTree, contentSelectors: readonly string[] = []): MainText {
  for (const element of elementsUnder(tree.document, (el) => NEVER_CONTENT.has(el.name))) removeNode(element);
  const captions = takeCaptions(tree);
  const selected = contentSelectors.length > 0 ? selectorRoots(tree, contentSelectors) : null;
  for (const root of selected?.roots ?? []) root.attribs[ROOT_MARK] = '';
  const masses = computeMasses(tree.body);
  removeChrome(tree, masses, massOf(masses, tree.body));
  const { roots, how } = selected ?? chooseRoot(tree);
  const paragraphs = filterParagraphs(renderBlocks(roots), captions);
  return { text: joinParagraphs(paragraphs), paragraphs, captions, root: how };
}
