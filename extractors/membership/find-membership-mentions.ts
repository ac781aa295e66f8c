/**
 * Where a text says that cities join, plan to join, founded, left or visit an alliance as
 * guests. The alliance must be named in the sentence (or earlier in its paragraph); the cities
 * are the sentence's subject — the nearest city before the cue that no preposition governs,
 * with the cities coordinated with it ("Rüsselsheim, Raunheim und Kelsterbach"), the city an
 * appositive describes ("Wuppertal, a founding member"), else the cities right after the cue
 * ("Neu dabei sind Köln und Bottrop"), else the document's own city for "die Stadt" and for
 * nominal cues ("Die Aufnahme in das Netzwerk …").
 */
import type { MembershipEventKind } from '../claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import { isGoverned } from '../places/governed.ts';
import type { Sentence } from '../text/segment-text.ts';
import type { DateMention } from '../dates/find-dates.ts';
import { organisationFor, sentenceDate, type OrganisationLink } from '../parser.ts';
import { CONDITIONAL_CLAUSE, JOINED_FOR_SURE, MEMBERSHIP_CUES, PARTIAL, PLANNED, PLURAL_SUBJECT } from './membership-vocabulary.ts';

export interface ChosenCity {
  name: string;
  start?: number;
  end?: number;
  how: 'subject' | 'appositive' | 'after' | 'joined-as' | 'main-city' | 'previous';
}

export interface MembershipMention {
  kind: MembershipEventKind;
  sentence: Sentence;
  link: OrganisationLink;
  cueStart: number;
  cueEnd: number;
  cities: ChosenCity[];
  date: DateMention | null;
  /** Announced for later ("Die Aufnahme soll … erfolgen"). */
  planned: boolean;
  /** The cities are examples ("unter anderem Köln und Bottrop"). */
  partial: boolean;
  /** The cue says the joining happened ("ist beigetreten", "was admitted"), not just "tritt … bei". */
  sure: boolean;
}

const CITY_ANAPHOR = /(?<![\p{L}])(?:die|der|Die|Der|the|The)\s+(?:Stadt|Landeshauptstadt|Hansestadt|Kommune|Gemeinde|Metropole|Klingenstadt|Kreisstadt|city|town|municipality)(?![\p{L}])/u;
// "als Region Schwarzwald Mitglied": the member is the region the city joined as.
const JOINED_AS = /(?<![\p{L}])(?:als|as)\s+((?:Region|Städtenetzwerk|Netzwerk|Kooperationsraum|network)\s+[„“"]?[\p{Lu}][\p{L}’'-]*(?:\s+[\p{L}][\p{L}’'-]*)?[“”"]?)\s+(?=(?:Gründungs)?[Mm]itglied|founding|member)/u;
// "Wuppertal, a founding member of …", "Nanchang, die Hauptstadt …, beigetreten": the city before the comma.
const APPOSITIVE_LEAD = /,\s*(?:(?:a|an|one\s+of\s+the|ein|eine|eines\s+der|einer\s+der)\s+(?:[\p{L}-]+\s+){0,2}|(?:which|that|die|der|das)\s+(?:[\p{L}-]+\s+)?)$/u;
// Between cities of one enumeration: a separator, a change of country, an article and city noun.
const RUN_GAP = /^\s*(?:,|und|and|sowie|&)\s*(?:(?:aus|from)\s+(?:China|Deutschland|Germany)\s+|(?:auf|on\s+the)\s+(?:chinesischer|deutscher|Chinese|German)\s+(?:Seite|side)\s*,?\s*)?(?:(?:the|die|der)\s+(?:(?:Städte|Stadt|cities|city|towns?)\s+)?)?$/iu;
/** A gap that switches country inside one enumeration ("… und Solingen sowie aus China die Städte Weifang …"). */
export const COUNTRY_SWITCH = /(?:aus|from)\s+(?:China|Deutschland|Germany)|(?:auf|on\s+the)\s+(?:chinesischer|deutscher|Chinese|German)\s+(?:Seite|side)/iu;
const COORDINATION = /^\s*(?:(?:am|an\s+der|im|in\s+der|ob\s+der)\s+\p{Lu}\p{L}+\s*)?(?:,|und|and|sowie|&)\s*$/u;

/** Every membership statement in the document, in text order. */
export function findMembershipMentions(doc: AnalysedDocument): MembershipMention[] {
  const mentions: MembershipMention[] = [];
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
        const cueStart = sentence.start + m.index;
        const cueEnd = cueStart + m[0].length;
        if (taken.some(([s, e]) => cueStart < e && cueEnd > s)) continue;
        taken.push([cueStart, cueEnd]);
        const clauseBefore = doc.text.slice(sentence.start, cueStart);
        if (CONDITIONAL_CLAUSE.test(clauseBefore)) continue;
        const cities = citiesFor(doc, sentence, cueStart, cueEnd, previousCity, kind);
        if (!cities.length) continue;
        mentions.push({
          kind, sentence, link, cueStart, cueEnd, cities,
          date: sentenceDate(doc, sentence, cueStart, { allowSince: true }),
          planned: PLANNED.test(sentence.text) && !/(?:ist|sind|hat|haben|has|have|was|were)\s/u.test(m[0]),
          sure: JOINED_FOR_SURE.test(m[0]),
          partial: PARTIAL.test(doc.text.slice(Math.min(cueStart, cities[0]?.start ?? cueStart), Math.max(cueEnd, cities.at(-1)?.end ?? cueEnd))),
        });
        const last = cities[cities.length - 1]!;
        previousCity = last.name;
      }
    }
  }
  return mentions;
}

function citiesFor(doc: AnalysedDocument, sentence: Sentence, cueStart: number, cueEnd: number, previousCity: string | null, kind: MembershipEventKind): ChosenCity[] {
  // The alliance and a membership cue make a weak name ("Hagen ist … ausgetreten") a place.
  const inSentence = [...doc.cities, ...doc.weakCities].filter((c) => c.start >= sentence.start && c.end <= sentence.end).sort((a, b) => a.start - b.start);
  const free = (c: CityMention) => !isGoverned(doc, c, sentence.start);
  const inBrackets = (c: CityMention) => /\([^)]*$/u.test(doc.text.slice(sentence.start, c.start));
  // An appositive: "Wuppertal, a founding member", "Nanchang, die Hauptstadt der Provinz Jiangxi, beigetreten".
  const appositive = [...inSentence].reverse().find((c) => c.end <= cueStart && APPOSITIVE_LEAD.test(doc.text.slice(c.end, cueStart)) && !inBrackets(c));
  if (appositive && appositive.end + 40 >= cueStart) return [{ name: appositive.name, start: appositive.start, end: appositive.end, how: 'appositive' }];
  const before = inSentence.filter((c) => c.end <= cueStart && free(c) && !inBrackets(c));
  const joinedAs = JOINED_AS.exec(sentence.text);
  if (joinedAs) {
    const start = sentence.start + joinedAs.index + joinedAs[0].indexOf(joinedAs[1]!);
    const name = joinedAs[1]!.replace(/^(?:Städtenetzwerk|Netzwerk|network)\s+/u, '').replace(/[„“”"]/gu, '').trim();
    return [{ name, start, end: start + joinedAs[1]!.length, how: 'joined-as' }, ...(before.length ? coordinated(doc, before).map(asSubject) : [])];
  }
  if (before.length) return coordinated(doc, before).map(asSubject);
  // A cue that spans its subject: "beschlossen, dass Gelsenkirchen der Allianz beitritt".
  const inside = inSentence.filter((c) => c.start > cueStart && c.end < cueEnd && free(c) && !inBrackets(c));
  if (inside.length && kind !== 'joined' && kind !== 'left') return coordinated(doc, inside).map(asSubject);
  const textBefore = doc.text.slice(sentence.start, cueStart);
  // A split verb holds its object inside the cue ("nahm sie die Städte Heilbronn … auf"): after its first word counts as after.
  const headEnd = cueStart + (/^\S+/u.exec(doc.text.slice(cueStart, cueEnd))?.[0].length ?? 0);
  const afterFrom = /\s(?:auf|bei|aus)$/u.test(doc.text.slice(cueStart, cueEnd)) ? headEnd : cueEnd;
  const after = inSentence.filter((c) => c.start >= afterFrom && free(c) && !inBrackets(c));
  // Cities after the cue are the admitted ones ("Neu dabei sind Köln und Bottrop"); after a
  // founding cue they are a list of founders, which the list parser reports.
  if (after.length && (kind === 'joined' || kind === 'left' || kind === 'guest') && !PLURAL_SUBJECT.test(textBefore) && doc.text.slice(afterFrom, after[0]!.start).length < 60) {
    return leadingRun(doc, after).map((c) => ({ name: c.name, start: c.start, end: c.end, how: 'after' as const }));
  }
  // No city named: "die Stadt …" or a nominal cue means the city just talked about, or the document's own.
  if (PLURAL_SUBJECT.test(sentence.text) && !CITY_ANAPHOR.test(sentence.text)) return [];
  if (inSentence.some((c) => free(c))) return [];
  if (previousCity) return [{ name: previousCity, how: 'previous' }];
  if (doc.mainCity) return [{ name: doc.mainCity.name, how: 'main-city' }];
  return [];
}

function asSubject(c: CityMention): ChosenCity {
  return { name: c.name, start: c.start, end: c.end, how: 'subject' };
}

/** The subject city and the cities coordinated with it ("Rüsselsheim am Main, Raunheim und Kelsterbach"). */
function coordinated(doc: AnalysedDocument, before: CityMention[]): CityMention[] {
  const run = [before[before.length - 1]!];
  for (let i = before.length - 2; i >= 0; i--) {
    if (!COORDINATION.test(doc.text.slice(before[i]!.end, run[0]!.start))) break;
    run.unshift(before[i]!);
  }
  return run;
}

/** Cities right after the cue joined by commas and "und" ("Köln und Bottrop sowie auf chinesischer Seite Ma'anshan"). */
function leadingRun(doc: AnalysedDocument, after: CityMention[]): CityMention[] {
  const run = [after[0]!];
  for (let i = 1; i < after.length; i++) {
    const gap = doc.text.slice(run[run.length - 1]!.end, after[i]!.start);
    if (!RUN_GAP.test(gap)) break;
    run.push(after[i]!);
  }
  return run;
}
