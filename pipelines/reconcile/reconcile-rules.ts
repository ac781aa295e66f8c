import type { ReconcileRule } from './flag-draft.ts';
import { attributeConflict } from './rules/attribute-conflict.ts';
import { countChange } from './rules/count-change.ts';
import { countSumConflict } from './rules/count-sum-conflict.ts';
import { eventOrdinalConflict } from './rules/event-ordinal-conflict.ts';
import { partnershipSinceConflict } from './rules/partnership-since-conflict.ts';
import { extractorNotes } from './rules/extractor-notes.ts';
import { foundingVsJoinedLater } from './rules/founding-vs-joined-later.ts';
import { membershipTimeline } from './rules/membership-timeline.ts';
import { statedCountVsList } from './rules/stated-count-vs-list.ts';
import { unresolvedName } from './rules/unresolved-name.ts';

/** Every rule the reconciler runs; order only affects the order flags are listed in. */
export const RECONCILE_RULES: ReadonlyArray<{ name: string; rule: ReconcileRule }> = [
  // Within one document: the cheapest, surest contradictions first.
  { name: 'stated-count-vs-list', rule: statedCountVsList },
  { name: 'count-sum-conflict', rule: countSumConflict },
  { name: 'unresolved-name', rule: unresolvedName },
  { name: 'extractor-notes', rule: extractorNotes },
  // Across documents and against the gazetteer.
  { name: 'founding-vs-joined-later', rule: foundingVsJoinedLater },
  { name: 'membership-timeline', rule: membershipTimeline },
  { name: 'attribute-conflict', rule: attributeConflict },
  { name: 'partnership-since-conflict', rule: partnershipSinceConflict },
  { name: 'event-ordinal-conflict', rule: eventOrdinalConflict },
  { name: 'count-change', rule: countChange },
];
