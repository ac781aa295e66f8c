/**
 * Member lists: the names press releases give for an alliance's members, in brackets after a
 * count ("zehn deutsche Städte (Aachen, …)"), after a colon ("Die deutschen
 * ISA-Mitgliedsstädte sind: …"), or after a membership verb ("Zu den Gründungsmitgliedern
 * gehören …", "members include …"). Each list keeps the number that states its size when it
 * follows one; `link-list-counts` finds that number in an earlier sentence otherwise.
 */
import type { Country, MemberListClaim, MembershipScope } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { Sentence } from '../text/segment-text.ts';
import { asOfFor, evidenceOf, organisationFor, type OrganisationLink, type Parser } from '../parser.ts';
import { findMemberCountPhrases } from '../counts/parse-member-counts.ts';
import { countryOfWords, scopeNear, speaksOfAttendance } from '../counts/count-vocabulary.ts';
import { lineItem, splitListItems, type ListItem } from './split-list-items.ts';
import { resolveListItem, type ResolvedMember } from './resolve-list-members.ts';
import { COUNTRY_SWITCH } from '../membership/find-membership-mentions.ts';
import { PARTIAL } from '../membership/membership-vocabulary.ts';
import { startsGroup } from './parse-line-blocks.ts';
import { allMatches } from '../text/all-matches.ts';
import { keywordGate } from '../text/keyword-gate.ts';
import { isCityLike } from '../places/find-cities.ts';
import { byMunicipality } from '../refiners/split-grouped-members.ts';

const MEMBER_NOUN = '(?:[\\p{L}-]*-)?(?:Gründungsmitglied\\p{L}*|Mitgliedsstädte\\p{L}*|Mitgliedskommunen|Mitglieder\\p{L}*|Mitgliedern|Gründungsstädte\\p{L}*|Gründer(?:n|innen)?|(?:founding\\s+)?member\\s+cities|(?:founding\\s+)?members|founding\\s+cities|founders)';
// "Die deutschen ISA-Mitgliedsstädte sind:", "gehören folgende deutsche Städte an:", "the following cities:".
const COLON_LIST = new RegExp(`(?<![\\p{L}])(?:${MEMBER_NOUN}|(?:folgende|folgenden|following|these|diese)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:Städte|Kommunen|Gemeinden|Regionen|cities|towns|municipalities))(?![\\p{L}])[^:.;]{0,80}:`, 'giu');
const BRACKET_LIST = new RegExp(`(?<![\\p{L}])${MEMBER_NOUN}(?![\\p{L}])\\s*\\(`, 'giu');
const VERB_LIST = new RegExp(
  `(?<![\\p{L}])(?:(?:zu\\s+den\\s+|unter\\s+den\\s+)(?:[\\p{Ll}]+\\s+)?${MEMBER_NOUN}\\s+(?:[\\p{L}]+\\s+){0,4}?(?:gehören|gehörten|zählen|zählten)|${MEMBER_NOUN}\\s+(?:[\\p{L}'’-]+\\s+){0,6}?(?:sind|waren|include|included|are|were))\\s+`,
  'giu',
);

// Every match of the three member-noun patterns holds one of these words (MEMBER_NOUN); the colon list may hold the demonstrative instead.
const MEMBER_NOUN_GATE = keywordGate(['mitglied', 'gründ', 'member', 'found']);
const COLON_LIST_GATE = keywordGate(['mitglied', 'gründ', 'member', 'found', 'folgende', 'following', 'these', 'diese']);

// "Aus Südwestfalen sind bereits Lüdenscheid, Hagen und Solingen dabei", "Bochum, Ulm and Erfurt are already members": current members named with a copula.
const COPULA_LIST_DE = /(?<![\p{L}])(?:sind|waren)\s+(?:(?:bereits|schon|ebenfalls|auch|inzwischen|mittlerweile|längst)\s+)*(?=\p{Lu})([^.;:!?]{3,200}?)\s+(?:dabei|Mitglieder(?=\s+(?:der|des|im|in)\s))(?![\p{L}])/gu;
// "Beim Forum sind Bochum und Herne dabei": taking part in an event is no membership.
const EVENT_WORDS = /(?<![\p{L}])(?:\p{L}*(?:Forum|Messe|Konferenz|Tagung|Treffen|Veranstaltung|Workshop|Empfang|Reise)\p{L}*|Delegation\p{L}*|Besuch\p{L}*|forum|fair|conference|delegation\p{L}*|visit\p{L}*|meeting|workshop|reception)(?![\p{L}])/u;
const COPULA_LIST_EN = /(?:^|,\s+)((?:\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?(?:,\s+|,?\s+and\s+))+\p{Lu}[\p{L}'’-]+)\s+(?:are|were)\s+(?:(?:already|also|now)\s+)*(?:members|part\s+of)(?![\p{L}])/gu;
// What every match of the copula lists holds: the verb and the membership word.
const COPULA_LISTS: ReadonlyArray<{ pattern: RegExp; gates: Array<(text: string) => boolean> }> = [
  { pattern: COPULA_LIST_DE, gates: [keywordGate(['sind', 'waren']), keywordGate(['dabei', 'mitglieder'])] },
  { pattern: COPULA_LIST_EN, gates: [keywordGate(['are', 'were']), keywordGate(['members', 'part'])] },
];

// "Ihr gehören zwölf deutsche Städte an. Das sind …", "… has 12 German members. These are …", "Dazu zählen …": a sentence
// that names what the count before it counted, by a demonstrative or "dazu".
const FOLLOW_ON = /^(?:(?:Dies|Das|Diese|Es|These|They|Those)\s+(?:sind|waren|are|were)|(?:Dazu|Hierzu|Zu\s+ihnen|Zu\s+diesen)\s+(?:gehören|gehörten|zählen|zählten)|(?:They|These)\s+include|Darunter\s+(?:sind|waren|befinden\s+sich)|Among\s+them\s+(?:are|were))(?:\s+(?:unter\s+anderem|u\.\s?a\.|etwa|auch|heute|derzeit|aktuell|among\s+others|currently|now))?\s*:?\s+/u;

// "… sind auf deutscher Seite: Aachen, … . Auf chinesischer Seite: Foshan, …": a side and a colon open the other country's list.
const SIDE_COLON = /^(?:(?:und|sowie|and)\s+)?(?:auf\s+(?:deutscher|chinesischer)\s+Seite|on\s+the\s+(?:German|Chinese)\s+side|aus\s+(?:Deutschland|China)|from\s+(?:Germany|China)|in\s+(?:Deutschland|China|Germany))\s*:\s*/iu;

// "Mit Chemnitz, mit der Region X mit A und B sowie mit Köln hat die Allianz sieben Mitglieder dazugewonnen": the list fronted before its count.
const FRONTED_LIST = /^(?:Mit|With)\s+(?<items>\p{Lu}[^.;:!?]{2,400}?)\s+(?:hat|haben|hatte|hatten|gewann|gewannen|gewinnt|has|have|had|gained|welcomed)\s/u;
// Between the items of a fronted list: each item repeats its "mit".
const FRONTED_SEPARATOR = /\s*,\s*(?:(?:sowie|und|and)\s+)?(?:mit|with)\s+|\s+(?:sowie|und|and|as\s+well\s+as)\s+(?:mit|with)\s+/gu;

interface ListSpan {
  sentence: Sentence;
  link: OrganisationLink;
  /** Where the evidence starts (the count or noun) and the items' span. */
  quoteStart: number;
  itemsStart: number;
  itemsEnd: number;
  country: Country | null;
  statedCount: number | null;
  scopeAt: number;
  rule: string;
  /** The scope, when another sentence gives it. */
  scope?: MembershipScope;
  /** Only keep the leading run of items that resolve (lists without brackets or colon). */
  strict: boolean;
  /** Items already split (a fronted list's chunks), instead of splitting [itemsStart, itemsEnd). */
  items?: ListItem[];
}

export const memberListParser: Parser = {
  name: 'member-list',
  parse(doc) {
    const spans: ListSpan[] = [];
    for (const { phrase, sentence, link, scopeFrom } of doc.shared(findMemberCountPhrases)) {
      if (!phrase.list || phrase.unit === 'states' || phrase.unit === 'provinces') continue;
      // A colon list that ends its line runs over the list lines below, as after a member noun.
      const itemsEnd = phrase.list.kind === 'colon' ? colonListEnd(doc, sentence, phrase.list.start) : phrase.list.end;
      spans.push({
        sentence, link, quoteStart: phrase.start, itemsStart: phrase.list.start, itemsEnd,
        // Examples of the counted ("30 Städte, darunter …") are a list the count does not size.
        // Examples may be picked from both countries whatever the count's country: theirs decides.
        country: phrase.list.kind === 'partial' ? null : phrase.country, statedCount: phrase.list.kind === 'partial' ? null : phrase.count,
        // "Eleven of them are Chinese: …" shares the scope of the count it is a part of.
        ...(scopeFrom ? { scope: scopeNear(scopeFrom.text, scopeFrom.text.length) } : {}), scopeAt: phrase.start, rule: `member-list/count-${phrase.list.kind}`, strict: phrase.list.kind === 'partial' || phrase.list.kind === 'copula',
      });
    }
    for (const sentence of doc.sentences) {
      // A sentence about "members" may refer to the alliance named paragraphs before.
      const link = organisationFor(doc, sentence, { documentFallback: true });
      // "An der Sitzung nahmen Vertreter der Mitgliedsstädte teil: …": who attended is no member list.
      if (!link || speaksOfAttendance(sentence.text)) continue;
      const fronted = frontedSpan(doc, sentence, link);
      if (fronted) spans.push(fronted);
      const followOn = followOnSpan(doc, sentence);
      if (followOn) spans.push(followOn);
      const side = sideColonSpan(doc, sentence, link);
      if (side) spans.push(side);
      const memberNoun = MEMBER_NOUN_GATE(sentence.text);
      for (const m of memberNoun && sentence.text.includes('(') ? allMatches(BRACKET_LIST, sentence.text) : []) {
        const open = sentence.start + m.index + m[0].length;
        const close = closingBracket(doc.text, open - 1, sentence.end);
        if (close === null) continue;
        spans.push(nounSpan(doc, sentence, link, sentence.start + m.index, open, close, 'member-list/noun-bracket', false));
      }
      for (const m of sentence.text.includes(':') && COLON_LIST_GATE(sentence.text) ? allMatches(COLON_LIST, sentence.text) : []) {
        const colon = sentence.start + m.index + m[0].length;
        // Members grouped under Land or province lines are the line-block reader's.
        if (groupedBelow(doc, colon)) continue;
        const end = colonListEnd(doc, sentence, colon);
        spans.push(nounSpan(doc, sentence, link, sentence.start + m.index, colon, end, 'member-list/colon', false));
      }
      const paragraphLink = organisationFor(doc, sentence);
      for (const { pattern, gates } of COPULA_LISTS) {
        if (!gates.every((gate) => gate(sentence.text))) continue;
        if (!paragraphLink || EVENT_WORDS.test(sentence.text)) break;
        for (const m of allMatches(pattern, sentence.text)) {
          const from = sentence.start + m.index + m[0].indexOf(m[1]!);
          spans.push(nounSpan(doc, sentence, paragraphLink, pattern === COPULA_LIST_DE ? sentence.start + m.index : from, from, from + m[1]!.length, 'member-list/copula', true));
        }
      }
      for (const m of memberNoun ? allMatches(VERB_LIST, sentence.text) : []) {
        const from = sentence.start + m.index + m[0].length;
        spans.push(nounSpan(doc, sentence, link, sentence.start + m.index, from, sentence.end, 'member-list/verb', true));
      }
    }
    const claims: MemberListClaim[] = [];
    const usedItems: Array<[number, number]> = [];
    for (const span of spans) {
      // One list per stretch of text: the first rule to claim it wins (count brackets come first).
      if (usedItems.some(([s, e]) => span.itemsStart < e && span.itemsEnd > s)) continue;
      const built = buildLists(doc, span);
      if (!built.length) continue;
      usedItems.push([span.itemsStart, span.itemsEnd]);
      claims.push(...built);
    }
    return claims;
  },
};

function nounSpan(doc: AnalysedDocument, sentence: Sentence, link: OrganisationLink, quoteStart: number, itemsStart: number, itemsEnd: number, rule: string, strict: boolean): ListSpan {
  // The noun phrase's own adjective ("Die deutschen ISA-Mitgliedsstädte") or side ("auf chinesischer Seite").
  // The lead starts at a word's start, so "Sino-German" is not cut to "German".
  let leadStart = Math.max(sentence.start, quoteStart - 40);
  while (leadStart > sentence.start && /\S/u.test(doc.text[leadStart - 1] ?? '')) leadStart--;
  const lead = doc.text.slice(leadStart, itemsStart);
  return { sentence, link, quoteStart, itemsStart, itemsEnd, country: countryOfWords(lead), statedCount: null, scopeAt: quoteStart, rule, strict };
}

/** The span's list, or one list per country where the items name a new country ("…, and the German city of Jena"). */
function buildLists(doc: AnalysedDocument, span: ListSpan): MemberListClaim[] {
  const all = (span.items ?? splitListItems(doc.text, span.itemsStart, span.itemsEnd)).flatMap((item) => splitSlashes(doc, item));
  // "Ihr gehören vier deutsche und drei chinesische Städte an: Bochum, Foshan, …": one enumeration of both countries after
  // counts of each is one list per country (the gazetteer's), each sized by its own country's count.
  const perCountry = span.statedCount !== null ? splitByCountry(doc, span, all) : null;
  if (perCountry) return perCountry;
  // A list with its own country, or sized by its count ("two new members: Wuhu, … and the German city of Halle"), stays whole.
  if (span.country !== null || span.statedCount !== null) return [buildList(doc, span, all)].filter((c): c is MemberListClaim => c !== null);
  const groups: ListItem[][] = [];
  all.forEach((item, i) => {
    const gap = i > 0 ? doc.text.slice(all[i - 1]!.end, item.start) : '';
    if (i === 0 || COUNTRY_SWITCH.test(gap)) groups.push([item]);
    else groups[groups.length - 1]!.push(item);
  });
  // Examples ("70 members, among them Chemnitz and Jena as well as Wuhu") are picked across countries: one list.
  if (groups.length === 1 && span.rule === 'member-list/count-partial') return [buildList(doc, span, all)].filter((c): c is MemberListClaim => c !== null);
  if (groups.length === 1) {
    // "Mitglieder sind: Bochum, Foshan, Ulm, Wuhu …": one enumeration of both countries is one list per country (the gazetteer's), each sized by its own count.
    const countries = all.map((item) => resolveListItem(doc.gazetteer, item, null).country);
    const de = all.filter((_, i) => countries[i] === 'DE');
    const cn = all.filter((_, i) => countries[i] === 'CN');
    if (de.length >= 2 && cn.length >= 2 && de.length + cn.length === all.length) {
      return [{ c: 'DE' as const, items: de }, { c: 'CN' as const, items: cn }]
        .map(({ c, items }) => buildList(doc, { ...span, country: c }, items))
        .filter((c): c is MemberListClaim => c !== null);
    }
    return [buildList(doc, span, all)].filter((c): c is MemberListClaim => c !== null);
  }
  return groups.flatMap((items, i) => {
    const claim = buildList(doc, i === 0 ? span : { ...span, quoteStart: items[0]!.start, statedCount: null }, items);
    return claim ? [claim] : [];
  });
}

/**
 * A counted enumeration whose items fall in both countries, at least two each, as one list per country, when the
 * sentence counts the countries apart ("vier deutsche und drei chinesische"); each list takes its country's count.
 */
function splitByCountry(doc: AnalysedDocument, span: ListSpan, all: ListItem[]): MemberListClaim[] | null {
  const countries = all.map((item) => resolveListItem(doc.gazetteer, item, null).country);
  const de = all.filter((_, i) => countries[i] === 'DE');
  const cn = all.filter((_, i) => countries[i] === 'CN');
  if (de.length < 2 || cn.length < 2 || de.length + cn.length !== all.length) return null;
  const counts = doc.shared(findMemberCountPhrases).filter((f) => f.sentence === span.sentence && f.phrase.end <= span.itemsStart);
  const countOf = (country: Country) => counts.filter((f) => f.phrase.country === country).at(-1)?.phrase.count ?? null;
  if (countOf('DE') === null && countOf('CN') === null) return null;
  return [{ c: 'DE' as const, items: de }, { c: 'CN' as const, items: cn }]
    .map(({ c, items }) => buildList(doc, { ...span, country: c, statedCount: countOf(c) }, items))
    .filter((c): c is MemberListClaim => c !== null);
}

function buildList(doc: AnalysedDocument, span: ListSpan, listItems: ListItem[]): MemberListClaim | null {
  let items = listItems;
  let resolved = items.map((item) => resolveListItem(doc.gazetteer, item, span.country));
  if (span.strict) {
    // Without brackets or a colon the list ends where names stop looking like names.
    let n = 0;
    // Names glued by a missing comma ("Ulm Erfurt") are still names: split-grouped-members parts them.
    const isName = (r: ResolvedMember, item: ListItem) => r.member.resolved || (r.member.suggestion && /^\p{Lu}[\p{L}'’-]+$/u.test(item.raw)) || byMunicipality(doc.gazetteer, r.member).length > 1;
    while (n < resolved.length && isName(resolved[n]!, items[n]!)) n++;
    items = items.slice(0, n);
    resolved = resolved.slice(0, n);
  }
  if (items.length < 2) return null;
  const known = resolved.filter((r) => r.member.resolved).length;
  // Brackets also hold other things ("Eckdaten (Städteeigenschaften, …)"): most items must be places.
  if (known < Math.ceil(items.length / 2)) return null;
  const country = span.country ?? majorityCountry(resolved);
  const scope: MembershipScope = span.scope ?? scopeNear(span.sentence.text, span.scopeAt - span.sentence.start);
  const { asOf, implied } = asOfFor(doc, span.sentence, span.scopeAt);
  const last = items[items.length - 1]!;
  const end = span.rule.endsWith('bracket') ? span.itemsEnd + 1 : last.end;
  const impliedFields = [...(span.country ? [] : ['country']), ...(implied ? ['asOf'] : []), ...(span.link.inSentence ? [] : ['subject'])];
  return {
    kind: 'member_list',
    subject: span.link.subject,
    country,
    scope,
    asOf,
    members: resolved.map((r) => r.member),
    statedCount: span.statedCount,
    evidence: evidenceOf(doc, span.quoteStart, end),
    provenance: { rule: span.rule, ...(impliedFields.length ? { implied: impliedFields } : {}) },
  };
}

/** "Rüsselsheim/Raunheim/Kelsterbach" as three items unless the whole is one name ("Lahr/Schwarzwald", "Foshan/Guangdong"). */
function splitSlashes(doc: AnalysedDocument, item: ListItem): ListItem[] {
  if (!item.raw.includes('/') || item.inner.length || /\s(?:mit|with)\s/u.test(item.raw)) return [item];
  // The gazetteer reads "Rüsselsheim/Raunheim" as Rüsselsheim with a qualifier; towns on both sides are two items.
  const written = item.raw.split('/').map((p) => p.trim());
  if (doc.gazetteer.resolve(item.raw).resolved && !written.every((p) => isExactTown(doc, p))) return [item];
  const parts: ListItem[] = [];
  let s = item.start;
  for (let i = item.start; i <= item.end; i++) {
    if (i === item.end || doc.text[i] === '/') {
      const raw = doc.text.slice(s, i).trim();
      if (raw) {
        const start = s + doc.text.slice(s, i).indexOf(raw);
        parts.push({ start, end: start + raw.length, raw, inner: [], base: { start, end: start + raw.length, raw } });
      }
      s = i + 1;
    }
  }
  return parts;
}

/** Whether a written word is a town or district by its own name, no typo tolerance ("Raunheim", not "Schwarzwald" or "Guangdong"). */
function isExactTown(doc: AnalysedDocument, word: string): boolean {
  const r = doc.gazetteer.resolve(word);
  return r.resolved && r.place !== null && r.suggestion === null && isCityLike(r.place) && r.place.type !== 'region' && (r.place.name === word || r.place.name.startsWith(`${word} `));
}

function majorityCountry(members: ResolvedMember[]): Country | null {
  const de = members.filter((m) => m.country === 'DE').length;
  const cn = members.filter((m) => m.country === 'CN').length;
  const total = de + cn;
  if (!total) return null;
  if (de / total >= 0.75) return 'DE';
  if (cn / total >= 0.75) return 'CN';
  return null;
}

function closingBracket(text: string, open: number, limit: number): number | null {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return null;
}

/** Whether the colon ends its line and the next line opens a Land or province group ("Hessen:", "Provinz Anhui"). */
function groupedBelow(doc: AnalysedDocument, colon: number): boolean {
  const newline = doc.text.indexOf('\n', colon);
  if (newline === -1 || doc.text.slice(colon, newline).trim() !== '') return false;
  const next = doc.text.indexOf('\n', newline + 1);
  return startsGroup(doc, doc.text.slice(newline + 1, next === -1 ? doc.text.length : next).trim());
}

/** A colon list runs to the sentence end, or, when the colon ends its line, over the following list lines. */
function colonListEnd(doc: AnalysedDocument, sentence: Sentence, colon: number): number {
  const newline = doc.text.indexOf('\n', colon);
  const restOfLine = doc.text.slice(colon, newline === -1 ? doc.text.length : newline);
  if (restOfLine.trim() !== '' || newline === -1) return sentence.end;
  let end = colon;
  let at = newline;
  let lines = 0;
  while (at < doc.text.length) {
    const next = doc.text.indexOf('\n', at + 1);
    const lineEnd = next === -1 ? doc.text.length : next;
    const line = doc.text.slice(at + 1, lineEnd).trim();
    // A blank line ends the list, except one between the colon and the first item ("sind:\n\nAachen\nBochum").
    if (line === '' && (lines > 0 || at > newline)) break;
    if (line === '') { at = lineEnd; continue; }
    lines++;
    // Prose, not a list line: many words and no commas.
    if (line.split(/\s+/).length > 12 && !line.includes(',')) break;
    end = lineEnd;
    at = lineEnd;
  }
  return end;
}

/**
 * The names a sentence gives right after a member count in the sentence before ("… zwölf deutsche Städte an. Das sind
 * Aachen, …"): the list of that count, with its country and scope; link-list-counts sizes it unless it gives examples.
 */
function followOnSpan(doc: AnalysedDocument, sentence: Sentence): ListSpan | null {
  const m = FOLLOW_ON.exec(sentence.text);
  if (!m) return null;
  const previous = doc.sentences[sentence.index - 1];
  if (!previous || previous.paragraph !== sentence.paragraph) return null;
  const counts = doc.shared(findMemberCountPhrases).filter((f) => f.sentence === previous && !f.phrase.origin && f.phrase.unit !== 'states' && f.phrase.unit !== 'provinces');
  const count = counts.at(-1);
  if (!count) return null;
  // After "neun deutsche und elf chinesische Mitglieder" the names may be of both countries: the gazetteer tells.
  const country = counts.every((f) => f.phrase.country === count.phrase.country) ? count.phrase.country : null;
  const itemsStart = sentence.start + m[0].length;
  // "Das sind …" names the counted; "Dazu zählen …", "Among them are …" names some of them, which no count sizes.
  const exhaustive = /^(?:Dies|Das|Diese|Es|These|They|Those)\s+(?:sind|waren|are|were)(?![\p{L}])/u.test(m[0]) && !PARTIAL.test(m[0]);
  return {
    sentence, link: count.link, quoteStart: sentence.start, itemsStart, itemsEnd: sentence.end, country, statedCount: null,
    scopeAt: sentence.start, scope: scopeNear(previous.text, count.phrase.start - previous.start), rule: exhaustive ? 'member-list/follow-on' : 'member-list/follow-on-partial', strict: true,
  };
}

/** "Auf chinesischer Seite: Foshan, …" after a sentence about the members: that side's list. */
function sideColonSpan(doc: AnalysedDocument, sentence: Sentence, link: OrganisationLink): ListSpan | null {
  const m = SIDE_COLON.exec(sentence.text);
  const previous = doc.sentences[sentence.index - 1];
  if (!m || !previous || previous.paragraph < sentence.paragraph - 1 || !MEMBER_NOUN_GATE(previous.text)) return null;
  const itemsStart = sentence.start + m[0].length;
  return {
    sentence, link, quoteStart: sentence.start, itemsStart, itemsEnd: colonListEnd(doc, sentence, sentence.start + m[0].trimEnd().length),
    country: /chin/iu.test(m[0]) ? 'CN' : 'DE', statedCount: null,
    scopeAt: sentence.start, scope: scopeNear(previous.text, previous.text.length), rule: 'member-list/side-colon', strict: false,
  };
}

/** A list fronted with "Mit …, mit …" before the member count of its own sentence, sized by that count. */
function frontedSpan(doc: AnalysedDocument, sentence: Sentence, link: OrganisationLink): ListSpan | null {
  const m = FRONTED_LIST.exec(sentence.text);
  const items = m?.groups?.items;
  if (!m || items === undefined) return null;
  const itemsStart = sentence.start + m[0].indexOf(items);
  const itemsEnd = itemsStart + items.length;
  const count = doc.shared(findMemberCountPhrases).find((f) => f.sentence === sentence && f.phrase.start >= itemsEnd);
  if (!count) return null;
  // Chunks between the repeated "mit"; a region with its towns or "Stadt und Landkreis Fulda" stays one item.
  const chunks: ListItem[] = [];
  let from = itemsStart;
  for (const sep of [...items.matchAll(FRONTED_SEPARATOR), null]) {
    const to = sep ? itemsStart + sep.index : itemsEnd;
    const chunk = doc.text.slice(from, to);
    chunks.push(...(/\s(?:mit|with)\s/u.test(chunk) || /^Stadt\s+und\s+(?:Land)?[Kk]reis\s/u.test(chunk) ? [lineItem(doc.text, from, to)].filter((i): i is ListItem => i !== null) : splitListItems(doc.text, from, to)));
    if (sep) from = itemsStart + sep.index + sep[0].length;
  }
  return {
    sentence, link, quoteStart: sentence.start, itemsStart, itemsEnd, country: count.phrase.country, statedCount: count.phrase.count,
    scopeAt: count.phrase.start, rule: 'member-list/fronted', strict: false, items: chunks,
  };
}
