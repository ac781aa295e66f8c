/**
 * A weekday stated next to a date ("Montag, 24. April 2017") is checked against the date; a
 * mismatch is surfaced as a provenance note on every claim from that sentence, for the
 * reconciler to read. The claim keeps the date as written.
 */
import type { Refiner } from '../parser.ts';
import { sentenceOf } from '../analyse-document.ts';

export const checkWeekdays: Refiner = {
  name: 'check-weekdays',
  refine(claims, doc) {
    const mismatches = doc.dates.filter((d) => d.weekday && !d.weekday.matches);
    if (!mismatches.length) return claims;
    return claims.map((claim) => {
      const sentence = sentenceOf(doc, claim.evidence.start);
      const notes = mismatches
        .filter((d) => (sentence && d.start >= sentence.start && d.end <= sentence.end) || (d.start >= claim.evidence.start && d.end <= claim.evidence.end))
        .map((d) => `weekday-mismatch: "${d.raw}" — ${d.value} is not a ${d.weekday!.stated}`);
      if (!notes.length) return claim;
      return { ...claim, provenance: { rule: claim.provenance?.rule ?? 'unknown', ...claim.provenance, notes: [...(claim.provenance?.notes ?? []), ...notes] } };
    });
  },
};
