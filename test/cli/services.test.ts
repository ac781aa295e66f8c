import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/database.ts';
import { syncFlags } from '../../sql/queries/flags.ts';
import { recordDecision } from '../../sql/queries/decisions.ts';
import { loadConfig } from '../../cli/config.ts';
import { currentExtractorVersion, ReviewedStageDeps } from '../../cli/services.ts';
import { freshPglite } from '../support/services.ts';

describe('ReviewedStageDeps (what a long-running isa worker extracts with)', () => {
  let database: Database;
  let reviewed: ReviewedStageDeps;
  beforeEach(async () => {
    database = await freshPglite();
    reviewed = new ReviewedStageDeps(database, loadConfig({}));
  }, 180_000);
  afterEach(async () => {
    await reviewed.close();
    await database.close();
  });

  it('keeps its deps while the aliases stand, and takes an alias accepted meanwhile into the next job', async () => {
    const first = await reviewed.lease();
    expect(first.deps.extractorVersion).toBe(currentExtractorVersion());
    expect(first.deps.gazetteer.resolve('Qindaoo').resolved).toBe(false);
    await first.release();
    const again = await reviewed.lease();
    expect(again.deps).toBe(first.deps);
    await again.release();

    await syncFlags(database.db, [{ fingerprint: 'fp-alias', kind: 'unresolved_name', severity: 'discrepancy', subject: 'ISA', explanation: 'Qindaoo is no known city', details: {}, claimIds: [], initialStatus: 'open', runId: null }], null);
    const flag = await database.db.selectFrom('flags').select('id').where('fingerprint', '=', 'fp-alias').executeTakeFirstOrThrow();
    await recordDecision(database.db, { flagId: String(flag.id), action: 'alias', reviewer: 'anna', value: { alias: 'Qindaoo', city: 'Qingdao', country: 'CN' } });

    const after = await reviewed.lease();
    expect(after.deps).not.toBe(first.deps);
    expect(after.deps.extractorVersion).toMatch(/\.aliases-[0-9a-f]{8}\.read-/);
    expect(after.deps.gazetteer.resolve('Qindaoo')).toMatchObject({ resolved: true, place: { name: 'Qingdao' } });
    await after.release();
  });
});
