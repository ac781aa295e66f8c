/**
 * HTML body → ParsedDocument: charset, metadata, then the main text without page chrome.
 */
import { BadInputError, NotFoundPageError } from '../../core/errors.ts';
import { decodeBody } from './decode-body.ts';
import { guessLanguage, normaliseLanguage } from './guess-language.ts';
import { extractMainText, type MainText } from './html-main-text.ts';
import { isSoft404, readDateEvidence, readLanguage, readLinks, readPageFacts, readTitle } from './html-metadata.ts';
import { parseHtmlTree } from './html-tree.ts';
import { publicationDate } from './publication-date.ts';
import type { ResolvedParseOptions } from './parse-options.ts';
import type { ParsedDocument, ParseInput } from '../../core/parsed-document.ts';
import { extractWithReadability } from './readability-main-text.ts';
import { looksLikeNotFound } from './not-found-page.ts';

/** Elements whose end tag may be left out or that have none: they do not nest in practice. */
const NON_NESTING = new Set([
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp',
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'html', 'head', 'body',
]);

/**
 * Estimates how deep the markup nests from its tags alone, before any parser sees it: the HTML
 * tree builder checks its stack of open elements per tag, so a page nested 50 000 deep costs it
 * minutes. Real pages stay well under a hundred.
 */
export function estimateNestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const name = (match[2] ?? '').toLowerCase();
    if (NON_NESTING.has(name) || match[3] === '/') continue;
    depth = match[1] === '/' ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

/**
 * Parses an HTML body. Throws `NotFoundPageError` for soft-404 pages ("Seite nicht gefunden" served
 * with status 200) and for pages without any main text.
 */
export async function htmlToDocument(input: ParseInput, options: ResolvedParseOptions): Promise<ParsedDocument> {
  const decoded = decodeBody(input.body, input.contentType, true);
  const html = decoded.text;
  const depth = estimateNestingDepth(html);
  if (depth > options.htmlMaxDepth) {
    throw new BadInputError(`HTML of ${input.url} nests ${depth} elements deep, cap is ${options.htmlMaxDepth}: a hostile or broken page; raise htmlMaxDepth if it is wanted`, { input: input.url });
  }
  // One parse: the facts are read first, then the main-text rules take the same tree apart.
  const tree = parseHtmlTree(html);
  const facts = readPageFacts(tree);
  const notFound = isSoft404(facts);
  if (notFound) {
    throw new NotFoundPageError(`soft 404: ${input.url} answers 200 but its page says "${notFound}"; drop the URL or fix the source's link`, { input: input.url });
  }
  const title = readTitle(facts, input.url);
  const htmlLanguage = readLanguage(facts);
  const links = readLinks(facts, input.url);

  let main: MainText;
  if (options.htmlExtractor === 'readability') {
    main = await extractWithReadability(html, input.url, input.contentSelectors ?? []);
  } else {
    main = extractMainText(tree, input.contentSelectors ?? []);
  }
  if (main.text.trim() === '') {
    throw new BadInputError(`no main text in ${input.url}: the page is empty or all chrome (a script-rendered page?); check the source's contentSelectors`, { input: input.url });
  }
  // The title and heading said nothing; a short error text in the body still can ("404 – Not Found").
  if (looksLikeNotFound({ title, text: main.text })) {
    throw new NotFoundPageError(`soft 404: ${input.url} answers 200 but its page says it was not found ("${title ?? main.text.slice(0, 60)}"); drop the URL or fix the source's link`, { input: input.url });
  }
  const warnings = [...decoded.warnings];
  const date = publicationDate({ stated: input.published, ...readDateEvidence(facts, main.paragraphs.flat()), text: main.text, url: input.url }, input.fetchedAt, warnings);
  return {
    format: 'html',
    title,
    published: date.published,
    publishedSource: date.publishedSource,
    language: htmlLanguage ?? normaliseLanguage(input.languageHint) ?? guessLanguage(main.text) ?? 'und',
    text: main.text,
    captions: main.captions,
    links,
    warnings,
  };
}
