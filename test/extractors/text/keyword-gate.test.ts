import { describe, expect, it } from 'vitest';
import { keywordGate, requiredWord, vocabularyGate } from '../../../extractors/text/keyword-gate.ts';

const gateOf = (word: string) => keywordGate([word]);

describe('keywordGate', () => {
  it('finds a keyword in any case, inside longer words too', () => {
    const gate = keywordGate(['woche', 'week']);
    expect(gate('in der vergangenen WOCHE')).toBe(true);
    expect(gate('Wochenmarkt')).toBe(true);
    expect(gate('last Week')).toBe(true);
    expect(gate('im vergangenen Monat')).toBe(false);
  });

  it('lets through every text an iu pattern on the same words would match (Kelvin sign, long s)', () => {
    const gate = keywordGate(['jahres', 'week']);
    for (const text of ['JAHRES', 'Jahreſ', 'wee\u212a', 'WEEK']) {
      expect(/jahres|week/iu.test(text)).toBe(true);
      expect(gate(text)).toBe(true);
    }
  });

  it('has for each ASCII letter and umlaut exactly the characters an iu pattern matches as it', () => {
    for (const letter of 'abcdefghijklmnopqrstuvwxyzäöü') {
      const iu = new RegExp(`^${letter}$`, 'iu');
      const gate = keywordGate([letter]);
      for (let code = 0; code <= 0xffff; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const ch = String.fromCharCode(code);
        if (iu.test(ch) !== gate(ch)) throw new Error(`${letter} vs U+${code.toString(16)}`);
      }
    }
  });

  it('refuses keywords it cannot make exact', () => {
    expect(() => keywordGate(['Woche'])).toThrow(/lower-case ASCII/);
    expect(() => keywordGate(['straße'])).toThrow(/lower-case ASCII/);
    expect(gateOf('frühjahr')('FRÜHJAHR')).toBe(true);
  });
});

describe('vocabularyGate', () => {
  it('takes from each source the longest letter run every match contains', () => {
    expect(requiredWord('\\p{L}*[Dd]elegation')).toBe('delegation');
    expect(requiredWord('reiste[n]?\\s+nach')).toBe('reiste');
    expect(requiredWord('Partnerst(?:a|ä)dt\\p{L}*')).toBe('partnerst');
    expect(requiredWord('aus\\s+der\\s+Taufe\\s+gehoben')).toBe('gehoben');
    // An optional or repeated letter ends the run; escapes carry no literal letters.
    expect(requiredWord('nächste[nmrs]?')).toBe('nächste');
    expect(requiredWord('guests?\\s+in')).toBe('guest');
    expect(requiredWord('ab+c')).toBe('ab');
    expect(requiredWord('\\p{Lu}{2,6}-Plenar')).toBe('plenar');
    expect(requiredWord('\\u00e4bc')).toBe('bc');
  });

  it('lets through every text the alternation matches, in any case', () => {
    const sources = ['\\p{L}*[Dd]elegation', 'zu\\s+Gast\\s+(?:in|im)', 'travel(?:l)?ed\\s+to', 'members[’\']?\\s+meeting'];
    const gate = vocabularyGate(sources);
    const pattern = new RegExp(sources.join('|'), 'iu');
    for (const text of ['Die Wirtschaftsdelegation reiste', 'ZU GAST IM Rathaus', 'they travelled to', 'a members’ meeting', 'Der Gastgeber', 'ein Treffen']) {
      if (pattern.test(text)) expect(gate(text)).toBe(true);
    }
    expect(gate('ein Treffen')).toBe(false);
  });

  it('refuses sources it cannot gate exactly', () => {
    expect(() => vocabularyGate(['Stadt|Gemeinde'])).toThrow(/one alternative/);
    expect(() => vocabularyGate(['(?:Stadt|Gemeinde)'])).toThrow(/no word/);
    expect(() => vocabularyGate(['\\d+'])).toThrow(/no word/);
  });
});
