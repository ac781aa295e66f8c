import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../extractors/gazetteer/gazetteer-types.ts';
import { detectLanguage, extractClaims } from '../../extractors/extract-claims.ts';
import { testGazetteer } from './support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const SEEDS = 'fixtures/gold/seeds';
const seedTexts = () => readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEEDS, f), 'utf8'));

describe('extractClaims', () => {
  it('gives every claim evidence that quotes the text exactly, and the rule that produced it', () => {
    for (const text of seedTexts()) {
      for (const claim of extractClaims(text, { gazetteer, published: null, language: 'de', now: new Date(0) })) {
        expect(text.slice(claim.evidence.start, claim.evidence.end)).toBe(claim.evidence.quote);
        expect(claim.evidence.quote.length).toBeGreaterThan(0);
        expect(claim.provenance?.rule).toMatch(/^[a-z-]+\//);
      }
    }
  });

  it('is deterministic and ignores the clock', () => {
    for (const text of seedTexts()) {
      const a = extractClaims(text, { gazetteer, published: '2019-01-01', language: 'de', now: new Date(0) });
      const b = extractClaims(text, { gazetteer, published: '2019-01-01', language: 'de', now: new Date('2030-01-01T00:00:00Z') });
      expect(b).toEqual(a);
    }
  });

  it('surfaces a weekday that does not match its date as a provenance note', () => {
    const text = 'Köln ist der Industriestädteallianz beigetreten. Die Aufnahme in das Netzwerk findet am Dienstag, 24. April 2017, statt.';
    const claims = extractClaims(text, { gazetteer, published: null, language: 'de', now: new Date(0) });
    const joined = claims.find((c) => c.kind === 'membership_event');
    expect(joined).toMatchObject({ city: 'Köln', date: '2017-04-24' });
    expect(joined?.provenance?.notes?.[0]).toMatch(/weekday-mismatch/);
  });

  // The text's own date line is read once, by readDocument's cascade (pipelines/parse/publication-date.ts), never again here.
  it('dates a current count by the publication date the reader found', () => {
    const text = '4. November 2019\n\nDie ISA wurde im April 2016 gegründet. Ihr gehören aktuell 21 deutsche Städte an.';
    const [count] = extractClaims(text, { gazetteer, published: '2019-11-04', language: 'de', now: new Date(0) }).filter((c) => c.kind === 'member_count');
    expect(count).toMatchObject({ count: 21, asOf: '2019-11-04' });
    expect(count?.provenance?.implied).toContain('asOf');
  });
});

describe('detectLanguage', () => {
  it('tells German from English', () => {
    expect(detectLanguage('Die Stadt ist der Allianz beigetreten und wird mit den Partnern arbeiten.')).toBe('de');
    expect(detectLanguage('The city has joined the alliance and will work with its partners.')).toBe('en');
  });
});
