/**
 * Where a text says that cities join, plan to join, founded, left or visit an alliance as
 * guests. The alliance must be named in the sentence (or earlier in its paragraph); the cities
 * are the sentence's subject — the nearest city before the cue that no preposition governs,
 * with the cities coordinated with it ("Rüsselsheim, Raunheim und Kelsterbach"), the city an
 * appositive describes ("Wuppertal, a founding member"), else the cities right after the cue
 * ("Neu dabei sind Köln und Bottrop"), else the document's own city for "die Stadt" and for
 * nominal cues ("Die Aufnahme in das Netzwerk …").
 */
import type { MembershipEventKind } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import { isGoverned } from '../places/governed.ts';
import type { Sentence } from '../text/segment-text.ts';
import type { DateMention } from '../dates/find-dates.ts';
import { organisationFor, sentenceDate, type OrganisationLink } from '../parser.ts';
import { CARDINAL_SOURCE, parseCardinal } from '../text/number-words.ts';
import { CONDITIONAL_CLAUSE, JOINED_FOR_SURE, MEMBERSHIP_CUES, PARTIAL, PLANNED, PLURAL_SUBJECT } from './membership-vocabulary.ts';
import { allMatches } from '../text/all-matches.ts';

export interface ChosenCity {
  name: string;
  start?: number;
  end?: number;
  how: 'subject' | 'appositive' | 'after' | 'together' | 'gapped' | 'joined-as' | 'main-city' | 'previous';
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

// What may stand between a cue and its examples: a short adverbial, then the marker and an article or a noun or two.
const EXAMPLES_LEAD = /^[^.;:]{0,40}?,\s*(?:among\s+them|including|darunter|unter\s+ihnen)\s+(?:(?:our|their|the|unsere?[nm]?|die|der|den)\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}(?:(?:neighbour|neighbor|partner|city|town|Nachbar\p{L}*|Partnerstadt|Stadt)\s+(?:of\s+)?)?$/u;
const PLENARY = /(?<![\p{L}])(?:Plenarversammlung\p{L}*|Plenartagung\p{L}*|Mitgliederversammlung\p{L}*|plenary\s+(?:session|meeting|assembly))(?![\p{L}])/iu;
// A short line without closing punctuation: a heading.
const HEADING = /^[^\n.!?:;]{1,60}$/u;
const CITY_ANAPHOR = /(?<![\p{L}])(?:die|der|Die|Der|the|The)\s+(?:Stadt|Landeshauptstadt|Hansestadt|Kommune|Gemeinde|Metropole|Klingenstadt|Kreisstadt|Landkreis|Kreis|Region|city|town|municipality|district|county)(?![\p{L}])/u;
// "als Region Schwarzwald Mitglied": the member is the region the city joined as.
const JOINED_AS = /(?<![\p{L}])(?:als|as)\s+((?:Region|Städtenetzwerk|Netzwerk|Kooperationsraum|network)\s+[„“"]?[\p{Lu}][\p{L}’'-]*(?:\s+[\p{L}][\p{L}’'-]*)?[“”"]?)\s+(?=(?:Gründungs)?[Mm]itglied|founding|member)/u;
// "Wuppertal, a founding member of …", "Nanchang, die Hauptstadt …, beigetreten": the city before the comma.
const APPOSITIVE_LEAD = /,\s*(?:(?:a|an|one\s+of\s+the|ein|eine|eines\s+der|einer\s+der)\s+(?:[\p{L}-]+\s+){0,2}|(?:which|that|die|der|das)\s+(?:[\p{L}-]+\s+)?)$/u;
// "die chinesischen Städte", "the German city of": an article, a country adjective and a city noun before a name.
const COUNTRY_NOUN = '(?:(?:the|die|der)\\s+(?:(?:chinesischen|deutschen|chinesische|deutsche|Chinese|German)\\s+)?(?:(?:Städte|Stadt|Kommunen|cities|city|towns?)\\s+(?:of\\s+)?)?)';
// What an item may carry before the separator: its province or state ("Reutlingen in Baden-Württemberg", "Weinan in Shaanxi province", "Wuhu (Anhui)").
const ITEM_TAIL = '(?:(?:in|aus|from)\\s+(?:(?:der|the)\\s+)?(?:(?:Provinz|province\\s+of|state\\s+of)\\s+)?\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}[\\p{L}-]+){0,2}(?:\\s+[Pp]rovince)?\\s*|\\([^)]{1,40}\\)\\s*)?';
// Between cities of one enumeration: a separator, a change of country, an article and city noun.
const RUN_GAP = new RegExp(`^\\s*${ITEM_TAIL}(?:,|und|and|sowie|&)\\s*(?:(?:aus|from)\\s+(?:China|Deutschland|Germany)\\s+|(?:auf|on\\s+the)\\s+(?:chinesischer|deutscher|Chinese|German)\\s+(?:Seite|side)\\s*,?\\s*)?${COUNTRY_NOUN}?$`, 'iu');
/** Whether the text between two cities joins them in one enumeration ("Köln und", "Reutlingen in Baden-Württemberg and the Chinese cities of"). */
export function inOneEnumeration(gap: string): boolean {
  return RUN_GAP.test(gap) || COORDINATION.test(gap);
}
/** Whether two towns separated by one blank are items glued by a missing comma ("Bochum, Ulm Erfurt und Hagen"): only inside an enumeration already running, of two or more items. */
export function gluedInEnumeration(gap: string, itemsSoFar: number): boolean {
  return gap === ' ' && itemsSoFar >= 2;
}
/** A gap that switches country inside one enumeration ("… und Solingen sowie aus China die Städte Weifang …", "and the Chinese cities of"). */
export const COUNTRY_SWITCH = /(?:aus|from)\s+(?:China|Deutschland|Germany)|(?:auf|on\s+the)\s+(?:chinesischer|deutscher|Chinese|German)\s+(?:Seite|side)|(?:die|the)\s+(?:chinesischen|deutschen|Chinese|German)\s+(?:Städte|Stadt|Kommunen|cities|city|towns?)/iu;
const COORDINATION = new RegExp(`^\\s*(?:(?:am|an\\s+der|im|in\\s+der|ob\\s+der)\\s+\\p{Lu}\\p{L}+\\s*)?(?:,|und|and|sowie|&)\\s*${COUNTRY_NOUN}?$`, 'u');
// "Gemeinsam mit Chemnitz wurden …", "together with Reutlingen": cities admitted alongside the subject.
const TOGETHER_BEFORE = /(?:gemeinsam\s+mit|zusammen\s+mit|together\s+with|along\s+with|alongside)\s+(?:(?:der|dem|den|the)\s+)?(?:(?:Stadt|Städten|city|cities)\s+(?:of\s+)?)?$/iu;
// "Gelsenkirchen, a former coal and steel city of about 260,000 people in Germany's Ruhr area, was admitted": a long appositive.
const LONG_APPOSITIVE = /^\s*,\s*(?:a|an|one\s+of|ein|eine|einer|eines|die|der|das|the|\p{Lu}[\p{L}'’-]*['’]s)\s(?:[^,;()]|(?<=\d),(?=\d))*,\s*/u;
// "…, Xiangtan im Herbst desselben Jahres.": a second subject whose verb is left out.
const GAPPED_TAIL = /^\s+(?:(?:im|in|am|an|on|at|ab|seit|since|zum|ebenfalls|auch|too|dann|then|later|später|kurz\s+darauf|shortly\s+after|bereits|schon|already|even)(?![\p{L}])[^,;.!?]{0,60})?\s*(?:[.;!?]\s*)?$/u;
// "…, Xiangtan bereits ein Jahr länger", "…, Zibo two years earlier": the second city's year, counted from the first one's.
const YEARS_OFFSET = new RegExp(`(?<![\\p{L}])(${CARDINAL_SOURCE}|ein|einem|a|one)\\s+(?:Jahre?n?|years?)\\s+(länger|früher|eher|zuvor|vorher|später|danach|longer|earlier|before|later|after)(?![\\p{L}])`, 'iu');
// Someone other than the alliance named as the place an admission led to: "in das Förderprogramm aufgenommen".
const OTHER_TARGET = /(?<![\p{L}])(?:in|into|to|zur|zum|ins)\s+(?:die|das|den|dem|the|its|seine|ihre|ihren|seinen)\s+[^,;]{0,40}$/iu;
const ACCESSION = /(?<![\p{L}])(?:Beitritt\p{L}*|beizutreten|beitreten|Mitglied\p{L}*|membership|join)(?![\p{L}])/u;
// "nur ein deutsches Gründungsmitglied", "one founding member": some member, not the document's own city.
const INDEFINITE_BEFORE = /(?<![\p{L}])(?:ein|eine|einer|eines|einem|kein|keine|one|a|an|another|no)\s+(?:[\p{L}-]+\s+){0,2}$/iu;
// "Other new members admitted … included Cologne": the cities an inclusion names after a plural subject.
const INCLUDED = /(?<![\p{L}])(?:include[sd]?|including|darunter|unter\s+ihnen|among\s+them)\s+(?:(?:the\s+)?(?:city|cities|town)\s+of\s+)?$/iu;
// Bodies that decide for a city: their "Zustimmung zum Beitritt" is the city's intention, not an admission.
const CITY_BODY = /(?<![\p{L}])(?:Gemeinderat\p{L}*|Stadtrat\p{L}*|Rat\s+der\s+Stadt|Kreistag\p{L}*|Stadtverordnete\p{L}*|Bürgerschaft|Hauptausschuss|(?:city|town|municipal)\s+council)(?![\p{L}])/iu;

/** Every membership statement in the document, in text order. */
export function findMembershipMentions(doc: AnalysedDocument): MembershipMention[] {
  const mentions: MembershipMention[] = [];
  let previousCity: string | null = null;
  let previousParagraph = -1;
  for (const sentence of doc.sentences) {
    if (sentence.paragraph !== previousParagraph) previousCity = null;
    previousParagraph = sentence.paragraph;
    const ownLink = organisationFor(doc, sentence);
    // Without an alliance in reach no cue can make a mention: skip the cue expressions.
    const recent = ownLink ? null : recentOrganisation(doc, sentence);
    if (!ownLink && !recent) continue;
    const taken: Array<[number, number]> = [];
    for (const { kind, pattern, gate, rule } of MEMBERSHIP_CUES) {
      if (!gate(sentence.text)) continue;
      pattern.lastIndex = 0;
      for (const m of allMatches(pattern, sentence.text)) {
        const cueStart = sentence.start + m.index;
        const cueEnd = cueStart + m[0].length;
        if (taken.some(([s, e]) => cueStart < e && cueEnd > s)) continue;
        // An application approved by a city's own council is its intention; by the alliance, its admission.
        if (rule === 'approval' && CITY_BODY.test(sentence.text)) continue;
        // "ist Teil der Delegation": a present membership counts only of an alliance named right after the cue, or right before "zu der".
        if (rule === 'present' && !allianceNextTo(doc, sentence, cueStart, cueEnd)) continue;
        // "Gemeinsam mit Chemnitz wurden Salzgitter … neu aufgenommen" after a paragraph about the alliance:
        // an admission into nothing else refers to the alliance named before.
        // "Der Kreistag hatte den Beitritt … beschlossen": an accession or membership names the alliance before as well.
        // A guest "an der Plenarversammlung" / "at the plenary session" is a guest of the alliance that holds it.
        const impliesAlliance = (kind === 'joined' && JOINED_FOR_SURE.test(m[0])) || (kind === 'intends_to_join' && ACCESSION.test(m[0])) || (kind === 'guest' && PLENARY.test(sentence.text));
        const link = ownLink ?? (impliesAlliance && !OTHER_TARGET.test(doc.text.slice(sentence.start, cueEnd)) ? recent : null);
        if (!link) continue;
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
        // "Schweinfurt ist … beigetreten, Xiangtan im Herbst desselben Jahres": the same verb for a second city.
        const gapped = kind === 'joined' || kind === 'left' || kind === 'founding_member' ? gappedSubject(doc, sentence, cueEnd) : null;
        if (gapped) {
          const mainDate = sentenceDate(doc, sentence, cueStart, { allowSince: true });
          const tail = doc.dates.find((d) => d.start >= gapped.end && d.end <= sentence.end) ?? offsetDate(doc, gapped.end, sentence.end, mainDate);
          mentions.push({
            kind, sentence, link, cueStart, cueEnd, cities: [{ name: gapped.name, start: gapped.start, end: gapped.end, how: 'gapped' }],
            date: tail, planned: false, sure: JOINED_FOR_SURE.test(m[0]), partial: false,
          });
          previousCity = gapped.name;
        }
      }
    }
  }
  return mentions;
}

/** An alliance named within a few words after the cue ("Teil der Industriestädteallianz"), or just before a "zu der … gehört" cue. */
function allianceNextTo(doc: AnalysedDocument, sentence: Sentence, cueStart: number, cueEnd: number): boolean {
  const startsRelative = /^zu\s/u.test(doc.text.slice(cueStart, cueEnd));
  return doc.organisations.some((o) => o.start >= sentence.start && o.end <= sentence.end
    && (startsRelative ? o.end <= cueStart && cueStart - o.end <= 12 : o.start >= cueEnd && o.start - cueEnd <= 50));
}

/** "ein Jahr länger" after a gapped city: the year of the first city's date moved by that many years, or null. */
function offsetDate(doc: AnalysedDocument, from: number, to: number, base: DateMention | null): DateMention | null {
  const m = YEARS_OFFSET.exec(doc.text.slice(from, to));
  const year = base?.value ? Number(base.value.slice(0, 4)) : null;
  if (!m || year === null) return null;
  const n = /^(?:ein|einem|a|one)$/iu.test(m[1]!) ? 1 : parseCardinal(m[1]!, doc.language);
  if (n === null || !Number.isInteger(n) || n > 50) return null;
  // Longer, earlier, before: the second city joined before the first.
  const sign = /^(?:länger|früher|eher|zuvor|vorher|longer|earlier|before)$/iu.test(m[2]!) ? -1 : 1;
  const start = from + m.index;
  return { start, end: start + m[0].length, raw: m[0], value: String(year + sign * n), precision: 'year', relative: true, since: false, approximate: false, rule: 'date/years-offset' };
}

/** The alliance named in the paragraph before or earlier in this one, within a few sentences. */
function recentOrganisation(doc: AnalysedDocument, sentence: Sentence): OrganisationLink | null {
  const link = organisationFor(doc, sentence, { documentFallback: true });
  if (!link) return null;
  const paragraph = doc.paragraphs[sentence.paragraph];
  // A heading line ("Gäste", "New members") between stands for no paragraph of its own.
  let index = sentence.paragraph - 1;
  while (index > 0 && HEADING.test(doc.paragraphs[index]?.text ?? '')) index--;
  const previous = doc.paragraphs[index];
  const from = previous?.start ?? paragraph?.start ?? 0;
  return link.mention.start >= from ? link : null;
}

/** A city that follows the cue after a comma and carries nothing but a time ("…, Xiangtan im Herbst desselben Jahres."). */
function gappedSubject(doc: AnalysedDocument, sentence: Sentence, cueEnd: number): CityMention | null {
  const city = doc.cities.find((c) => c.start > cueEnd && c.end <= sentence.end);
  if (!city || !/^\s*,\s*(?:und\s+|and\s+)?$/u.test(doc.text.slice(cueEnd, city.start))) return null;
  const rest = doc.text.slice(city.end, sentence.end);
  // "…, Zibo ein Jahr später." carries a number of years instead of a time.
  const offset = YEARS_OFFSET.exec(rest);
  const offsetOnly = offset !== null && /^\s+(?:(?:bereits|schon|already|even)\s+)?$/iu.test(rest.slice(0, offset.index)) && /^\s*[.;!?]?\s*$/u.test(rest.slice(offset.index + offset[0].length));
  return GAPPED_TAIL.test(rest) || offsetOnly ? city : null;
}

function citiesFor(doc: AnalysedDocument, sentence: Sentence, cueStart: number, cueEnd: number, previousCity: string | null, kind: MembershipEventKind): ChosenCity[] {
  // The alliance and a membership cue make a weak name ("Hagen ist … ausgetreten") a place.
  const inSentence = [...doc.cities, ...doc.weakCities].filter((c) => c.start >= sentence.start && c.end <= sentence.end).sort((a, b) => a.start - b.start);
  const free = (c: CityMention) => !isGoverned(doc, c, sentence.start);
  const inBrackets = (c: CityMention) => /\([^)]*$/u.test(doc.text.slice(sentence.start, c.start));
  // An appositive: "Wuppertal, a founding member", "Nanchang, die Hauptstadt der Provinz Jiangxi, beigetreten".
  const appositive = [...inSentence].reverse().find((c) => c.end <= cueStart && APPOSITIVE_LEAD.test(doc.text.slice(c.end, cueStart)) && !inBrackets(c));
  const together = kind === 'joined' || kind === 'guest' ? togetherWith(doc, inSentence, cueStart) : [];
  if (appositive && appositive.end + 40 >= cueStart) return [{ name: appositive.name, start: appositive.start, end: appositive.end, how: 'appositive' }, ...together];
  // The sentence's first city, then a long appositive up to a comma, then the predicate with no other free city before the cue.
  const head = inSentence[0];
  const longAppositive = head && head.end <= cueStart && free(head) ? LONG_APPOSITIVE.exec(doc.text.slice(head.end, cueStart)) : null;
  if (head && longAppositive && !inSentence.some((c) => c.start >= head.end + longAppositive[0].length && c.end <= cueStart && free(c))) {
    return [{ name: head.name, start: head.start, end: head.end, how: 'appositive' }, ...together];
  }
  const before = inSentence.filter((c) => c.end <= cueStart && free(c) && !inBrackets(c));
  const joinedAs = JOINED_AS.exec(sentence.text);
  if (joinedAs) {
    const start = sentence.start + joinedAs.index + joinedAs[0].indexOf(joinedAs[1]!);
    const name = joinedAs[1]!.replace(/^(?:Städtenetzwerk|Netzwerk|network)\s+/u, '').replace(/[„“”"]/gu, '').trim();
    return [{ name, start, end: start + joinedAs[1]!.length, how: 'joined-as' }, ...(before.length ? coordinated(doc, before).map(asSubject) : [])];
  }
  if (before.length) {
    const subjects = coordinated(doc, before).map(asSubject);
    // "… and four Chinese cities were admitted on Thursday, among them our neighbour Xiangyang": examples of a plural subject after the verb.
    const examples = kind === 'joined' || kind === 'left' || kind === 'guest' ? examplesAfter(doc, inSentence, cueEnd) : [];
    return [...subjects, ...together.filter((t) => !subjects.some((c) => c.start === t.start)), ...examples.filter((e) => !subjects.some((c) => c.start === e.start))].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  }
  // A cue that spans its subject: "beschlossen, dass Gelsenkirchen der Allianz beitritt", "Seit 2019 ist Hamm Mitglied".
  const inside = inSentence.filter((c) => c.start > cueStart && c.end < cueEnd && free(c) && !inBrackets(c));
  if (inside.length && ((kind !== 'joined' && kind !== 'left') || /^(?:[Ss]eit|[Ss]ince|zu)\s/u.test(doc.text.slice(cueStart, cueEnd)))) return coordinated(doc, inside).map(asSubject);
  const textBefore = doc.text.slice(sentence.start, cueStart);
  // "Die Stadt war dem Netzwerk … beigetreten, gemeinsam mit Chemnitz und Heilbronn": the city talked about joined with them.
  const referent = previousCity ?? doc.mainCity?.name ?? null;
  if (together.length && referent && CITY_ANAPHOR.test(textBefore) && !together.some((t) => t.name === referent)) {
    return [{ name: referent, how: previousCity ? 'previous' : 'main-city' }, ...together];
  }
  // A split verb holds its object inside the cue ("nahm sie die Städte Heilbronn … auf"): after its first word counts as after.
  const headEnd = cueStart + (/^\S+/u.exec(doc.text.slice(cueStart, cueEnd))?.[0].length ?? 0);
  const afterFrom = /\s(?:auf|bei|aus)$/u.test(doc.text.slice(cueStart, cueEnd)) ? headEnd : cueEnd;
  const after = inSentence.filter((c) => c.start >= afterFrom && free(c) && !inBrackets(c));
  // Cities after the cue are the admitted ones ("Neu dabei sind Köln und Bottrop"); after a
  // founding cue they are a list of founders, which the list parser reports.
  // "two more cities joined the alliance at the session: Weinan … and Zwickau": a colon names the plural subject.
  const colonBefore = after.length > 0 && (/:\s*$/u.test(doc.text.slice(afterFrom, after[0]!.start)) || INCLUDED.test(doc.text.slice(afterFrom, after[0]!.start)));
  if (after.length && (kind === 'joined' || kind === 'left' || kind === 'guest') && (colonBefore || !PLURAL_SUBJECT.test(textBefore)) && doc.text.slice(afterFrom, after[0]!.start).length < (colonBefore ? 100 : 60)) {
    return [...together, ...leadingRun(doc, after).map((c) => ({ name: c.name, start: c.start, end: c.end, how: 'after' as const }))];
  }
  if (together.length) return together;
  // No city named: "die Stadt …" or a nominal cue means the city just talked about, or the document's own.
  if (PLURAL_SUBJECT.test(sentence.text) && !CITY_ANAPHOR.test(sentence.text)) return [];
  if (inSentence.some((c) => free(c))) return [];
  if (INDEFINITE_BEFORE.test(doc.text.slice(Math.max(sentence.start, cueStart - 40), cueStart))) return [];
  if (previousCity) return [{ name: previousCity, how: 'previous' }];
  // "… approved the city's membership": the city the paragraph was about, when it names one.
  if (CITY_ANAPHOR.test(sentence.text)) {
    const paragraphStart = doc.paragraphs[sentence.paragraph]?.start ?? sentence.start;
    const earlier = doc.cities.filter((c) => c.start >= paragraphStart && c.end <= sentence.start && !isGoverned(doc, c));
    const last = earlier.at(-1);
    if (last) return [{ name: last.name, how: 'previous' }];
  }
  if (doc.mainCity) return [{ name: doc.mainCity.name, how: 'main-city' }];
  return [];
}

/** Cities named as examples right after the cue ("…, among them our neighbour Xiangyang", "…, darunter Jena und Gera"), with their run. */
function examplesAfter(doc: AnalysedDocument, inSentence: CityMention[], cueEnd: number): ChosenCity[] {
  const first = inSentence.find((c) => c.start >= cueEnd && EXAMPLES_LEAD.test(doc.text.slice(cueEnd, c.start)));
  if (!first) return [];
  return leadingRun(doc, inSentence.slice(inSentence.indexOf(first))).map((c) => ({ name: c.name, start: c.start, end: c.end, how: 'after' as const }));
}

/** Cities admitted "together with" the subject, with the run of cities coordinated with the first. */
function togetherWith(doc: AnalysedDocument, inSentence: CityMention[], cueStart: number): ChosenCity[] {
  const first = inSentence.findIndex((c) => TOGETHER_BEFORE.test(doc.text.slice(Math.max(0, c.start - 40), c.start)));
  if (first < 0) return [];
  const run = leadingRun(doc, inSentence.slice(first));
  // Only a phrase next to the cue: "Gemeinsam mit X wurden … aufgenommen", "… was admitted …, together with X".
  if (run[0]!.start > cueStart && doc.text.slice(cueStart, run[0]!.start).length > 120) return [];
  return run.map((c) => ({ name: c.name, start: c.start, end: c.end, how: 'together' as const }));
}

function asSubject(c: CityMention): ChosenCity {
  return { name: c.name, start: c.start, end: c.end, how: 'subject' };
}

/** The subject city and the cities coordinated with it ("Rüsselsheim am Main, Raunheim und Kelsterbach"). */
function coordinated(doc: AnalysedDocument, before: CityMention[]): CityMention[] {
  const run = [before[before.length - 1]!];
  for (let i = before.length - 2; i >= 0; i--) {
    const gap = doc.text.slice(before[i]!.end, run[0]!.start);
    if (!COORDINATION.test(gap) && !gluedInEnumeration(gap, run.length)) break;
    run.unshift(before[i]!);
  }
  return run;
}

/** Cities right after the cue joined by commas and "und" ("Köln und Bottrop sowie auf chinesischer Seite Ma'anshan"). */
function leadingRun(doc: AnalysedDocument, after: CityMention[]): CityMention[] {
  const run = [after[0]!];
  for (let i = 1; i < after.length; i++) {
    const gap = doc.text.slice(run[run.length - 1]!.end, after[i]!.start);
    if (!RUN_GAP.test(gap) && !gluedInEnumeration(gap, run.length)) break;
    run.push(after[i]!);
  }
  return run;
}
