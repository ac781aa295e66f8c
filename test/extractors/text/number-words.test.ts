import { describe, expect, it } from 'vitest';
import { numberWordValue, parseCardinal } from '../../../extractors/text/number-words.ts';

describe('number words', () => {
  it.each([
    ['elf', 11], ['zwölf', 12], ['vierzehn', 14], ['zwanzig', 20], ['einundzwanzig', 21], ['dreiundzwanzig', 23],
    ['dreißig', 30], ['vierzig', 40], ['sieben', 7], ['siebzehn', 17], ['eine', 1],
    ['eleven', 11], ['fourteen', 14], ['twenty', 20], ['twenty-one', 21], ['thirty', 30], ['Seven', 7],
  ])('%s is %i', (word, value) => {
    expect(numberWordValue(word)).toBe(value);
  });

  it('reads digits by language', () => {
    expect(parseCardinal('600.000', 'de')).toBe(600000);
    expect(parseCardinal('4,000', 'en')).toBe(4000);
    expect(parseCardinal('7,5', 'de')).toBe(7.5);
    expect(parseCardinal('7.5', 'en')).toBe(7.5);
    expect(parseCardinal('21')).toBe(21);
    expect(parseCardinal('Städte')).toBeNull();
  });
});
