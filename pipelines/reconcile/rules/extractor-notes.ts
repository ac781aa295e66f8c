import { where, type FlagDraft, type ReconcileRule } from '../flag-draft.ts';

/** Notes an extractor leaves for review, by prefix: the flag kind each becomes. */
const NOTE_KINDS: Record<string, { kind: string; severity: FlagDraft['severity'] }> = {
  'weekday-mismatch': { kind: 'weekday_mismatch', severity: 'discrepancy' },
};

/**
 * Problems an extractor saw inside one document but could not express as a claim, e.g. a stated
 * weekday that does not fit its date ("Dienstag, 24. April 2017" — a Monday).
 */
export const extractorNotes: ReconcileRule = ({ claims }) => {
  const drafts = new Map<string, FlagDraft>();
  for (const claim of claims) {
    for (const note of claim.claim.provenance?.notes ?? []) {
      const prefix = note.split(':')[0] ?? '';
      const mapping = NOTE_KINDS[prefix];
      if (!mapping) continue;
      const key = [prefix, claim.url, note].join('|');
      const existing = drafts.get(key);
      if (existing) {
        existing.claimIds.push(claim.id);
        continue;
      }
      drafts.set(key, {
        kind: mapping.kind,
        severity: mapping.severity,
        subject: 'subject' in claim.claim ? claim.claim.subject : claim.url,
        key,
        explanation: `${note.slice(prefix.length + 1).trim()} (in ${where(claim)})`,
        details: { note, url: claim.url },
        claimIds: [claim.id],
      });
    }
  }
  return [...drafts.values()];
};
