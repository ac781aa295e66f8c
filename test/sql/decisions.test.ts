import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../../sql/database.ts';
import { findFlag, syncFlags, type FlagUpsert } from '../../sql/queries/flags.ts';
import { acceptedAliases, applyClaimCorrections, flagHistory, recordDecision, type ClaimCorrection } from '../../sql/queries/decisions.ts';
import type { ClaimWithSource } from '../../sql/queries/claims.ts';
import { DATABASES } from '../support/services.ts';

const draft = (fingerprint: string): FlagUpsert => ({
  fingerprint, kind: 'unresolved_name', severity: 'discrepancy', subject: 'ISA', explanation: 'Qindao is no known city', details: {}, claimIds: [], initialStatus: 'open', runId: null,
});

for (const { name, open, available } of DATABASES) {
  describe.skipIf(!available)(`decisions on ${name}`, () => {
    let database: Database;
    beforeEach(async () => {
      database = await open();
    });
    afterEach(async () => {
      await database.close();
    });

    it('keeps every decision with reviewer and time, the flag showing the latest; the next sync keeps it', async () => {
      await syncFlags(database.db, [draft('fp-1')], null);
      const flag = (await findFlag(database.db, 'fp-1'))!;
      await recordDecision(database.db, { flagId: flag.id, action: 'confirm', note: 'looks real', reviewer: 'anna' });
      await recordDecision(database.db, { flagId: flag.id, action: 'dismiss', note: 'a typo in the release', reviewer: 'ben' });
      const history = await flagHistory(database.db, 'fp-1');
      expect(history.map((d) => [d.action, d.status, d.reviewer, d.note])).toEqual([
        ['confirm', 'confirmed', 'anna', 'looks real'],
        ['dismiss', 'dismissed', 'ben', 'a typo in the release'],
      ]);
      await syncFlags(database.db, [draft('fp-1')], null);
      expect(await findFlag(database.db, 'fp-1')).toMatchObject({ status: 'dismissed', reviewed_by: 'ben' });
    });

    it('refuses to change or delete a decision, and a dismissal without a reason', async () => {
      await syncFlags(database.db, [draft('fp-1')], null);
      const flag = (await findFlag(database.db, 'fp-1'))!;
      await expect(recordDecision(database.db, { flagId: flag.id, action: 'dismiss', note: ' ', reviewer: 'anna' })).rejects.toThrow(/needs a reason/);
      await recordDecision(database.db, { flagId: flag.id, action: 'confirm', reviewer: 'anna' });
      await expect(sql`update decisions set reviewer = 'mallory'`.execute(database.db)).rejects.toThrow(/never changed/);
      await expect(sql`delete from decisions`.execute(database.db)).rejects.toThrow(/never changed/);
    });

    it('reads accepted aliases back until the flag is reopened', async () => {
      await syncFlags(database.db, [draft('fp-1')], null);
      const flag = (await findFlag(database.db, 'fp-1'))!;
      await recordDecision(database.db, { flagId: flag.id, action: 'alias', reviewer: 'anna', value: { alias: 'Qindao', city: 'Qingdao', country: 'CN' } });
      expect(await acceptedAliases(database.db)).toEqual([{ alias: 'Qindao', city: 'Qingdao', country: 'CN' }]);
      await recordDecision(database.db, { flagId: flag.id, action: 'reopen', reviewer: 'ben' });
      expect(await acceptedAliases(database.db)).toEqual([]);
    });
  });
}

describe('applyClaimCorrections', () => {
  const claim = (id: string, count: number): ClaimWithSource => ({
    id, versionId: '1', documentId: '7', extractorVersion: 'x', url: 'u', finalUrl: 'u', fetchedAt: new Date(0), published: null, title: null,
    claim: { kind: 'member_count', subject: 'ISA', country: 'DE', count, qualifier: 'exact', unit: 'cities', scope: 'current', asOf: '2020', evidence: { quote: 'zwölf Städte', start: 10, end: 22 } },
  });
  const correction: ClaimCorrection = { claimId: '1', field: 'count', value: '21', decisionId: '5', reviewer: 'anna', documentId: '7', kind: 'member_count', quote: 'zwölf Städte', start: 10 };

  it('replaces the value of the same statement re-extracted under a new id, as a number, and says so', () => {
    const [corrected, other] = applyClaimCorrections([claim('99', 12), { ...claim('100', 12), documentId: '8' }], [correction]);
    expect(corrected!.claim).toMatchObject({ count: 21 });
    expect(corrected!.claim.provenance?.notes?.[0]).toContain('corrected: count 12 → "21" by anna');
    expect(other!.claim).toMatchObject({ count: 12 });
  });
});
