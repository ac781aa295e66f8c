/**
 * Member lists laid out as a block of lines under a heading, the way member pages and annexes
 * print long rosters: "German members" over one member per line ("Aachen*", "Esslingen
 * (district)", "- Köln"), or members grouped under their Land or province, as a line of its own
 * ("Nordrhein-Westfalen:", "Provinz Guangdong") or as a lead-in of the line ("Guangdong
 * Province: Foshan, Jiangmen"). The block is the list: it runs over blank lines only into another
 * group, and ends at prose, another heading or a total line ("Gesamt: 21", which states its
 * size). The country comes from the heading, else from the groups, else from the members.
 */
import type { Country, MemberListClaim, MembershipScope } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import { sentenceOf } from '../analyse-document.ts';
import { asOfFor, evidenceOf, organisationFor, type OrganisationLink, type Parser } from '../parser.ts';
import type { Sentence } from '../text/segment-text.ts';
import { countryOfWords } from '../counts/count-vocabulary.ts';
import { lineItem, splitListItems, type ListItem } from './split-list-items.ts';
import { resolveListItem, type ResolvedMember } from './resolve-list-members.ts';
import { isCityLike } from '../places/find-cities.ts';
import { documentLines, textLines, type TextLine } from '../text/text-lines.ts';
import { allMatches } from '../text/all-matches.ts';

// Line-based parsers elsewhere import these from here.
export { textLines, type TextLine };


// A heading names members: "German members", "Mitgliedsstädte", "Unsere Mitglieder (Stand: Mai 2021)", "Founding members".
const HEADING_NOUN = /(?<![\p{L}])(?:(?:ISA-)?(?:Gründungsmitglieder|Mitglieder|Mitgliedsstädte|Mitgliedstädte|Mitgliedskommunen|Gründungsstädte)|(?:founding\s+)?members|member\s+(?:cities|municipalities|towns)|founding\s+cities)(?![\p{L}])/iu;
// Headings about other rosters: partners, boards, networks, delegations and itineraries.
const OTHER_ROSTER = /(?<![\p{L}])(?:\p{L}*[Pp]artner\p{L}*|\p{L}*[Ff]reundschaft\p{L}*|sister|twin\p{L}*|Vorstand\p{L}*|Beirat\p{L}*|board|committee|Ausschuss\p{L}*|Netzwerk\p{L}*|networks?|Mitgliedschaft\p{L}*|membership|Delegation\p{L}*|delegations?|\p{L}*[Rr]eise\p{L}*|Besuch\p{L}*|visit\p{L}*|Teilnehm\p{L}*|participants?|Programm\p{L}*|itinerar\p{L}*)(?![\p{L}])/u;
// "Gesamt: 21", "Insgesamt 21 Mitglieder", "Total | 21".
const TOTAL_LINE = /^(?:Gesamt|Insgesamt|Summe|Gesamtzahl|Total|In\s+total|Sum)(?![\p{L}])[\s:|=–-]*(?:\p{L}+\s+)?(\d{1,3})(?![\d.,]\d)/iu;
// Column names of a roster table: "Nr. Mitglied Bundesland Aufnahme", "No. City Province Joined".
const COLUMN_NAMES = /^(?:(?:Nr\.?|No\.?|#|Lfd\.?\s*Nr\.?|Mitglied(?:er|sstadt)?|Stadt|Städte|Kommune|Bundesland|Land|Provinz|Aufnahme|Beitritt|seit|Mitglied\s+seit|member|members?|city|cities|state|province|joined|since|admitted|year)\s*){2,}$/iu;
// Prose, not a list line: a sentence end or many words.
const PROSE = /[.!?]["“”]?$/u;
// "Guangdong Province: Foshan, …" — a group label before a colon.
const GROUP_LEAD = /^([^:|]{2,60}?)\s*:\s*(\S.*)?$/u;
const FOUNDING = /(?<![\p{L}])(?:Gründ\p{L}*|founding|founders?)(?![\p{L}])/iu;


/** Whether a line is a heading over a member roster: short, no sentence, a member noun, no other roster. */
export function isMemberHeading(line: string): boolean {
  const words = line.split(/\s+/u).filter(Boolean);
  return words.length > 0 && words.length <= 9 && line.length <= 90 && !PROSE.test(line) && !line.includes('|')
    && HEADING_NOUN.test(line) && !OTHER_ROSTER.test(line.replace(HEADING_NOUN, ''));
}

/** The Land or province a group label names ("Nordrhein-Westfalen", "Provinz Guangdong", "Guangxi Zhuang Autonomous Region"). */
export function groupLabel(doc: Pick<AnalysedDocument, 'gazetteer'>, label: string): { name: string; country: Country } | null {
  const clean = label.replace(/^[-•–*·▪]\s*/u, '').replace(/[:\s]+$/u, '').trim();
  if (!clean || clean.split(/\s+/u).length > 5) return null;
  return doc.gazetteer.admin1(clean);
}

interface BlockMember {
  item: ListItem;
  resolved: ResolvedMember;
}

interface Block {
  members: BlockMember[];
  groups: Array<{ name: string; country: Country }>;
  end: number;
  total: number | null;
}

/** Read the block of list lines starting at line `from`; null when it holds no list. */
function readBlock(doc: AnalysedDocument, lines: TextLine[], from: number, country: Country | null): Block | null {
  const block: Block = { members: [], groups: [], end: -1, total: null };
  let i = from;
  // The heading may stand one blank line above its list.
  while (i < lines.length && lines[i]!.text === '' && i - from < 2) i++;
  // "Nr. Mitglied Bundesland Aufnahme": a line of column names opens a roster printed as a table.
  if (i < lines.length && COLUMN_NAMES.test(lines[i]!.text)) i++;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text === '') {
      // Over a blank line the block goes on only into another group ("Bayern:" after the NRW members).
      let next = i + 1;
      while (next < lines.length && lines[next]!.text === '') next++;
      const following = lines[next];
      if (!following || !startsGroup(doc, following.text)) break;
      continue;
    }
    if (isMemberHeading(line.text) && !groupLabel(doc, line.text)) break;
    const total = TOTAL_LINE.exec(line.text);
    if (total) {
      block.total = Number(total[1]);
      block.end = line.end;
      break;
    }
    const label = groupLabel(doc, line.text);
    const asPlace = doc.gazetteer.resolve(line.text.replace(/^[-•–*·▪]\s*/u, '').replace(/:$/u, '')).place;
    // "Hessen" is a group, "Berlin" and "Shanghai" are members that are also Länder or provinces.
    if (label && (/:\s*$/u.test(line.text) || !asPlace || !isCityLike(asPlace))) {
      // A group heading of its own ("Provinz Guangdong", "Hessen:").
      block.groups.push(label);
      block.end = line.end;
      continue;
    }
    const lead = GROUP_LEAD.exec(line.text);
    const leadLabel = lead?.[2] ? groupLabel(doc, lead[1]!) : null;
    if (lead && leadLabel) {
      block.groups.push(leadLabel);
      const itemsStart = line.start + line.text.indexOf(lead[2]!, lead[1]!.length);
      const items = splitListItems(doc.text, itemsStart, line.end);
      const members = items.map((item) => ({ item, resolved: resolveListItem(doc.gazetteer, item, leadLabel.country) }));
      if (!members.some((m) => m.resolved.member.resolved)) break;
      block.members.push(...members);
      block.end = line.end;
      continue;
    }
    // "Aachen, Bottrop, Chemnitz," or "Aachen      Bottrop      Chemnitz": several members on one line.
    const several = membersOfLine(doc, line, country);
    if (several) {
      block.members.push(...several);
      block.end = line.end;
      continue;
    }
    const member = memberLine(doc, line, country);
    if (!member) break;
    block.members.push(member);
    block.end = line.end;
  }
  return block.members.length ? block : null;
}

/** Whether a line opens a group: a Land or province as a heading or lead-in. */
export function startsGroup(doc: Pick<AnalysedDocument, 'gazetteer'>, text: string): boolean {
  if (groupLabel(doc, text)) return true;
  const lead = GROUP_LEAD.exec(text);
  return lead !== null && lead[2] !== undefined && groupLabel(doc, lead[1]!) !== null;
}

// Columns of a roster printed several names a line: a tab or a run of blanks.
const COLUMN_GAP = /\t+|[ ]{2,}/gu;

/**
 * The members of a line that holds several, separated by commas, semicolons, middle dots or columns of blanks; null
 * unless there are two or more and (nearly) all are places. A column split needs every cell to be a town, so a table row
 * ("1  Aachen  Nordrhein-Westfalen  2016") is left to the row reader.
 */
function membersOfLine(doc: AnalysedDocument, line: TextLine, country: Country | null): BlockMember[] | null {
  // "Deutschland: Aachen · Bottrop" is a labelled row, the country table's.
  if (PROSE.test(line.text) || line.text.includes('|') || line.text.includes(':')) return null;
  const text = doc.text;
  const body = line.text.replace(/^[-•–*·▪]\s*/u, '');
  const bodyStart = line.end - body.length;
  let items: ListItem[] = [];
  if (/[,;·]/u.test(body)) items = splitListItems(text, bodyStart, line.end);
  else if (COLUMN_GAP.test(body)) {
    COLUMN_GAP.lastIndex = 0;
    let from = bodyStart;
    for (const gap of [...body.matchAll(COLUMN_GAP), null]) {
      const to = gap ? bodyStart + gap.index : line.end;
      const item = lineItem(text, from, to);
      if (item) items.push(item);
      if (gap) from = bodyStart + gap.index + gap[0].length;
    }
    const towns = items.map((item) => resolveListItem(doc.gazetteer, item, country));
    if (!towns.every((t) => t.member.resolved && doc.gazetteer.byName(t.member.name).some(isCityLike))) return null;
  }
  if (items.length < 2) return null;
  const members = items.map((item) => ({ item, resolved: resolveListItem(doc.gazetteer, item, country) }));
  const known = members.filter((m) => m.resolved.member.resolved).length;
  return known >= Math.ceil(members.length * 0.75) ? members : null;
}

/** A line holding one member ("Aachen*", "- Köln", "Esslingen (district)"), or null for prose. */
function memberLine(doc: AnalysedDocument, line: TextLine, country: Country | null): BlockMember | null {
  if (PROSE.test(line.text) || line.text.includes('|')) return null;
  const row = rowName(doc, line);
  if (/\d{3,}/u.test(doc.text.slice(row.start, row.end))) return null;
  const item = lineItem(doc.text, row.start, row.end);
  if (!item) return null;
  // "20 Neunkirchen Saarland 2019": the row's Land column tells namesakes apart.
  const resolved = resolveListItem(doc.gazetteer, item, country, row.admin1);
  if (resolved.member.resolved) return { item, resolved };
  // A misspelt member stays in the list for review; a longer phrase is no member line.
  if (item.base.raw.split(/\s+/u).length <= 3 && /^\p{Lu}/u.test(item.base.raw) && resolved.member.suggestion) return { item, resolved };
  return null;
}

/**
 * The name in a roster row printed as a table whose columns lost their alignment: "1 Aachen Nordrhein-Westfalen 2016 (G)"
 * is Aachen, without its row number, its year (with a footnote mark) and its Land or province.
 */
function rowName(doc: AnalysedDocument, line: TextLine): { start: number; end: number; admin1: string | null } {
  let start = line.start;
  let end = line.end;
  const number = /^\d{1,3}[.)]?\s+(?=\p{L})/u.exec(line.text);
  const year = /\s+(?:seit\s+|since\s+)?(?:19|20)\d{2}(?:\s*\([^)]{1,5}\)|\*)?$/u.exec(line.text);
  if (!number && !year) return { start, end, admin1: null };
  if (number) start += number[0].length;
  if (year) end = line.start + year.index;
  // The Land or province column: the last one to three words, when they name one and a name stays before them.
  const words = allMatches(/\S+/gu, doc.text.slice(start, end));
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const first = words[words.length - n]!;
    const admin1 = doc.gazetteer.admin1(doc.text.slice(start + first.index, end));
    if (admin1) return { start, end: start + words[words.length - n - 1]!.index + words[words.length - n - 1]![0].length, admin1: admin1.name };
  }
  return { start, end, admin1: null };
}

export const lineBlockListParser: Parser = {
  name: 'member-list-line-block',
  parse(doc) {
    const lines = doc.shared(documentLines);
    const claims: MemberListClaim[] = [];
    let after = -1;
    lines.forEach((heading, index) => {
      if (heading.start < after || !isMemberHeading(heading.text)) return;
      // A colon heading with its first member on the next line is the colon list's ("Mitglieder sind:\nAachen").
      const next = lines[index + 1];
      if (/:$/u.test(heading.text) && next && next.text !== '' && !startsGroup(doc, next.text)) return;
      const sentence = sentenceOf(doc, heading.start);
      if (!sentence) return;
      const link = organisationFor(doc, sentence, { documentFallback: true });
      if (!link) return;
      // "Mitglieder\n\nDeutschland\nAachen\n…\n\nChina\nFoshan\n…": one roster per country line under the heading.
      const perCountry = countryRosters(doc, lines, index + 1);
      if (perCountry.length) {
        for (const { label, block, country } of perCountry) {
          const claim = rosterClaim(doc, heading, label, block, country, link, sentence);
          if (claim) claims.push(claim);
          after = Math.max(after, block.end);
        }
        return;
      }
      const headingCountry = countryOfWords(heading.text);
      const block = readBlock(doc, lines, index + 1, headingCountry);
      if (!block) return;
      const resolvedCount = block.members.filter((m) => m.resolved.member.resolved).length;
      // A roster is mostly places; "Mitglieder des Vorstands" over names of people is none.
      if (block.members.length < 2 || resolvedCount < Math.ceil(block.members.length * 0.75)) return;
      const country = headingCountry ?? groupCountry(block) ?? majorityCountry(block.members.map((m) => m.resolved));
      const stated = /\((\d{1,3})(?:\s+\p{L}+)?\)/u.exec(heading.text);
      const scope: MembershipScope = FOUNDING.test(heading.text) ? 'founding' : 'current';
      const { asOf, implied } = asOfFor(doc, sentence, heading.start);
      const impliedFields = [...(headingCountry ? [] : ['country']), ...(implied ? ['asOf'] : []), ...(link.inSentence ? [] : ['subject'])];
      after = block.end;
      claims.push({
        kind: 'member_list',
        subject: link.subject,
        country,
        scope,
        asOf,
        members: block.members.map((m) => m.resolved.member),
        statedCount: block.total ?? (stated ? Number(stated[1]) : null),
        evidence: evidenceOf(doc, heading.start, block.end),
        provenance: { rule: 'member-list/line-block', ...(impliedFields.length ? { implied: impliedFields } : {}) },
      });
    });
    return claims;
  },
};

// A line that only names a country, perhaps with its number of members: "Deutschland", "China (20)", "Germany:".
const COUNTRY_LINE = /^(?:Deutschland|Germany|China|VR\s+China|Volksrepublik\s+China|P\.\s?R\.\s?China|People['’]s\s+Republic\s+of\s+China)(?:\s*\((\d{1,3})\))?\s*:?$/u;

/** Rosters under country lines right below a member heading, each with its country and the number its line states. */
function countryRosters(doc: AnalysedDocument, lines: TextLine[], from: number): Array<{ label: TextLine; block: Block; country: Country }> {
  const rosters: Array<{ label: TextLine; block: Block; country: Country }> = [];
  let i = from;
  for (;;) {
    while (i < lines.length && lines[i]!.text === '' && i - from < 3) i++;
    const label = lines[i];
    const m = label ? COUNTRY_LINE.exec(label.text) : null;
    if (!label || !m) return rosters;
    const country: Country = /^(?:Deutschland|Germany)/u.test(label.text) ? 'DE' : 'CN';
    const block = readBlock(doc, lines, i + 1, country);
    if (!block) return rosters;
    if (block.total === null && m[1]) block.total = Number(m[1]);
    rosters.push({ label, block, country });
    i = lines.findIndex((l) => l.start > block.end);
    if (i === -1) return rosters;
    from = i;
  }
}

/** A roster under a country line as a member list, sized by its total line or the number the country line states. */
function rosterClaim(doc: AnalysedDocument, heading: TextLine, label: TextLine, block: Block, country: Country, link: OrganisationLink, sentence: Sentence): MemberListClaim | null {
  const resolvedCount = block.members.filter((m) => m.resolved.member.resolved).length;
  if (block.members.length < 2 || resolvedCount < Math.ceil(block.members.length * 0.75)) return null;
  const { asOf, implied } = asOfFor(doc, sentence, heading.start);
  const impliedFields = [...(implied ? ['asOf'] : []), ...(link.inSentence ? [] : ['subject'])];
  return {
    kind: 'member_list',
    subject: link.subject,
    country,
    scope: FOUNDING.test(heading.text) ? 'founding' : 'current',
    asOf,
    members: block.members.map((m) => m.resolved.member),
    statedCount: block.total,
    evidence: evidenceOf(doc, label.start, block.end),
    provenance: { rule: 'member-list/line-block', ...(impliedFields.length ? { implied: impliedFields } : {}) },
  };
}

function groupCountry(block: Block): Country | null {
  const countries = new Set(block.groups.map((g) => g.country));
  return countries.size === 1 ? block.groups[0]!.country : null;
}

function majorityCountry(members: ResolvedMember[]): Country | null {
  const de = members.filter((m) => m.country === 'DE').length;
  const cn = members.filter((m) => m.country === 'CN').length;
  if (de + cn === 0) return null;
  if (de / (de + cn) >= 0.75) return 'DE';
  if (cn / (de + cn) >= 0.75) return 'CN';
  return null;
}
