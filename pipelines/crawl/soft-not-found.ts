import * as cheerio from 'cheerio';
import { decodeBody } from '../parse/decode-body.ts';

/**
 * A 200 page that says "Seite nicht gefunden": CMSs answer missing pages with their error
 * template and status 200. Judged on the title, or on a short text, never on a long article
 * that merely mentions the phrase.
 */
const NOT_FOUND = /\b(?:seite\s+(?:wurde\s+)?nicht\s+gefunden|(?:die\s+)?(?:angeforderte|gesuchte|aufgerufene)\s+seite\s+(?:existiert\s+nicht|(?:ist\s+)?nicht\s+(?:verfügbar|vorhanden|gefunden))|fehler\s*404|page\s+(?:was\s+)?not\s+found|(?:error\s+)?404\b(?:\s*[-–:]\s*|\s+)(?:not\s+found|nicht\s+gefunden|seite)|the\s+page\s+you\s+(?:requested|are\s+looking\s+for)\s+(?:does\s+not|doesn't|could\s+not|cannot))/i;

/** Longest clean text still judged by its wording: error templates are short. */
const SHORT_TEXT = 600;

export function looksLikeNotFound(page: { title: string | null; text: string }): boolean {
  if (page.title && NOT_FOUND.test(page.title)) return true;
  const text = page.text.trim();
  return text.length <= SHORT_TEXT && NOT_FOUND.test(text);
}

/** The same judgement on a raw HTML body (title and visible text), for when the parser refused it. */
export function isSoftNotFoundHtml(body: Uint8Array, contentType: string | null): boolean {
  const head = Buffer.from(body.subarray(0, 1024)).toString('latin1').toLowerCase();
  if (!/<html|<!doctype html|<head|<body|<title/.test(head)) return false;
  const $ = cheerio.load(decodeBody(body, contentType, true).text);
  $('script, style, noscript, nav, header, footer').remove();
  const title = $('title').first().text().trim() || null;
  const text = ($('main').text() || $('body').text()).replace(/\s+/g, ' ').trim();
  return looksLikeNotFound({ title, text });
}
