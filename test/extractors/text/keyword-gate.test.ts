import { describe, expect, it } from 'vitest';
import { keywordGate } from '../../../extractors/text/keyword-gate.ts';

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
