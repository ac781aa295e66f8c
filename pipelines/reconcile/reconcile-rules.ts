import type { ReconcileRule } from './flag-draft.ts';
import { attributeConflict } from './rules/attribute-conflict.ts';
import { countChange } from './rules/count-change.ts';
import { extractorNotes } from './rules/extractor-notes.ts';
import { foundingVsJoinedLater } from './rules/founding-vs-joined-later.ts';
import { membershipTimeline } from './rules/membership-timeline.ts';
import { statedCountVsList } from './rules/stated-count-vs-list.ts';
import { unresolvedName } from './rules/unresolved-name.ts';

/** Every rule the reconciler runs; order only affects the order flags are listed in. */
export const RECONCILE_RULES: ReadonlyArray<{ name: string; rule: ReconcileRule }> = [
  // Within one document: the cheapest, surest contradictions first.
  { name: 'stated-count-vs-list', rule: statedCountVsList },
  { name: 'unresolved-name', rule: unresolvedName },
  { name: 'extractor-notes', rule: extractorNotes },
  // Across documents and against the gazetteer.
  { name: 'founding-vs-joined-later', rule: foundingVsJoinedLater },
  { name: 'membership-timeline', rule: membershipTimeline },
  { name: 'attribute-conflict', rule: attributeConflict },
  { name: 'count-change', rule: countChange },
];
