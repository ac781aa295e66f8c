/**
 * The quality gate in `npm test`: what `isa eval` checks, through the same code path — every gold
 * set extracted as `isa extract` would, scored by the shared scorer, held to eval-floors.json.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../extractors/gazetteer/load-gazetteer.ts';
import { extractDocument } from '../../../pipelines/extract/extract-document.ts';
import { evaluateGold } from '../../../pipelines/evaluate/evaluate-gold.ts';
import { checkFloors, defaultEvalFloorsPath, loadEvalFloors } from '../../../pipelines/evaluate/check-floors.ts';
import { PdfWorkerPool } from '../../../pipelines/parse/pdf-to-document.ts';

const GOLD = fileURLToPath(new URL('../../../fixtures/gold', import.meta.url));
// A fixed "now" keeps relative dates and the no-later-than-fetch rule reproducible.
const NOW = new Date('2026-01-01T00:00:00Z');

describe('the quality gate', () => {
  const pdfWorkers = new PdfWorkerPool();
  afterAll(async () => {
    await pdfWorkers.close();
  });

  it('meets every pinned floor of eval-floors.json', async () => {
    const gazetteer = loadGazetteer();
    const results = await evaluateGold({ goldDir: GOLD, extract: (file) => extractDocument({ gazetteer, pdfWorkers }, { source: file, now: NOW }) });
    const failures = checkFloors(results, await loadEvalFloors(defaultEvalFloorsPath()));
    // The misses and extras of the failing sets are the debug output, shown only when a floor is missed.
    const failing = new Set(failures.map((f) => f.set));
    const report = results.sets.filter((s) => failing.has(s.set)).flatMap((s) => s.report.docs.filter((d) => d.misses.length || d.extras.length).map((d) => ({ set: s.set, ...d })));
    expect({ failures, report }).toEqual({ failures: [], report: [] });
  });
});
