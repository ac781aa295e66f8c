import type { ReconcileRule } from './flag-draft.ts';
import { attributeConflict } from './rules/attribute-conflict.ts';
import { countSumConflict } from './rules/count-sum-conflict.ts';
import { countTimeline } from './rules/count-timeline.ts';
import { eventOrdinalConflict } from './rules/event-ordinal-conflict.ts';
import { extractorNotes } from './rules/extractor-notes.ts';
import { granularity } from './rules/granularity.ts';
import { listVsEvents } from './rules/list-vs-events.ts';
import { partnershipConflict } from './rules/partnership-conflict.ts';
import { statedCountVsList } from './rules/stated-count-vs-list.ts';
import { unresolvedName } from './rules/unresolved-name.ts';
import type { SubjectKind } from './subject-keys.ts';

/**
 * Every rule the reconciler runs, with the kind of subject it checks (an organisation's
 * membership timeline, a city's attributes, a city's partnerships); order only affects the order
 * flags are listed in.
 */
export const RECONCILE_RULES: ReadonlyArray<{ name: string; subjects: SubjectKind; rule: ReconcileRule }> = [
  // Within one document: the cheapest, surest contradictions first.
  { name: 'stated-count-vs-list', subjects: 'org', rule: statedCountVsList },
  { name: 'count-sum-conflict', subjects: 'org', rule: countSumConflict },
  { name: 'unresolved-name', subjects: 'org', rule: unresolvedName },
  { name: 'extractor-notes', subjects: 'any', rule: extractorNotes },
  // The membership timeline: counts, complete lists and events as three views of one history.
  { name: 'count-timeline', subjects: 'org', rule: countTimeline },
  { name: 'list-vs-events', subjects: 'org', rule: listVsEvents },
  { name: 'granularity', subjects: 'org', rule: granularity },
  { name: 'event-ordinal-conflict', subjects: 'org', rule: eventOrdinalConflict },
  // Cities across sources and against the gazetteer.
  { name: 'attribute-conflict', subjects: 'city', rule: attributeConflict },
  { name: 'partnership-conflict', subjects: 'partner', rule: partnershipConflict },
  { name: 'partner-granularity', subjects: 'partner', rule: granularity },
];
