/**
 * Alliance events: its founding ("gegründet", "Gründungskonferenz", "aus der Taufe gehoben",
 * "founded", "launched"), plenary assemblies ("3. Plenarversammlung", "Jahrestreffen",
 * "fourth plenary meeting"), conferences and summits, and delegation visits — with ordinal,
 * date and place. Not part of the headline score, but the reconciler dates counts by them.
 */
import type { EventClaim } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { Sentence } from '../text/segment-text.ts';
import { evidenceOf, organisationFor, sentenceDate, type Parser } from '../parser.ts';

const ORDINAL_WORDS: Record<string, number> = {
  erste: 1, zweite: 2, dritte: 3, vierte: 4, fünfte: 5, sechste: 6, siebte: 7, achte: 8, neunte: 9, zehnte: 10,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};
const ORDINAL = '(?:(\\d{1,2})\\.\\s*|(\\d{1,2})(?:st|nd|rd|th)\\s+|(erste|zweite|dritte|vierte|fünfte|sechste|siebte|achte|neunte|zehnte|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[nrs]?\\s+)?';

const EVENT_TYPES: Array<[string, RegExp]> = [
  ['plenary', new RegExp(`(?<![\\p{L}])${ORDINAL}(?:Plenarversammlung\\p{L}*|Plenarsitzung\\p{L}*|Plenartagung\\p{L}*|Jahrestreffen\\p{L}*|Jahresversammlung\\p{L}*|Mitgliederversammlung\\p{L}*|Vollversammlung\\p{L}*|plenary\\s+(?:meeting|session|assembly|conference)|annual\\s+(?:meeting|conference|assembly)|general\\s+assembly)(?![\\p{L}])`, 'giu')],
  ['founding', /(?<![\p{L}])(?:gegründet|gründete\p{L}*|Gründungskonferenz\p{L}*|Gründungsveranstaltung\p{L}*|Gründungsfeier\p{L}*|aus\s+der\s+Taufe\s+gehoben|ins\s+Leben\s+gerufen|seit\s+ihrer\s+Gründung|founded|was\s+(?:formally\s+|officially\s+)?(?:established|launched|set\s+up)|founding\s+ceremony|founding\s+conference|since\s+its\s+(?:founding|foundation))(?![\p{L}])/giu],
  ['conference', new RegExp(`(?<![\\p{L}])${ORDINAL}(?:Spitzenkonferenz\\p{L}*|Konferenz\\p{L}*|Gipfel\\p{L}*|Kongress\\p{L}*|Forum|summit|conference|congress|forum)(?![\\p{L}])`, 'giu')],
  // Visits that happened: verbs in the past and a delegation's trip "nach"/"to" a city.
  ['visit', /(?<![\p{L}])(?:besuchte|besuchten|besucht|bereiste|bereisten|Delegationsreise\s+nach|reiste\p{L}*\s+nach|visited|travelled\s+to|traveled\s+to|delegation\s+trip\s+to)(?![\p{L}])/giu],
];
// Trade fairs stand for their city.
const FAIR_PLACE: Array<[RegExp, string]> = [
  [/Hannover[-\s]Messe|Hannover\s+Messe|Hanover\s+(?:Fair|Messe)|Hannover\s+Fair/iu, 'Hannover'],
];

export const eventParser: Parser = {
  name: 'event',
  parse(doc) {
    const claims: EventClaim[] = [];
    for (const sentence of doc.sentences) {
      const link = organisationFor(doc, sentence);
      for (const [type, pattern] of EVENT_TYPES) {
        pattern.lastIndex = 0;
        const m = pattern.exec(sentence.text);
        if (!m) continue;
        const start = sentence.start + m.index;
        if (type !== 'visit' && !link) continue;
        // A founding cue that names a different founding ("Gründung des China Competence Centers") needs the alliance as its subject.
        if (type === 'founding' && !link?.inSentence) continue;
        const visitPlace = type === 'visit' ? visitedPlace(doc, sentence, start) : null;
        if (type === 'visit' && !visitPlace) continue;
        const date = sentenceDate(doc, sentence, start, { allowSince: false });
        const ordinal = m[1] ?? m[2] ? Number(m[1] ?? m[2]) : m[3] ? ORDINAL_WORDS[m[3].toLowerCase()] ?? null : null;
        claims.push({
          kind: 'event',
          type,
          subject: type === 'visit' ? visitorsOf(doc, sentence)?.name ?? link?.subject ?? '' : link!.subject,
          date: date?.value ?? null,
          place: visitPlace ?? placeOf(doc, sentence),
          ordinal: type === 'founding' || type === 'visit' ? null : ordinal,
          evidence: evidenceOf(doc, sentence.start, sentence.end),
          provenance: { rule: `event/${type}` },
        });
        if (type === 'founding' || type === 'plenary') break;
      }
    }
    return claims.filter((c) => c.subject !== '');
  },
};

function placeOf(doc: AnalysedDocument, sentence: Sentence): string | null {
  for (const [pattern, place] of FAIR_PLACE) if (pattern.test(sentence.text)) return place;
  const city = doc.cities.find((c) => c.start >= sentence.start && c.end <= sentence.end && /(?:in|auf|at|nach)\s+(?:der|dem|the)?\s*$/iu.test(doc.text.slice(Math.max(0, c.start - 12), c.start)));
  return city?.name ?? null;
}

/** The city visited: the first one after the cue, abroad from the visitors' point of view. */
function visitedPlace(doc: AnalysedDocument, sentence: Sentence, cueStart: number): string | null {
  const visitors = visitorsOf(doc, sentence);
  const city = doc.cities.find((c) => c.start >= cueStart && c.end <= sentence.end && c.name !== visitors?.name && (!visitors || c.country !== visitors.country));
  return city?.name ?? null;
}

/** "A delegation from Jieyang", "eine Delegation aus Mainz", else the document's own city. */
function visitorsOf(doc: AnalysedDocument, sentence: Sentence): { name: string; country: string } | null {
  const from = doc.cities.find((c) => c.start >= sentence.start && c.end <= sentence.end && /(?:delegation|Delegation)\s+(?:\p{L}+\s+){0,4}?(?:from|aus)\s+(?:der\s+Stadt\s+)?$/u.test(doc.text.slice(Math.max(sentence.start, c.start - 60), c.start)));
  if (from) return { name: from.name, country: from.country };
  return doc.mainCity ? { name: doc.mainCity.name, country: doc.mainCity.country } : null;
}
