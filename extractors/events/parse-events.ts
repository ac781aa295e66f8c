/**
 * Alliance events: its founding ("gegründet", "Gründungskonferenz", "aus der Taufe gehoben",
 * "founded", "launched"), plenary assemblies ("3. Plenarversammlung", "Jahrestreffen",
 * "fourth plenary meeting"), conferences and summits, and delegation visits — with ordinal,
 * date and place. Not part of the headline score, but the reconciler dates counts by them.
 */
import type { EventClaim, PartialDate } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { Sentence } from '../text/segment-text.ts';
import { evidenceOf, organisationFor, paragraphEventDate, sentenceDate, type Parser } from '../parser.ts';
import { allMatches } from '../text/all-matches.ts';
import { eventAlternation, eventSources, FAIR_PLACES, ORDINAL_WORD_SOURCE, ordinalWordValue } from './event-vocabulary.ts';
import { vocabularyGate } from '../text/keyword-gate.ts';
import { readVisit } from './read-visits.ts';

// "4. Plenarversammlung", "21st summit", "der vierten Plenarsitzung": the ordinal before the noun, with its named groups.
const ORDINAL = `(?:(?<digits>\\d{1,2})\\.\\s*|(?<english>\\d{1,2})(?:st|nd|rd|th)\\s+|(?<word>${ORDINAL_WORD_SOURCE})[nrsm]?\\s+)?`;
const NEXT = `(?<next>(?:${eventAlternation('nextWords')})\\s+)?`;

/** One event type, the pattern that finds it, and what it needs to be read. */
interface EventForm {
  type: 'plenary' | 'founding' | 'conference';
  pattern: RegExp;
  /** Where the alliance must be named: in the sentence, its paragraph, or anywhere before in the document. */
  link: 'sentence' | 'paragraph' | 'document';
  /** The organisation's mention must follow the noun directly ("Treffen der Allianz"), unless "the next" marks it. */
  ownedOrNext?: boolean;
  /** Words every match contains: a sentence without any is not scanned. */
  gate: (text: string) => boolean;
}

const FOUNDING_WORDS = [
  'gegründet', 'gründete\\p{L}*', 'Gründungskonferenz\\p{L}*', 'Gründungsveranstaltung\\p{L}*', 'Gründungsfeier\\p{L}*', 'aus\\s+der\\s+Taufe\\s+gehoben',
  'ins\\s+Leben\\s+gerufen', 'seit\\s+ihrer\\s+Gründung', 'founded', 'was\\s+(?:formally\\s+|officially\\s+)?(?:established|launched|set\\s+up)', 'founding\\s+ceremony',
  'founding\\s+conference', 'since\\s+its\\s+(?:founding|foundation)',
];

const FORMS: readonly EventForm[] = [
  // The assembly nouns name an alliance's plenary wherever the alliance is named in the document.
  { type: 'plenary', pattern: new RegExp(`(?<![\\p{L}])${NEXT}${ORDINAL}(?:\\p{Lu}{2,6}-)?(?:${eventAlternation('plenaryNouns')})(?![\\p{L}])`, 'giu'), link: 'document', gate: vocabularyGate(eventSources('plenaryNouns')) },
  // "das nächste Treffen", "Treffen der Allianz", "the next meeting": a plain meeting noun needs the series' word or the alliance after it.
  { type: 'plenary', pattern: new RegExp(`(?<![\\p{L}])${NEXT}${ORDINAL}(?:${eventAlternation('meetingNouns')})(?![\\p{L}])`, 'gu'), link: 'paragraph', ownedOrNext: true, gate: vocabularyGate(eventSources('meetingNouns')) },
  { type: 'founding', pattern: new RegExp(`(?<![\\p{L}])(?:${FOUNDING_WORDS.join('|')})(?![\\p{L}])`, 'giu'), link: 'sentence', gate: vocabularyGate(FOUNDING_WORDS) },
  // "Konferenz", "Wirtschaftskonferenz", "4. Fachtagung", "summit", "forum": a compound's head counts, a press conference does not.
  { type: 'conference', pattern: new RegExp(`(?<![\\p{L}])${NEXT}${ORDINAL}(?<noun>(?:\\p{L}+-?)?(?:${eventAlternation('conferenceHeads')})\\p{Ll}*)(?![\\p{L}])`, 'giu'), link: 'paragraph', gate: vocabularyGate(eventSources('conferenceHeads')) },
];
const HABITUAL = new RegExp(`(?<![\\p{L}])(?:${eventAlternation('habitual')})(?![\\p{L}])`, 'iu');
const PLANNED = new RegExp(`(?<![\\p{L}])(?:${eventAlternation('planned')})(?![\\p{L}])`, 'iu');
const HABITUAL_GATE = vocabularyGate(eventSources('habitual'));
const PLANNED_GATE = vocabularyGate(eventSources('planned'));
// "Plenarversammlungen", "an den Jahrestreffen": the plural speaks of a series, not of one event.
const PLURAL = /(?:ungen|\bden\s+\p{L}*treffen)$/u;
const NOT_CONFERENCE = new RegExp(`^(?:${eventAlternation('notConferences')})\\p{Ll}*$`, 'iu');
// An assembly "the next" one is planned: it takes no date from the paragraph's past event.
const ORGANISATION_AFTER = /^\s+(?:der|des|of\s+the|of)\s+$/u;

export const eventParser: Parser = {
  name: 'event',
  parse(doc) {
    const claims: EventClaim[] = [];
    for (const sentence of doc.sentences) {
      // A rule or a habit ("die jährliche Plenarversammlung", "once a year") is no event.
      if (HABITUAL_GATE(sentence.text) && HABITUAL.test(sentence.text)) continue;
      const planned = PLANNED_GATE(sentence.text) && PLANNED.test(sentence.text);
      const found = new Set<string>();
      for (const form of FORMS) {
        if (found.has(form.type) || (form.type === 'conference' && (found.has('plenary') || found.has('founding')))) continue;
        if (!form.gate(sentence.text)) continue;
        const link = organisationFor(doc, sentence, { documentFallback: form.link === 'document' });
        if (!link || (form.link === 'sentence' && !link.inSentence)) continue;
        for (const m of allMatches(form.pattern, sentence.text)) {
          const groups = m.groups ?? {};
          if (form.type === 'conference' && NOT_CONFERENCE.test(groups['noun'] ?? '')) continue;
          const start = sentence.start + m.index;
          const end = start + m[0].length;
          if (form.ownedOrNext && !groups['next'] && !ownedBy(doc, end)) continue;
          if (form.type !== 'founding' && PLURAL.test(doc.text.slice(Math.max(sentence.start, start - 8), end))) continue;
          const date = eventDate(doc, sentence, start, form.type !== 'founding' && !groups['next'] && !planned);
          // An event still to come with no date says nothing a reader could check.
          if ((groups['next'] || planned) && form.type !== 'founding' && date === null) continue;
          const ordinal = groups['digits'] ?? groups['english'] ? Number(groups['digits'] ?? groups['english']) : groups['word'] ? ordinalWordValue(groups['word']) : null;
          claims.push({
            kind: 'event',
            type: form.type,
            subject: link.subject,
            date,
            place: placeOf(doc, sentence),
            ordinal: form.type === 'founding' ? null : ordinal,
            evidence: evidenceOf(doc, sentence.start, sentence.end),
            provenance: { rule: `event/${form.type}` },
          });
          found.add(form.type);
          break;
        }
      }
      const visit = readVisit(doc, sentence);
      const visitDate = visit ? eventDate(doc, sentence, visit.at, !planned) : null;
      if (visit && (visitDate !== null || !planned)) {
        claims.push({
          kind: 'event', type: 'visit', subject: visit.visitors, date: visitDate, place: visit.place, ordinal: null,
          evidence: evidenceOf(doc, sentence.start, sentence.end), provenance: { rule: 'event/visit' },
        });
      }
    }
    return claims.filter((c) => c.subject !== '');
  },
};

/** "Treffen der Allianz": an organisation's mention right after the noun. */
function ownedBy(doc: AnalysedDocument, end: number): boolean {
  const next = doc.organisations.find((o) => o.start >= end && o.start - end < 20);
  return next !== undefined && ORGANISATION_AFTER.test(doc.text.slice(end, next.start));
}

/** The sentence's date nearest the cue, else (for an event that is no historical founding or planned one) the paragraph's event date. */
function eventDate(doc: AnalysedDocument, sentence: Sentence, at: number, fromParagraph: boolean): PartialDate | null {
  const own = sentenceDate(doc, sentence, at, { allowSince: false });
  if (own?.value || !fromParagraph) return own?.value ?? null;
  return paragraphEventDate(doc, sentence)?.value ?? null;
}

function placeOf(doc: AnalysedDocument, sentence: Sentence): string | null {
  for (const [pattern, place] of FAIR_PLACES) if (pattern.test(sentence.text)) return place;
  const city = doc.cities.find((c) => c.start >= sentence.start && c.end <= sentence.end && /(?:in|auf|at|nach)\s+(?:der|dem|the)?\s*$/iu.test(doc.text.slice(Math.max(0, c.start - 12), c.start)));
  return city?.name ?? null;
}
