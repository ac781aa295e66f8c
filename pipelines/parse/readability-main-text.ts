/**
 * The library alternative to `html-main-text.ts`: Mozilla Readability (Firefox Reader View) over a
 * jsdom DOM, its output rendered by the same block renderer and line filters so the two compare
 * fairly. Kept as an option (`htmlExtractor: 'readability'`) and measured by `bench/parse-compare.ts`.
 */
import type { Element } from 'domhandler';
import { joinParagraphs, renderBlocks } from './html-blocks.ts';
import { filterParagraphs, type MainText } from './html-main-text.ts';

/** The slice of jsdom and Readability used here; loaded by name so jsdom's DOM typings stay out of the project. */
interface JsdomModule {
  JSDOM: new (html: string, options: { url: string }) => { window: { document: unknown; close(): void } };
}
interface ReadabilityModule {
  Readability: new (document: unknown, options: { charThreshold: number; keepClasses: boolean }) => {
    parse(): { content?: string | null } | null;
  };
}

async function load<T>(name: string): Promise<T> {
  return (await import(name)) as T;
}

/**
 * Extracts the main text with Readability. Source `contentSelectors` are honoured first, as in the
 * rules extractor, by handing Readability only the matched elements.
 */
export async function extractWithReadability(html: string, url: string, contentSelectors: readonly string[]): Promise<MainText> {
  const { JSDOM } = await load<JsdomModule>('jsdom');
  const { Readability } = await load<ReadabilityModule>('@mozilla/readability');
  // Full cheerio (parse5), imported here: its import costs a tenth of a second that the rules reader does not need.
  const cheerio = await import('cheerio');
  let source = html;
  for (const selector of contentSelectors) {
    try {
      const $ = cheerio.load(html);
      const matched = $(selector);
      if (matched.text().trim() !== '') {
        source = `<html><body>${matched.toArray().map((el) => $.html(el)).join('\n')}</body></html>`;
        break;
      }
    } catch {
      // invalid selector: ignore it, as the rules extractor does
    }
  }
  const dom = new JSDOM(source, { url });
  try {
    const article = new Readability(dom.window.document, { charThreshold: 200, keepClasses: false }).parse();
    const $ = cheerio.load(article?.content ?? '');
    const captions: string[] = [];
    $('figcaption').each((_, element) => {
      const text = $(element).text().replace(/\s+/g, ' ').trim();
      if (text !== '') captions.push(text);
      $(element).remove();
    });
    const roots = $('body').toArray() as Element[];
    const paragraphs = filterParagraphs(renderBlocks(roots), captions);
    return { text: joinParagraphs(paragraphs), paragraphs, captions, root: 'readability' };
  } finally {
    dom.window.close();
  }
}
