import { describe, expect, it } from 'vitest';
import { allMatches } from '../../../extractors/text/all-matches.ts';

const same = (pattern: RegExp, text: string) => {
  const expected = [...text.matchAll(pattern)].map((m) => ({ index: m.index, all: [...m], groups: m.groups }));
  const got = allMatches(pattern, text).map((m) => ({ index: m.index, all: [...m], groups: m.groups }));
  expect(got).toEqual(expected);
};

describe('allMatches', () => {
  it('finds what matchAll finds, groups and offsets included', () => {
    same(/(?<day>\d{1,2})\.\s*(März|April)/gu, 'Am 3. März und am 14. April, nicht am 40 Mai.');
    same(/(?<![\p{L}])(?:beigetreten|aufgenommen)(?![\p{L}])/giu, 'Beigetreten ist sie, aufgenommen wurde er; unaufgenommen zählt nicht.');
  });

  it('steps over empty matches as matchAll does, a surrogate pair as one step in unicode mode', () => {
    same(/x*/gu, 'a😀xxb');
    same(/x*/g, 'a😀xxb');
    same(/(?=b)|$/gu, 'abab');
  });

  it('starts at lastIndex like matchAll and leaves lastIndex as it was', () => {
    const pattern = /\d+/g;
    pattern.lastIndex = 3;
    same(pattern, '12 34 56');
    expect(allMatches(pattern, '12 34 56').map((m) => m[0])).toEqual(['34', '56']);
    expect(pattern.lastIndex).toBe(3);
  });

  it('may be used again inside a loop over its own matches', () => {
    const word = /\p{L}+/gu;
    const pairs = allMatches(word, 'ab cd').map((m) => allMatches(word, m[0]).length);
    expect(pairs).toEqual([1, 1]);
  });

  it('refuses a pattern without the g flag, as matchAll does', () => {
    expect(() => allMatches(/a/u, 'a')).toThrow(TypeError);
  });
});

describe('allMatches with a leading lookbehind', () => {
  it('finds what matchAll finds where the shared word-start lookbehind fails, holds, or stands at a surrogate pair', () => {
    const texts = ['unaufgenommen aufgenommen', 'xbeigetreten beigetreten', '😀aufgenommen', 'a😀b aufgenommen😀aufgenommen', 'Äaufgenommen', '', 'aufgenommen'];
    const patterns = [
      /(?<![\p{L}])(?:beigetreten|aufgenommen)(?![\p{L}])/giu,
      /(?<![\p{L}])(?:beigetreten)(?![\p{L}])|(?<![\p{L}])(?:aufgenommen)(?![\p{L}])/gu,
      /(?<![\p{L}\p{N}.,])(?<number>\d+)\s*(?<noun>Einwohner)/giu,
      /(?<![\p{L}])(?:a)|(?<![\p{N}])b/gu, // alternatives with different lookbehinds: scanned as written
      /(?<![\p{L}])x*/gu, // empty matches
      /(?<![a])(?:[^\]]|\])/g,
      /(?<![\p{L}])(?:\p{So}|x)/gu, // a match that is a surrogate pair
      /(?<![\p{L}])[^a]/gu,
    ];
    for (const pattern of patterns) for (const text of [...texts, '12 Einwohner, 3,12 Einwohner, a12 Einwohner', 'aaa b ab ba', 'xx axx 😀x', '😀😀 😀x', 'x😀', '\ud83dx\ude00']) same(pattern, text);
  });

  it('keeps lastIndex as it was and starts there', () => {
    const pattern = /(?<![\p{L}])(?:ab)/gu;
    pattern.lastIndex = 2;
    same(pattern, 'ab ab xab ab');
    expect(pattern.lastIndex).toBe(2);
  });
});
