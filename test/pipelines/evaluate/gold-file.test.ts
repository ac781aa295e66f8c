import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../core/errors.ts';
import { findGoldDocument, findGoldSets, listGoldNames } from '../../../pipelines/evaluate/evaluate-gold.ts';
import { goldFileSchema, readGoldFile } from '../../../pipelines/evaluate/gold-file.ts';
import { goldDocumentText } from './gold-document-text.ts';

const GOLD_ROOT = fileURLToPath(new URL('../../../fixtures/gold', import.meta.url));
// Every set: the gated ones (seeds, own) and the held-out ones, which nothing else checks.
const SETS = (await findGoldSets(GOLD_ROOT)).map((dir) => dir.slice(GOLD_ROOT.length + 1));

const goldFiles = await Promise.all(
  SETS.map(async (set) => (await listGoldNames(join(GOLD_ROOT, set))).map((name) => ({ set, name, dir: join(GOLD_ROOT, set) }))),
).then((lists) => lists.flat());

describe('gold files', () => {
  it.each(goldFiles)('$set/$name is valid gold with quotes that are exact substrings of its document', async ({ dir, name }) => {
    const gold = await readGoldFile(join(dir, `${name}.json`));
    const document = findGoldDocument(dir, name);
    expect(document, `no document beside ${name}.json`).not.toBeNull();
    if (document === null) return;
    expect(gold.document ?? gold.seed).toBe(document.slice(dir.length + 1));
    const text = await goldDocumentText(document);
    for (const claim of gold.claims) {
      expect(text.includes(claim.quote), `${claim.kind} quote not in the ${document.split('.').pop()} text: ${JSON.stringify(claim.quote)}`).toBe(true);
    }
    for (const claim of gold.claims) {
      if (claim.kind !== 'member_list') continue;
      // rawAccepted names must be list members, else the scorer silently ignores them.
      for (const canonical of Object.keys(claim.rawAccepted ?? {})) expect(claim.members).toContain(canonical);
      expect(new Set(claim.members).size, `duplicate members in ${claim.quote.slice(0, 40)}`).toBe(claim.members.length);
    }
    for (const claim of gold.claims) {
      if (claim.kind === 'partnership') expect(claim.cities[0]).not.toBe(claim.cities[1]);
    }
  });

  it('covers the shapes the own set promises: 24+ documents, 6+ English, 5+ HTML, 3+ PDF, 4+ without alliance counts', async () => {
    const own = goldFiles.filter((g) => g.set === 'own');
    expect(own.length).toBeGreaterThanOrEqual(24);
    const golds = await Promise.all(own.map(async (g) => ({ ...g, gold: await readGoldFile(join(g.dir, `${g.name}.json`)), file: findGoldDocument(g.dir, g.name) ?? '' })));
    expect(golds.filter((g) => g.gold.language === 'en').length).toBeGreaterThanOrEqual(6);
    expect(golds.filter((g) => g.file.endsWith('.html')).length).toBeGreaterThanOrEqual(5);
    expect(golds.filter((g) => g.file.endsWith('.pdf')).length).toBeGreaterThanOrEqual(3);
    const withoutCounts = golds.filter((g) => !g.gold.claims.some((c) => c.kind === 'member_count' || c.kind === 'member_list'));
    expect(withoutCounts.length).toBeGreaterThanOrEqual(4);
  });

  it('finds the gated sets and at least one held-out set', () => {
    expect(SETS).toEqual(expect.arrayContaining(['seeds', 'own', 'holdout']));
  });

  it('leaves no stray files: every document in a set has a gold file', async () => {
    for (const set of SETS) {
      const files = await readdir(join(GOLD_ROOT, set));
      const names = new Set(files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)));
      const documents = files.filter((f) => /\.(txt|html|htm|pdf)$/.test(f));
      for (const doc of documents) expect(names.has(doc.replace(/\.[^.]+$/, '')), `${set}/${doc} has no gold file`).toBe(true);
    }
  });

  it('rejects a gold file with a misspelt field, a bad enum or a bad date', () => {
    const base = JSON.parse(JSON.stringify({ document: 'x.txt', language: 'de', published: null, claims: [], flags: [], notes: '' }));
    expect(goldFileSchema.safeParse(base).success).toBe(true);
    const claim = { kind: 'member_count', subject: 'ISA', country: 'DE', count: 10, qualifier: 'exact', unit: 'cities', scope: 'current', quote: 'zehn deutsche Städte' };
    expect(goldFileSchema.safeParse({ ...base, claims: [claim] }).success).toBe(true);
    expect(goldFileSchema.safeParse({ ...base, claims: [{ ...claim, qualifer: 'exact' }] }).success).toBe(false);
    expect(goldFileSchema.safeParse({ ...base, claims: [{ ...claim, unit: 'towns' }] }).success).toBe(false);
    expect(goldFileSchema.safeParse({ ...base, claims: [{ ...claim, asOf: '2019-13' }] }).success).toBe(false);
    expect(goldFileSchema.safeParse({ ...base, claims: [{ ...claim, quote: '' }] }).success).toBe(false);
  });

  it('reads a malformed gold file as BadInputError naming the file', async () => {
    const path = join(GOLD_ROOT, 'README.md');
    await expect(readGoldFile(path)).rejects.toBeInstanceOf(BadInputError);
    await expect(readGoldFile(path)).rejects.toThrow(path);
    expect((await readFile(path, 'utf8')).length).toBeGreaterThan(0);
  });
});
