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
  const inSentence = doc.organisations.filter((o) => o.start >= sentence.start && o.end <= sentence.end);
  const first = inSentence[0];
  if (first) return { subject: first.subject, mention: first, inSentence: true };
  const paragraph = doc.paragraphs[sentence.paragraph];
  if (!paragraph) return null;
  const before = doc.organisations.filter((o) => o.start >= (options.documentFallback ? 0 : paragraph.start) && o.end <= sentence.start);
  const last = before[before.length - 1];
  return last ? { subject: last.subject, mention: last, inSentence: false } : null;
}

/** Dates inside a sentence. */
export function datesIn(doc: AnalysedDocument, sentence: Sentence): DateMention[] {
  return doc.dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end);
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
  for (const d of doc.dates) {
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
