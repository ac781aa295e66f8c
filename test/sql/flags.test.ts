import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/database.ts';
import { findFlag, listFlags, reviewFlag, sentenceAround, syncFlags, type FlagUpsert } from '../../sql/queries/flags.ts';
import { DATABASES } from '../support/services.ts';

const draft = (fingerprint: string, explanation = 'x', claimIds: string[] = [], subjectKey: string | null = 'org:ISA'): FlagUpsert => ({
  fingerprint, kind: 'stated_count_vs_list', severity: 'contradiction', subject: 'ISA', subjectKey, explanation, details: { n: 1 }, claimIds, initialStatus: 'open', runId: null,
});

for (const { name, open, available } of DATABASES) {
  describe.skipIf(!available)(`flags on ${name}`, () => {
    let database: Database;
    beforeEach(async () => {
      database = await open();
    });
    afterEach(async () => {
      await database.close();
    });

    it('keeps a reviewer decision when the same finding is raised again with new text', async () => {
      await syncFlags(database.db, [draft('fp-a', 'first wording')], null);
      const flag = await findFlag(database.db, 'fp-a');
      expect(flag?.status).toBe('open');
      await reviewFlag(database.db, flag!.id, { status: 'dismissed', note: 'list includes a region', reviewer: 'checker' });

      const second = await syncFlags(database.db, [draft('fp-a', 'second wording')], null);
      expect(second.created).toBe(0);
      const again = await findFlag(database.db, 'fp-a');
      expect(again).toMatchObject({ id: flag!.id, status: 'dismissed', reviewer_note: 'list includes a region', explanation: 'second wording' });
    });

    it('closes an open flag as resolved_by_source when its finding is gone, and reopens it when it returns', async () => {
      await syncFlags(database.db, [draft('fp-a'), draft('fp-b')], null);
      const result = await syncFlags(database.db, [draft('fp-a')], null);
      expect(result.resolvedBySource).toBe(1);
      expect((await findFlag(database.db, 'fp-b'))?.status).toBe('resolved_by_source');
      const back = await syncFlags(database.db, [draft('fp-a'), draft('fp-b')], null);
      expect(back.reopened).toBe(1);
      expect((await findFlag(database.db, 'fp-b'))?.status).toBe('open');
      expect((await listFlags(database.db)).map((f) => f.fingerprint).sort()).toEqual(['fp-a', 'fp-b']);
    });

    it('changes no row when the same findings are synced twice', async () => {
      await syncFlags(database.db, [draft('fp-a'), draft('fp-b')], null);
      const before = await database.db.selectFrom('flags').selectAll().orderBy('id').execute();
      const result = await syncFlags(database.db, [draft('fp-a'), draft('fp-b')], null);
      const after = await database.db.selectFrom('flags').selectAll().orderBy('id').execute();
      expect(result).toMatchObject({ created: 0, resolvedBySource: 0 });
      expect(after).toEqual(before);
    });

    it('closes only the flags of the subjects a pass re-checked, and never a reviewed one', async () => {
      await syncFlags(database.db, [draft('fp-isa'), draft('fp-city', 'x', [], 'city:Foshan'), draft('fp-reviewed', 'x', [], 'city:Foshan')], null);
      const reviewed = await findFlag(database.db, 'fp-reviewed');
      await reviewFlag(database.db, reviewed!.id, { status: 'confirmed', note: 'real', reviewer: 'checker' });
      const result = await syncFlags(database.db, [], null, { subjectKeys: ['city:Foshan'] });
      expect(result.resolvedBySource).toBe(1);
      expect((await findFlag(database.db, 'fp-city'))?.status).toBe('resolved_by_source');
      expect((await findFlag(database.db, 'fp-isa'))?.status).toBe('open');
      expect((await findFlag(database.db, 'fp-reviewed'))?.status).toBe('confirmed');
    });
  });
}

describe('sentenceAround', () => {
  it('widens a short quote to its sentence, past dates and abbreviations that end nothing', () => {
    const text = 'Köln ist beigetreten. Die offizielle Aufnahme in das Netzwerk wird am Montag, 24. April 2017, auf der Hannover Messe stattfinden. Dr. Berg freut sich.';
    const start = text.indexOf('Aufnahme in');
    expect(sentenceAround(text, 0, start, start + 'Aufnahme in'.length)).toBe('Die offizielle Aufnahme in das Netzwerk wird am Montag, 24. April 2017, auf der Hannover Messe stattfinden.');
  });

  it('works on a window cut out of a longer text, with offsets of the whole text', () => {
    const window = 'tze. Mainz will beitreten. Danach mehr.';
    const windowStart = 1000;
    const start = windowStart + window.indexOf('beitreten');
    expect(sentenceAround(window, windowStart, start, start + 'beitreten'.length)).toBe('Mainz will beitreten.');
  });
});
