/**
 * A 200 page that says "Seite nicht gefunden": CMSs answer missing pages with their error
 * template and status 200. Judged on the title, or on a short text, never on a long article
 * that merely mentions the phrase.
 */
const NOT_FOUND = /\b(?:seite\s+(?:wurde\s+)?nicht\s+gefunden|(?:die\s+)?(?:angeforderte|gesuchte|aufgerufene)\s+seite\s+(?:existiert\s+nicht|(?:ist\s+)?nicht\s+(?:verfügbar|vorhanden|gefunden))|fehler\s*404|page\s+(?:was\s+)?not\s+found|(?:error\s+)?404\b(?:\s*[-–:]\s*|\s+)(?:not\s+found|nicht\s+gefunden|seite)|the\s+page\s+you\s+(?:requested|are\s+looking\s+for)\s+(?:does\s+not|doesn't|could\s+not|cannot))/i;

/** Longest clean text still judged by its wording: error templates are short. */
const SHORT_TEXT = 600;

/** True for an error template: judged on the title, or on a short main text. */
export function looksLikeNotFound(page: { title: string | null; text: string }): boolean {
  if (page.title && NOT_FOUND.test(page.title)) return true;
  const text = page.text.trim();
  return text.length <= SHORT_TEXT && NOT_FOUND.test(text);
}
