/**
 * Membership events: a city joins, intends to join, is a founding member of, leaves or is a
 * guest of an alliance. The alliance must be named in the sentence (or earlier in its
 * paragraph); the city is the sentence's subject — the nearest city before the cue that no
 * preposition governs, else the one after it ("Neu dabei sind Köln und Bottrop"), else the
 * document's own city for "die Stadt" and nominal forms ("Die Aufnahme in das Netzwerk …").
 */
import type { MembershipEventClaim, MembershipEventKind } from '../claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import type { Sentence } from '../text/segment-text.ts';
import { evidenceOf, organisationFor, sentenceDate, type Parser } from '../parser.ts';
import { CONDITIONAL_CLAUSE, MEMBERSHIP_CUES, PLURAL_SUBJECT } from './membership-vocabulary.ts';

const GOVERNING_PREPOSITION = /(?:^|\s)(?:in|nach|aus|auf|bei|von|vom|zu|zur|zum|mit|neben|für|über|gegenüber|zwischen|of|from|to|at|with|for|near|between|Provinz|Province|Bezirk\s+der\s+Stadt)\s+(?:der|dem|den|des|die|das|the)?\s*(?:Stadt\s+|city\s+of\s+|chinesischen\s+|deutschen\s+)?$/iu;
const CITY_ANAPHOR = /(?<![\p{L}])(?:die|der|the)\s+(?:Stadt|Landeshauptstadt|Hansestadt|Kommune|Gemeinde|Metropole|city|town|municipality)(?![\p{L}])/iu;
// "als Region Schwarzwald Mitglied": the member is the region the city joined as.
const JOINED_AS = /(?<![\p{L}])(?:als|as)\s+((?:Region|Städtenetzwerk|Netzwerk|Kooperationsraum|network)\s+[„“"]?[\p{Lu}][\p{L}’'-]*(?:\s+[\p{L}][\p{L}’'-]*)?[“”"]?)\s+(?=(?:Gründungs)?[Mm]itglied|founding|member)/u;

export const membershipEventParser: Parser = {
  name: 'membership-event',
  parse(doc) {
    const claims: MembershipEventClaim[] = [];
    let previousCity: string | null = null;
    let previousParagraph = -1;
    for (const sentence of doc.sentences) {
      if (sentence.paragraph !== previousParagraph) previousCity = null;
      previousParagraph = sentence.paragraph;
      const link = organisationFor(doc, sentence);
      if (!link) continue;
      const taken: Array<[number, number]> = [];
      for (const [kind, cue] of MEMBERSHIP_CUES) {
        cue.lastIndex = 0;
        for (const m of sentence.text.matchAll(cue)) {
          const start = sentence.start + m.index;
          const end = start + m[0].length;
          if (taken.some(([s, e]) => start < e && end > s)) continue;
          taken.push([start, end]);
          if (CONDITIONAL_CLAUSE.test(doc.text.slice(sentence.start, start))) continue;
          const cities = citiesFor(doc, sentence, start, end, previousCity);
          if (!cities.length) continue;
          const date = sentenceDate(doc, sentence, start, { allowSince: true });
          for (const city of cities) {
            const quoteStart = Math.min(city.start ?? start, start);
            const quoteEnd = Math.max(city.end ?? end, end);
            claims.push({
              kind: 'membership_event',
              subject: link.subject,
              city: city.name,
              event: kind as MembershipEventKind,
              date: date?.value ?? null,
              evidence: evidenceOf(doc, quoteStart, quoteEnd),
              provenance: { rule: `membership/${kind.replace(/_/g, '-')}/${city.how}`, ...(city.how === 'subject' || city.how === 'after' ? {} : { implied: ['city'] }) },
            });
            previousCity = city.name;
          }
        }
      }
    }
    return claims;
  },
};

interface ChosenCity {
  name: string;
  start?: number;
  end?: number;
  how: 'subject' | 'after' | 'joined-as' | 'main-city' | 'previous';
}

function citiesFor(doc: AnalysedDocument, sentence: Sentence, cueStart: number, cueEnd: number, previousCity: string | null): ChosenCity[] {
  const inSentence = doc.cities.filter((c) => c.start >= sentence.start && c.end <= sentence.end);
  const free = (c: CityMention) => !GOVERNING_PREPOSITION.test(doc.text.slice(Math.max(sentence.start, c.start - 40), c.start));
  const before = inSentence.filter((c) => c.end <= cueStart && free(c));
  const joinedAs = JOINED_AS.exec(sentence.text);
  if (joinedAs) {
    const start = sentence.start + joinedAs.index + joinedAs[0].indexOf(joinedAs[1]!);
    const name = joinedAs[1]!.replace(/^(?:Städtenetzwerk|Netzwerk|network)\s+/u, '').replace(/[„“”"]/gu, '').trim();
    return [{ name, start, end: start + joinedAs[1]!.length, how: 'joined-as' }, ...coordinated(doc, before).map(asSubject)];
  }
  if (before.length) return coordinated(doc, before).map(asSubject);
  const after = inSentence.filter((c) => c.start >= cueEnd && free(c));
  const textBefore = doc.text.slice(sentence.start, cueStart);
  if (after.length && !PLURAL_SUBJECT.test(textBefore)) {
    return leadingRun(doc, after).map((c) => ({ name: c.name, start: c.start, end: c.end, how: 'after' as const }));
  }
  // No city named: "die Stadt …" or a nominal cue means the document's own city or the one just talked about.
  if (PLURAL_SUBJECT.test(sentence.text)) return [];
  if (previousCity) return [{ name: previousCity, how: 'previous' }];
  if (doc.mainCity && (CITY_ANAPHOR.test(sentence.text) || !inSentence.length)) return [{ name: doc.mainCity.name, how: 'main-city' }];
  return [];
}

function asSubject(c: CityMention): ChosenCity {
  return { name: c.name, start: c.start, end: c.end, how: 'subject' };
}

/** The subject city and the cities coordinated with it ("Rüsselsheim, Raunheim und Kelsterbach"). */
function coordinated(doc: AnalysedDocument, before: CityMention[]): CityMention[] {
  const last = before[before.length - 1]!;
  const run = [last];
  for (let i = before.length - 2; i >= 0; i--) {
    const gap = doc.text.slice(before[i]!.end, run[0]!.start);
    // A town's own suffix may stand in the gap: "Rüsselsheim am Main, Raunheim".
    if (!/^\s*(?:(?:am|an\s+der|im|in\s+der|ob\s+der)\s+\p{Lu}\p{L}+\s*)?(?:,|und|and|sowie|&)\s*$/iu.test(gap)) break;
    run.unshift(before[i]!);
  }
  return run;
}

/** Cities right after the cue joined by commas and "und" ("Köln und Bottrop sowie … Ma'anshan"). */
function leadingRun(doc: AnalysedDocument, after: CityMention[]): CityMention[] {
  const run = [after[0]!];
  for (let i = 1; i < after.length; i++) {
    const gap = doc.text.slice(run[run.length - 1]!.end, after[i]!.start);
    if (!/^\s*(?:,|und|and|sowie|&)\s*(?:(?:auf|on\s+the)\s+(?:chinesischer|deutscher|Chinese|German)\s+(?:Seite|side)\s*)?$/iu.test(gap)) break;
    run.push(after[i]!);
  }
  return run;
}
