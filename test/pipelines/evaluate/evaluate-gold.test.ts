import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Extraction } from '../../../core/claim.ts';
import { ConfigError } from '../../../core/errors.ts';
import { checkFloors, defaultScorerPath, evaluateGold, loadFloors } from '../../../pipelines/evaluate/evaluate-gold.ts';
import { readGoldFile } from '../../../pipelines/evaluate/gold-file.ts';
import { goldAsExtraction } from './gold-as-extraction.ts';

const GOLD_ROOT = fileURLToPath(new URL('../../../fixtures/gold', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const VENDORED_SCORER = join(GOLD_ROOT, 'score.mjs');

/** The extraction a perfect extractor would print: the gold claims themselves. */
async function perfectExtract(file: string): Promise<Extraction> {
  const gold = await readGoldFile(file.slice(0, -extname(file).length) + '.json');
  return goldAsExtraction(gold, file, '');
}

function emptyExtract(file: string): Promise<Extraction> {
  return Promise.resolve({ document: { source: file, title: null, published: null, language: 'de', text: '' }, claims: [] });
}

const scratch: string[] = [];
afterEach(async () => {
  for (const dir of scratch.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'isa-eval-test-'));
  scratch.push(dir);
  return dir;
}

describe('evaluateGold', () => {
  it('scores a perfect extractor at F1 1 on every gold set, with the vendored scorer', async () => {
    const results = await evaluateGold({ goldDir: GOLD_ROOT, extract: perfectExtract, scorer: VENDORED_SCORER });
    // seeds and own are gated; held-out sets (holdout, holdout-2, …) are measured, and arrive over time.
    const names = results.sets.map((s) => s.set);
    expect(names).toEqual(expect.arrayContaining(['own', 'seeds']));
    for (const name of names) expect(name).toMatch(/^(seeds|own|holdout(-\d+)?)$/);
    for (const set of results.sets) {
      expect(set.errors, set.set).toEqual([]);
      expect(set.report.missingPredictions).toBe(0);
      // A gold file that cannot match itself (two claims with one key, a bad list) shows up here.
      expect(set.report.docs.filter((d) => d.misses.length > 0 || d.extras.length > 0), set.set).toEqual([]);
      expect(set.report.headline.f1).toBe(1);
      expect(set.report.published).toBe(1);
    }
    expect(checkFloors(results, await loadFloors())).toEqual([]);
  });

  it('fails the pinned floors for an extractor that finds nothing', async () => {
    const results = await evaluateGold({ goldDir: GOLD_ROOT, extract: emptyExtract, scorer: VENDORED_SCORER });
    const own = results.sets.find((s) => s.set === 'own');
    expect(own?.report.headline.r).toBe(0);
    const failures = checkFloors(results, await loadFloors());
    // Every gated set fails; the still-blind held-out set has no floor to fail.
    const gated = Object.keys((await loadFloors()).sets).sort();
    expect(failures.filter((f) => f.metric === 'headline').map((f) => f.set).sort()).toEqual(gated);
    expect(gated).toEqual(expect.arrayContaining(['own', 'seeds']));
  });

  it('keeps going past a document the extractor fails on, and counts it as a missing prediction', async () => {
    const dir = await tempDir();
    const seeds = join(GOLD_ROOT, 'seeds');
    for (const file of await readdir(seeds)) if (file.startsWith('000_') || file.startsWith('003_')) await copyFile(join(seeds, file), join(dir, file));
    const results = await evaluateGold({
      goldDir: dir,
      scorer: VENDORED_SCORER,
      extract: async (file) => {
        if (basename(file).startsWith('000_')) throw new Error('parser exploded');
        return perfectExtract(file);
      },
    });
    expect(results.sets).toHaveLength(1);
    const [set] = results.sets;
    expect(set?.set).toBe(basename(dir));
    expect(set?.errors).toEqual([expect.objectContaining({ document: '000_2490e39a1715be5b', message: 'parser exploded' })]);
    expect(set?.report.missingPredictions).toBe(1);
    expect(set?.report.headline.r).toBeLessThan(1);
    expect(set?.report.headline.p).toBe(1);
  });

  it('reports a gold file without a document beside it instead of throwing', async () => {
    const dir = await tempDir();
    await copyFile(join(GOLD_ROOT, 'seeds', '002_d65a921588cc86b9.json'), join(dir, '002_d65a921588cc86b9.json'));
    const results = await evaluateGold({ goldDir: dir, extract: perfectExtract, scorer: VENDORED_SCORER });
    expect(results.sets[0]?.errors).toEqual([expect.objectContaining({ document: '002_d65a921588cc86b9', file: null })]);
  });

  it('writes NAME.json predictions into a given predictions directory and keeps them', async () => {
    const dir = await tempDir();
    const predictions = await tempDir();
    await mkdir(join(dir, 'mini'));
    for (const ext of ['json', 'txt']) await copyFile(join(GOLD_ROOT, 'seeds', `002_d65a921588cc86b9.${ext}`), join(dir, 'mini', `002_d65a921588cc86b9.${ext}`));
    await evaluateGold({ goldDir: dir, extract: perfectExtract, scorer: VENDORED_SCORER, predictionsDir: predictions });
    const written = JSON.parse(await readFile(join(predictions, 'mini', '002_d65a921588cc86b9.json'), 'utf8')) as Extraction;
    expect(written.claims.map((c) => c.kind)).toContain('partnership');
  });

  it('throws a ConfigError for a gold directory without gold files and for a missing scorer', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'README.md'), 'nothing here');
    await expect(evaluateGold({ goldDir: dir, extract: emptyExtract, scorer: VENDORED_SCORER })).rejects.toBeInstanceOf(ConfigError);
    await expect(evaluateGold({ goldDir: GOLD_ROOT, extract: emptyExtract, scorer: join(dir, 'nope.mjs') })).rejects.toBeInstanceOf(ConfigError);
  });

  it('prefers ../shared/tools/score.mjs beside the repo and falls back to the vendored copy', async () => {
    const fakeRoot = join(await tempDir(), 'repo');
    expect(defaultScorerPath(fakeRoot)).toBe(join(fakeRoot, 'fixtures', 'gold', 'score.mjs'));
    await mkdir(join(fakeRoot, '..', 'shared', 'tools'), { recursive: true });
    await writeFile(join(fakeRoot, '..', 'shared', 'tools', 'score.mjs'), '');
    expect(defaultScorerPath(fakeRoot)).toBe(join(fakeRoot, '..', 'shared', 'tools', 'score.mjs'));
    expect(defaultScorerPath(REPO_ROOT).endsWith('score.mjs')).toBe(true);
  });

  it('ships a vendored scorer identical to the shared one below its header', async () => {
    const shared = join(REPO_ROOT, '..', 'shared', 'tools', 'score.mjs');
    let reference: string;
    try {
      reference = await readFile(shared, 'utf8');
    } catch {
      return; // a clone without ../shared has only the vendored copy to compare against
    }
    const vendored = (await readFile(VENDORED_SCORER, 'utf8')).split('\n');
    const withoutHeader = [vendored[0], ...vendored.slice(1).filter((_, i) => i >= 3)].join('\n');
    expect(withoutHeader).toBe(reference);
  });
});
