/**
 * Cheap language guess for a press release: German or English, by counting frequent function
 * words. Only used when the context does not say.
 */

const GERMAN = /(?<![\p{L}])(?:der|die|das|und|ist|mit|für|von|den|dem|des|sich|nicht|auch|eine|einer|wird|wurde|sind|zur|zum|im|auf|bei)(?![\p{L}])/giu;
const ENGLISH = /(?<![\p{L}])(?:the|and|is|with|for|of|to|that|was|were|are|has|have|this|which|by|from|an|on|at|its)(?![\p{L}])/giu;

/** German and English function words in the first 20 000 characters. */
export function countFunctionWords(text: string): { de: number; en: number } {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  return { de: sample.match(GERMAN)?.length ?? 0, en: sample.match(ENGLISH)?.length ?? 0 };
}

/** `de` or `en`, whichever language's function words are more frequent; `de` on a tie. */
export function detectLanguage(text: string): 'de' | 'en' {
  const { de, en } = countFunctionWords(text);
  return en > de ? 'en' : 'de';
}
