/**
 * A cheap German/English guess from function words, for pages and PDFs that do not say their
 * language. Only these two matter for the sources this pipeline reads.
 */
const GERMAN = new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'für', 'von', 'den', 'dem', 'des', 'ein', 'eine', 'auf', 'sich', 'auch', 'wird', 'im', 'zu', 'bei', 'sowie', 'wurde']);
const ENGLISH = new Set(['the', 'and', 'of', 'to', 'is', 'with', 'for', 'that', 'was', 'on', 'are', 'by', 'this', 'as', 'from', 'has', 'have', 'were', 'which', 'its']);

/** Returns `de` or `en` by function-word counts over the first 20 000 characters, or null without evidence. */
export function guessLanguage(text: string): 'de' | 'en' | null {
  let de = 0;
  let en = 0;
  for (const word of text.slice(0, 20_000).toLowerCase().split(/[^\p{L}]+/u)) {
    if (GERMAN.has(word)) de++;
    if (ENGLISH.has(word)) en++;
  }
  if (de + en < 3) return null;
  return de >= en ? 'de' : 'en';
}

/** Normalises a language hint ("de-DE", "German") to a primary subtag, or null. */
export function normaliseLanguage(hint: string | null | undefined): string | null {
  const value = (hint ?? '').trim().toLowerCase();
  if (value === 'german' || value === 'deutsch') return 'de';
  if (value === 'english' || value === 'englisch') return 'en';
  return /^([a-z]{2,3})(?:$|[-_])/.exec(value)?.[1] ?? null;
}
