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

  it('gives plain ASCII words the key the full folding gives them', () => {
    const fullFolding = (word: string) => word.normalize('NFC').toLowerCase().replace(/['’‘ʼʻ`´′]/gu, '')
      .replace(/ä/gu, 'ae').replace(/ö/gu, 'oe').replace(/ü/gu, 'ue').replace(/ß/gu, 'ss').normalize('NFD').replace(/\p{M}+/gu, '');
    for (const word of ['Koeln', 'DUISBURG', "Ma'anshan", 'Xi`an', 'Halle', 'a1B2', 'Mc-Donald', '']) expect(normalizeWord(word)).toBe(fullFolding(word));
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
