/**
 * Member tables that reached the text as lines of cells ("Land | Mitglieder | Anzahl",
 * "State<TAB>City<TAB>since"), as minutes, annexes and PDF exports print them. The header names
 * the columns: the members column ("Mitglieder", "Stadt", "City"), a group column ("Land",
 * "Provinz"), a count column ("Anzahl") and a since column ("seit", "joined"). Every row's
 * members make one list; a total row ("Gesamt … 21") states its size and is a member count; a
 * since column dates each member's joining. The title above the table names the alliance and
 * the country and decides that the table lists members at all: partner-city tables are none.
 */
import type { Claim, Country, MemberUnit, MembershipScope } from '../../core/claim.ts';
import { sentenceOf } from '../analyse-document.ts';
import { asOfFor, evidenceOf, organisationFor, type Parser } from '../parser.ts';
import { countryOfWords, unitOf } from '../counts/count-vocabulary.ts';
import { splitListItems } from './split-list-items.ts';
import { resolveListItem, type ResolvedMember } from './resolve-list-members.ts';
import { groupLabel, type TextLine } from './parse-line-blocks.ts';
import { documentLines } from '../text/text-lines.ts';
import { allMatches } from '../text/all-matches.ts';

interface Cell {
  start: number;
  end: number;
  text: string;
}

const MEMBER_COLUMN = /^(?:(?:ISA-)?Mitglied(?:er|sstädte|sstadt|skommunen?)?|Gründungsmitglieder|Städte|Stadt|Kommunen?|Stadt\s*\/\s*Kreis|Städte\s+und\s+Kreise|Gebietskörperschaft(?:en)?|members?|member\s+cit(?:y|ies)|cit(?:y|ies)|towns?|municipalit(?:y|ies)|city\s*\/\s*district)$/iu;
const GROUP_COLUMN = /^(?:Bundes)?(?:land|länder)$|^(?:Provinz(?:en)?|Province|Provinces?|State|States|Federal\s+state|Region)$/iu;
const COUNT_COLUMN = /^(?:Anzahl|Zahl|Summe|Number|No\.|Count|Total)$/iu;
const SINCE_COLUMN = /^(?:seit|Mitglied\s+seit|Beitritt|Beitrittsjahr|beigetreten|Aufnahme|Aufnahmejahr|aufgenommen|since|member\s+since|joined|year\s+joined|admitted)$/iu;
const TOTAL_ROW = /^(?:Gesamt|Insgesamt|Summe|Gesamtzahl|Total|In\s+total|Sum)$/iu;
// The title must speak of members; partners, twin towns and networks have tables too.
const MEMBER_TITLE = /(?<![\p{L}])(?:\p{L}*Mitglied\p{L}*|Gründungs\p{L}*|members?|membership|founding)(?![\p{L}])/iu;
const OTHER_TITLE = /(?<![\p{L}])(?:\p{L}*[Pp]artner\p{L}*|\p{L}*[Ff]reundschaft\p{L}*|sister|twin\p{L}*|Delegation\p{L}*|Teilnehm\p{L}*|participants?|Reise\p{L}*|Programm\p{L}*|itinerary)(?![\p{L}])/u;
const FOUNDING = /(?<![\p{L}])(?:Gründ\p{L}*|founding|founders?)(?![\p{L}])/iu;

/** Cells of a table line: split at pipes, else at tabs; null when the line has no cell separator. */
function cellsOf(line: TextLine): Cell[] | null {
  const separator = line.text.includes('|') ? '|' : line.text.includes('\t') ? '\t' : null;
  if (!separator) return alignedCells(line);
  const cells: Cell[] = [];
  let from = line.start;
  for (let i = line.start; i <= line.end; i++) {
    if (i === line.end || line.text[i - line.start] === separator) {
      let s = from;
      let e = i;
      const text = line.text;
      while (s < e && /\s/u.test(text[s - line.start] ?? '')) s++;
      while (e > s && /\s/u.test(text[e - 1 - line.start] ?? '')) e--;
      cells.push({ start: s, end: e, text: text.slice(s - line.start, e - line.start) });
      from = i + 1;
    }
  }
  // "| Land | Stadt |": the outer pipes open and close the row.
  if (cells[0]?.text === '' && line.text.startsWith(separator)) cells.shift();
  if (cells.at(-1)?.text === '' && line.text.endsWith(separator)) cells.pop();
  return cells.length >= 2 ? cells : null;
}

/** Cells of a column-aligned line ("  1  Aachen      Nordrhein-Westfalen   2016"): gaps of two or more blanks, three cells at least. */
function alignedCells(line: TextLine): Cell[] | null {
  const cells: Cell[] = [];
  for (const m of allMatches(/\S+(?: \S+)*/gu, line.text)) cells.push({ start: line.start + m.index, end: line.start + m.index + m[0].length, text: m[0] });
  return cells.length >= 3 ? cells : null;
}

interface Table {
  rows: Cell[][];
  first: number;
  last: number;
}

/** Runs of at least two consecutive lines with the same number of cells; markdown rules ("---|---") skipped. */
function findTables(lines: TextLine[]): Table[] {
  const tables: Table[] = [];
  let current: Table | null = null;
  lines.forEach((line, index) => {
    if (/^[|\s:+-]+$/u.test(line.text) && line.text.includes('-') && current) return;
    const cells = cellsOf(line);
    if (cells && current && current.rows[0]!.length === cells.length) {
      current.rows.push(cells);
      current.last = index;
      return;
    }
    if (current && current.rows.length >= 2) tables.push(current);
    current = cells ? { rows: [cells], first: index, last: index } : null;
  });
  if (current !== null && (current as Table).rows.length >= 2) tables.push(current);
  return tables;
}

export const textTableParser: Parser = {
  name: 'member-list-text-table',
  parse(doc) {
    const lines = doc.shared(documentLines);
    const claims: Claim[] = [];
    for (const table of findTables(lines)) {
      const header = table.rows[0]!.map((c) => c.text);
      const memberColumn = header.findIndex((h) => MEMBER_COLUMN.test(h));
      if (memberColumn < 0) continue;
      const groupColumn = header.findIndex((h) => GROUP_COLUMN.test(h));
      const countColumn = header.findIndex((h) => COUNT_COLUMN.test(h));
      const sinceColumn = header.findIndex((h) => SINCE_COLUMN.test(h));
      const title = titleOf(lines, table.first);
      const context = `${title?.text ?? ''} ${header.join(' ')}`;
      if (!MEMBER_TITLE.test(context) || OTHER_TITLE.test(context)) continue;
      const anchor = title ?? lines[table.first]!;
      const sentence = sentenceOf(doc, anchor.start);
      if (!sentence) continue;
      const link = organisationFor(doc, sentence, { documentFallback: true });
      if (!link) continue;
      const titleCountry = countryOfWords(title?.text ?? '');
      const members: Array<{ resolved: ResolvedMember; since: string | null; cell: Cell }> = [];
      const groups: Array<{ name: string; country: Country }> = [];
      let total: { count: number; cells: Cell[] } | null = null;
      for (const row of table.rows.slice(1)) {
        if (TOTAL_ROW.test(row[0]?.text ?? '')) {
          const number = (countColumn >= 0 ? [row[countColumn]!] : row).map((c) => /^\d{1,3}$/u.exec(c.text)?.[0]).find((n) => n !== undefined);
          if (number) total = { count: Number(number), cells: row };
          continue;
        }
        const group = groupColumn >= 0 ? groupLabel(doc, row[groupColumn]!.text) : null;
        if (group) groups.push(group);
        const cell = row[memberColumn]!;
        // "2016 (G)", "2016*": a year with a footnote mark.
        const since = sinceColumn >= 0 ? /^(?:seit\s+|since\s+)?((?:19|20)\d{2})(?:\s*\([^)]{1,5}\)|\*)?$/iu.exec(row[sinceColumn]!.text)?.[1] ?? null : null;
        for (const item of splitListItems(doc.text, cell.start, cell.end)) {
          members.push({ resolved: resolveListItem(doc.gazetteer, item, titleCountry ?? group?.country ?? null), since, cell });
        }
      }
      const resolvedCount = members.filter((m) => m.resolved.member.resolved).length;
      if (members.length < 2 || resolvedCount < Math.ceil(members.length * 0.75)) continue;
      const country = titleCountry ?? sharedCountry(groups.map((g) => g.country)) ?? sharedCountry(members.flatMap((m) => (m.resolved.country ? [m.resolved.country] : [])));
      const scope: MembershipScope = FOUNDING.test(title?.text ?? '') ? 'founding' : 'current';
      const { asOf, implied } = asOfFor(doc, sentence, anchor.start);
      const impliedFields = [...(titleCountry ? [] : ['country']), ...(implied ? ['asOf'] : []), ...(link.inSentence ? [] : ['subject'])];
      const provenance = (rule: string) => ({ rule, ...(impliedFields.length ? { implied: impliedFields } : {}) });
      const lastRow = table.rows[table.rows.length - 1]!;
      claims.push({
        // "Deutsche Mitglieder (27)": a title may state the size as a total row does.
        kind: 'member_list', subject: link.subject, country, scope, asOf, members: members.map((m) => m.resolved.member), statedCount: total?.count ?? titleCount(title?.text ?? ''),
        evidence: evidenceOf(doc, anchor.start, lastRow[lastRow.length - 1]!.end), provenance: provenance('member-list/text-table'),
      });
      if (total) {
        const unit: MemberUnit = unitOf(header[memberColumn]!) ?? 'members';
        claims.push({
          kind: 'member_count', subject: link.subject, country, count: total.count, qualifier: 'exact', unit, scope, asOf,
          evidence: evidenceOf(doc, total.cells[0]!.start, total.cells[total.cells.length - 1]!.end), provenance: provenance('member-count/table-total'),
        });
      }
      for (const m of members) {
        if (!m.since || !m.resolved.member.resolved || scope === 'founding') continue;
        claims.push({
          kind: 'membership_event', subject: link.subject, city: m.resolved.member.name, event: 'joined', date: m.since,
          evidence: evidenceOf(doc, m.cell.start, m.cell.end), provenance: provenance('membership/joined/table-since'),
        });
      }
    }
    return claims;
  },
};

/** The title over a table: the closest non-blank line above it within two blank lines. */
function titleOf(lines: TextLine[], first: number): TextLine | null {
  for (let i = first - 1; i >= 0 && first - i <= 3; i--) if (lines[i]!.text !== '') return lines[i]!;
  return null;
}

function sharedCountry(countries: Country[]): Country | null {
  const set = new Set(countries);
  return set.size === 1 ? countries[0]! : null;
}

/** The size a title states in a closing bracket ("Deutsche Mitglieder (27)"), or null. */
function titleCount(title: string): number | null {
  const m = /\((\d{1,3})\)\s*:?\s*$/u.exec(title);
  return m ? Number(m[1]) : null;
}
