/**
 * A cheap German/English guess from function words, for pages and PDFs that do not say their
 * language. Only these two matter for the sources this pipeline reads.
 */
import { countFunctionWords } from '../../extractors/detect-language.ts';

/** Returns `de` or `en` by function-word counts (the extractors' own), or null without evidence. */
export function guessLanguage(text: string): 'de' | 'en' | null {
  const { de, en } = countFunctionWords(text);
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
