import { describe, expect, it } from 'vitest';
import { compactKey, nameKeys, normalizeWord, tokenize } from '../../../extractors/gazetteer/normalize-name.ts';

describe('normalizeWord', () => {
  it('folds case, umlauts, ß, apostrophes and accents into one key', () => {
    expect(normalizeWord('Köln')).toBe('koeln');
    expect(normalizeWord('KÖLN')).toBe('koeln');
    expect(normalizeWord('Koeln')).toBe('koeln');
    expect(normalizeWord('Meißen')).toBe('meissen');
    expect(normalizeWord("Ma'anshan")).toBe('maanshan');
    expect(normalizeWord('Ma’anshan')).toBe('maanshan');
    expect(normalizeWord('Mǎ’ānshān')).toBe('maanshan');
  });
});

describe('tokenize', () => {
  it('keeps offsets, apostrophes inside words and punctuation as tokens', () => {
    const text = 'Bezirk Bao’an, Rhein-Kreis Neuss.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['Bezirk', 'Bao’an', ',', 'Rhein', '-', 'Kreis', 'Neuss', '.']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('normalises dashes to a hyphen key', () => {
    expect(tokenize('Köln–Bonn').map((t) => t.key)).toEqual(['koeln', '-', 'bonn']);
  });
});

describe('nameKeys and compactKey', () => {
  it('drop hyphens but keep parentheses for names like "Halle (Saale)"', () => {
    expect(nameKeys('Rhein-Kreis Neuss')).toEqual(['rhein', 'kreis', 'neuss']);
    expect(nameKeys('Halle (Saale)')).toEqual(['halle', '(', 'saale', ')']);
    expect(compactKey('Rhein-Kreis Neuss')).toBe('rheinkreisneuss');
  });
});
