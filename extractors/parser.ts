/**
 * The engine's two roles (chrono's design): a parser finds one kind of thing in an analysed
 * document; a refiner maps the claims found so far to better ones. `extract-claims.ts`
 * assembles the order. Helpers every parser needs live here.
 */
import type { Claim, Evidence, PartialDate } from '../core/claim.ts';
import type { AnalysedDocument } from './analyse-document.ts';
import type { Sentence } from './text/segment-text.ts';
import type { DateMention } from './dates/find-dates.ts';
import type { OrganisationMention } from './organisations/find-organisations.ts';

export interface Parser {
  name: string;
  parse(doc: AnalysedDocument): Claim[];
}

export interface Refiner {
  name: string;
  refine(claims: Claim[], doc: AnalysedDocument): Claim[];
}

interface Span {
  start: number;
  end: number;
}

// Whether a mention list is in text order, worked out once per list: the lookups below are then a
// binary search instead of a scan of the whole document per sentence (quadratic on long pages).
const inTextOrder = new WeakMap<readonly Span[], boolean>();
function sortedByStart(list: readonly Span[]): boolean {
  let sorted = inTextOrder.get(list);
  if (sorted === undefined) {
    sorted = list.every((item, i) => i === 0 || list[i - 1]!.start <= item.start);
    inTextOrder.set(list, sorted);
  }
  return sorted;
}

/** The first index whose start is at least `offset`, in a list in text order. */
function firstStartingAt(list: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The mentions lying within [from, to], in list order; linear in what it returns for text-ordered lists. */
export function mentionsWithin<T extends Span>(list: readonly T[], from: number, to: number): T[] {
  if (!sortedByStart(list)) return list.filter((m) => m.start >= from && m.end <= to);
  const found: T[] = [];
  for (let i = firstStartingAt(list, from); i < list.length && list[i]!.start <= to; i++) if (list[i]!.end <= to) found.push(list[i]!);
  return found;
}

/** The last mention lying within [from, to] in list order, or null. */
function lastMentionWithin<T extends Span>(list: readonly T[], from: number, to: number): T | null {
  if (!sortedByStart(list)) {
    const all = list.filter((m) => m.start >= from && m.end <= to);
    return all[all.length - 1] ?? null;
  }
  // In text order the last one within is found scanning back from the first that starts past `to`.
  for (let i = firstStartingAt(list, to + 1) - 1; i >= 0 && list[i]!.start >= from; i--) if (list[i]!.end <= to) return list[i]!;
  return null;
}

/** Evidence for [start, end) of the document text, trimmed of surrounding blanks. */
export function evidenceOf(doc: AnalysedDocument, start: number, end: number): Evidence {
  while (start < end && /\s/.test(doc.text[start] ?? '')) start++;
  while (end > start && /\s/.test(doc.text[end - 1] ?? '')) end--;
  return { quote: doc.text.slice(start, end), start, end };
}

export interface OrganisationLink {
  subject: string;
  mention: OrganisationMention;
  /** The mention stands in the same sentence (else earlier in the paragraph). */
  inSentence: boolean;
}

/**
 * The alliance a sentence speaks about: one named in the sentence, else the last one named
 * earlier in the same paragraph (a count in "Ihr gehören aktuell …" after "Die ISA wurde …"); with
 * `documentFallback`, the last one named anywhere before (for sentences that say "members").
 */
export function organisationFor(doc: AnalysedDocument, sentence: Sentence, options: { documentFallback?: boolean } = {}): OrganisationLink | null {
  const first = mentionsWithin(doc.organisations, sentence.start, sentence.end)[0];
  if (first) return { subject: first.subject, mention: first, inSentence: true };
  const paragraph = doc.paragraphs[sentence.paragraph];
  if (!paragraph) return null;
  const last = lastMentionWithin(doc.organisations, options.documentFallback ? 0 : paragraph.start, sentence.start);
  return last ? { subject: last.subject, mention: last, inSentence: false } : null;
}

/** Dates inside a sentence. */
export function datesIn(doc: AnalysedDocument, sentence: Sentence): DateMention[] {
  return mentionsWithin(doc.dates, sentence.start, sentence.end);
}

/**
 * The date a sentence gives for what happens at `near`: the closest dated mention that is
 * not a "seit …" start date, preferring resolved values. Null when the sentence has none.
 */
export function sentenceDate(doc: AnalysedDocument, sentence: Sentence, near: number, options: { allowSince?: boolean; excludingAfter?: RegExp; excludingBefore?: RegExp } = {}): DateMention | null {
  const dates = datesIn(doc, sentence).filter((d) => (options.allowSince || !d.since)
    && !options.excludingAfter?.test(doc.text.slice(d.end, d.end + 30))
    && !options.excludingBefore?.test(doc.text.slice(Math.max(sentence.start, d.start - 80), d.start)));
  let best: DateMention | null = null;
  let bestDistance = Infinity;
  for (const d of dates) {
    const distance = d.end <= near ? near - d.end : d.start >= near ? d.start - near : 0;
    // A resolved date beats an unresolvable relative one at any distance.
    const penalty = d.value === null ? 10_000 : 0;
    if (distance + penalty < bestDistance) {
      bestDistance = distance + penalty;
      best = d;
    }
  }
  return best;
}

// "2016 gegründet; ihr gehören derzeit …": a founding date is not the as-of date of a current count.
const FOUNDING_AFTER = /^\s*(?:\p{L}+\s+){0,2}?(?:gegründet|founded|established|ins\s+Leben|aus\s+der\s+Taufe|launched)/iu;
// A founding word earlier in the date's own clause: "…, launched at a fair in Hanover in April 2016, …".
const FOUNDING_BEFORE = /(?:Gründung|gegründet|ins\s+Leben\s+gerufen|founding|foundation|founded|established|launched|set\s+up)[^,;.!?]{0,60}$/iu;

/**
 * The as-of date for a claim in `sentence`: the sentence's own date, else (for founding and event
 * claims, `maxDistance` infinite) the date of the event its paragraph reports before it ("Am Montag
 * wurde die Allianz gegründet. Zu den Gründern gehören elf Städte …"), else publication. A current
 * claim (`maxDistance` finite) never takes a founding date ("die 2016 gegründete Allianz").
 */
export function asOfFor(doc: AnalysedDocument, sentence: Sentence, near: number, maxDistance = Infinity): { asOf: PartialDate | null; implied: boolean } {
  const exclusions = maxDistance === Infinity ? {} : { excludingAfter: FOUNDING_AFTER, excludingBefore: FOUNDING_BEFORE };
  const d = sentenceDate(doc, sentence, near, exclusions);
  if (d?.value && Math.min(Math.abs(d.start - near), Math.abs(d.end - near)) <= maxDistance) return { asOf: d.value, implied: false };
  // A current count with no date of its own ("The alliance now counts 50 cities") speaks as of publication, even after an event.
  const event = maxDistance === Infinity ? paragraphEventDate(doc, sentence) : null;
  if (event?.value) return { asOf: event.value, implied: true };
  return { asOf: doc.published, implied: true };
}

/**
 * The date of the event a paragraph reports before `sentence`: the last day or month date of an
 * earlier sentence of the paragraph that is no start date ("seit …") and, when the publication date
 * is known, no later than it and at most a year before it — a historical mention is no event of the
 * release.
 */
export function paragraphEventDate(doc: AnalysedDocument, sentence: Sentence, options: { excludingAfter?: RegExp; excludingBefore?: RegExp } = {}): DateMention | null {
  const paragraph = doc.paragraphs[sentence.paragraph];
  if (!paragraph) return null;
  const published = doc.published;
  const publishedYear = published ? Number(published.slice(0, 4)) : null;
  let found: DateMention | null = null;
  const dates = doc.dates;
  for (let i = sortedByStart(dates) ? firstStartingAt(dates, paragraph.start) : 0; i < dates.length; i++) {
    const d = dates[i]!;
    if (d.start < paragraph.start) continue;
    if (d.end > sentence.start) break;
    if (!d.value || d.since || d.precision === 'year') continue;
    if (published && (d.value.slice(0, published.length) > published || Number(d.value.slice(0, 4)) < publishedYear! - 1)) continue;
    if (options.excludingAfter?.test(doc.text.slice(d.end, d.end + 30))) continue;
    if (options.excludingBefore?.test(doc.text.slice(Math.max(paragraph.start, d.start - 40), d.start))) continue;
    found = d;
  }
  return found;
}
