/**
 * Whether a partnership cue speaks of a relation that does not exist now: one examined
 * ("prüft eine Städtepartnerschaft"), planned or sought ("eine Kooperationsvereinbarung
 * vorzubereiten", "the planned twinning") or put on hold ("die Partnerschaft ruht"). Such a
 * relation is reported as an event of its own, never as a partnership.
 */
import { wordsPattern } from './partnership-vocabulary.ts';

export type Prospect = 'under_review' | 'planned' | 'suspended';

const PROSPECTS: Array<[Prospect, RegExp]> = [
  ['suspended', wordsPattern((w) => w.suspended)],
  ['under_review', wordsPattern((w) => w.underReview)],
  ['planned', wordsPattern((w) => w.planned)],
];

// The clause around the cue: a prospect word further off, or past a semicolon, speaks of something else.
const REACH = 90;

/** The prospect a cue at [cueStart, cueEnd) of `sentence` stands under, or null when the relation is real. */
export function prospectOf(sentence: string, cueStart: number, cueEnd: number): Prospect | null {
  const before = sentence.slice(Math.max(0, cueStart - REACH), cueStart).split(';').at(-1) ?? '';
  const after = sentence.slice(cueEnd, cueEnd + REACH).split(';')[0] ?? '';
  for (const [prospect, pattern] of PROSPECTS) if (pattern.test(before) || pattern.test(after)) return prospect;
  return null;
}
