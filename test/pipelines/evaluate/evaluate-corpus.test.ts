import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Claim, Extraction } from '../../../core/claim.ts';
import { corpusBody, evaluateCorpus, isBlindDocument } from '../../../pipelines/evaluate/evaluate-corpus.ts';
import { formatEvaluation } from '../../../pipelines/evaluate/format-evaluation.ts';

const VENDORED_SCORER = fileURLToPath(new URL('../../../fixtures/gold/score.mjs', import.meta.url));

// Our own two-document corpus in the layout of ../shared/corpus: 001 seen, 003 blind.
const BODIES: Record<string, string> = {
  '001': 'Musterstadt und Beispielhausen sind seit 1990 Partnerstädte.',
  '003': 'Beispielhausen zählt 120.000 Einwohner.',
};
const GOLD: Record<string, unknown> = {
  '001': { seed: '001.json', language: 'de', published: '2020-01-01', claims: [
    { kind: 'partnership', cities: ['Musterstadt', 'Beispielhausen'], relation: 'partner_city', since: '1990', quote: 'Musterstadt und Beispielhausen sind seit 1990 Partnerstädte' },
    { kind: 'member_count', subject: 'ISA', country: 'DE', count: 12, qualifier: 'exact', unit: 'cities', scope: 'current', asOf: '2020-01', quote: 'Musterstadt' },
  ], flags: [], notes: '' },
  '003': { seed: '003.json', language: 'de', published: null, claims: [
    { kind: 'city_attribute', city: 'Beispielhausen', attribute: 'population', value: 120000, quote: '120.000 Einwohner' },
  ], flags: [], notes: '' },
};

const scratch: string[] = [];
afterEach(async () => {
  for (const dir of scratch.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function fakeCorpus(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'isa-corpus-test-'));
  scratch.push(dir);
  await mkdir(join(dir, 'docs'));
  await mkdir(join(dir, 'gold'));
  for (const [name, body] of Object.entries(BODIES)) {
    await writeFile(join(dir, 'docs', `${name}.txt`), `URL: https://example.test/${name}\nRETRIEVED-VIA: stored copy\nPARTIAL: no\n\n${body}\n`);
    await writeFile(join(dir, 'gold', `${name}.json`), JSON.stringify(GOLD[name]));
  }
  return dir;
}

/** Finds the partnership of 001 (with a wrong as-of on its count) and nothing in 003; records what it was given. */
function recordingExtract(seen: Map<string, string>) {
  return async (file: string): Promise<Extraction> => {
    const text = await readFile(file, 'utf8');
    seen.set(file.slice(-7, -4), text);
    const claims: Claim[] = [];
    if (text.includes('Partnerstädte')) {
      claims.push({ kind: 'partnership', cities: ['Musterstadt', 'Beispielhausen'], relation: 'partner_city', since: '1990', evidence: { quote: 'x', start: 0, end: 1 } } as Claim);
      claims.push({ kind: 'member_count', subject: 'ISA', country: 'DE', count: 12, qualifier: 'exact', unit: 'members', scope: 'current', asOf: '2016', evidence: { quote: 'x', start: 0, end: 1 } } as Claim);
    }
    return { document: { source: file, title: null, published: null, language: 'de', text }, claims };
  };
}

describe('evaluateCorpus', () => {
  it('knows the blind documents by their number and cuts the header off the body', () => {
    expect(['001', '002', '003', '006', '010', '030'].filter(isBlindDocument)).toEqual(['003', '006', '030']);
    expect(corpusBody('URL: x\nPARTIAL: yes\n\nFirst line.\n\nSecond paragraph.')).toBe('First line.\n\nSecond paragraph.');
  });

  it('scores seen and blind documents as two sets, extracts only the body, and withholds the blind documents', async () => {
    const seen = new Map<string, string>();
    const results = await evaluateCorpus({ corpusDir: await fakeCorpus(), name: 'mini', extract: recordingExtract(seen), scorer: VENDORED_SCORER });
    expect(results.map((r) => r.set)).toEqual(['mini', 'mini-blind']);
    expect(seen.get('001')).toBe(`${BODIES['001']}\n`);
    const [mine, blind] = results;
    // Units Städte and Mitglieder are one measure, as in the shared scorer.
    expect(mine?.report.headline.f1).toBe(1);
    expect(mine?.asOf).toEqual({ ok: 0, all: 1, accuracy: 0 });
    expect(mine?.report.docs[0]?.misses).toEqual(['as-of of count 12 DE: 2020-01 (got 2016)']);
    expect(blind?.report.headline.r).toBe(0);
    expect(blind?.report.docs).toEqual([]);
    const text = formatEvaluation(VENDORED_SCORER, results, [], { details: true });
    expect(text).toContain('== mini-blind: 1 documents (blind');
    expect(text).toContain('as-of of matched counts and lists:   0.0% (0/1)');
    expect(text).toContain('partnership');
    expect(text).not.toContain('Beispielhausen zählt');
  });
});
