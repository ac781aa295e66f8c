/**
 * The extraction engine: an ordered list of parsers, then an ordered list of refiners, over a
 * document analysed once. Pure — text and context in, claims out; no I/O, no clock.
 */
import type { Claim } from '../core/claim.ts';
import type { ExtractionContext } from './extraction-context.ts';
import { analyseDocument, type AnalyseOptions } from './analyse-document.ts';
import type { Parser, Refiner } from './parser.ts';
import { memberCountParser } from './counts/parse-member-counts.ts';
import { memberListParser } from './lists/parse-member-lists.ts';
import { coordinatedListParser } from './lists/parse-coordinated-lists.ts';
import { countryTableParser } from './lists/parse-country-tables.ts';
import { lineBlockListParser } from './lists/parse-line-blocks.ts';
import { textTableParser } from './lists/parse-text-tables.ts';
import { splitListParser } from './lists/parse-split-lists.ts';
import { membershipEventParser } from './membership/parse-membership-events.ts';
import { membershipLineParser } from './membership/parse-membership-lines.ts';
import { partnershipParser } from './partnerships/parse-partnerships.ts';
import { partnershipListParser } from './partnerships/parse-partnership-lists.ts';
import { cityAttributeParser } from './attributes/parse-city-attributes.ts';
import { eventParser } from './events/parse-events.ts';
import { listsFromPlaceRuns } from './refiners/lists-from-place-runs.ts';
import { splitGroupedMembers } from './refiners/split-grouped-members.ts';
import { linkListCounts } from './refiners/link-list-counts.ts';
import { listAdmissions } from './refiners/list-admissions.ts';
import { dateFromEvents } from './refiners/date-from-events.ts';
import { dateFromSameOccasion } from './refiners/date-from-same-occasion.ts';
import { dedupeClaims } from './refiners/dedupe-claims.ts';
import { eventDateFromPublication } from './refiners/event-date-from-publication.ts';
import { checkWeekdays } from './refiners/check-weekdays.ts';

export { detectLanguage } from './detect-language.ts';

/** Parsers are independent of each other; their order only fixes the order of the output. */
export const PARSERS: readonly Parser[] = [
  memberCountParser,
  memberListParser,
  coordinatedListParser,
  countryTableParser,
  lineBlockListParser,
  textTableParser,
  splitListParser,
  membershipEventParser,
  membershipLineParser,
  partnershipParser,
  partnershipListParser,
  cityAttributeParser,
  eventParser,
];

/** Refiners run in this order, each on the output of the one before. */
export const REFINERS: readonly Refiner[] = [
  // Runs of places in a sentence about members become lists where no parser read one: needs every parser's lists.
  listsFromPlaceRuns,
  // One member per municipality (regions and networks with their towns, glued names): needs every list, before members become events.
  splitGroupedMembers,
  // Lists first take their stated count from an earlier sentence: needs every count, changes no count.
  linkListCounts,
  // Lists of newly admitted members become one joined event per member; needs the linked scope.
  listAdmissions,
  // Joined events without a date of their own take the date of the assembly that admitted them.
  dateFromEvents,
  // Admissions "at the same session" or "together with X" take the date of the admission they point to; needs dated events.
  dateFromSameOccasion,
  // Merging duplicates comes after every refiner that adds or dates claims, so the best date wins.
  dedupeClaims,
  // Events still undated after merging are news of the publication month: after dedupe, so a dated mention of the same event wins.
  eventDateFromPublication,
  // Notes last, so merged claims carry them too.
  checkWeekdays,
];

export interface ExtractOptions extends AnalyseOptions {
  parsers?: readonly Parser[];
  refiners?: readonly Refiner[];
}

/**
 * Claims a press release makes, each with evidence (`text.slice(start, end) === quote`) and the
 * rule that produced it. Deterministic for the same text and context.
 */
export function extractClaims(text: string, context: ExtractionContext, options: ExtractOptions = {}): Claim[] {
  const doc = analyseDocument(text, context, options);
  let claims: Claim[] = [];
  for (const parser of options.parsers ?? PARSERS) claims.push(...parser.parse(doc));
  for (const refiner of options.refiners ?? REFINERS) claims = refiner.refine(claims, doc);
  return claims;
}
