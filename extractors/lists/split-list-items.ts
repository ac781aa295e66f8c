/**
 * Split an enumeration into its items with offsets: commas, semicolons, "und" / "sowie" /
 * "and" / "&", bullets and line breaks separate; a slash separates only where the joined form
 * is not itself a name ("Lahr/Schwarzwald"); a parenthesis inside an item stays with it
 * ("Region Schwarzwald (Lahr und Freiburg)").
 */

export interface ListItem {
  start: number;
  end: number;
  raw: string;
  /** Items inside the item's own parenthesis. */
  inner: ListItem[];
  /** The item without its parenthesis. */
  base: { start: number; end: number; raw: string };
  /** The lead-in called it a district ("the German district of Kleve"): the Kreis, not its town. */
  district?: boolean;
}

const WORD_SEPARATOR = /^(?:und|sowie|and|as\s+well\s+as|&|plus|bzw\.|oder|or|auch|also)\s/iu;
// Lead-ins that belong to the list, not to its first item.
const LEAD_IN = /^(?:[Ss]tadt\s+und\s+(?:Land)?[Kk]reis|(?:the\s+)?(?:city|town)\s+and\s+(?:district|county)\s+of|[Dd]ie\s+(?:\p{Ll}+\s+){0,2}Städte|(?:Land)?[Kk]reise|[Dd]ie\s+Stadt|[Dd]ie\s+(?:\p{Ll}+\s+){0,2}Kommunen|(?:the\s+)?(?:\p{Lu}\p{L}+\s+)?(?:cities|city|town|towns|districts?|count(?:y|ies))\s+of|(?:they|these|those|sie|dies|das|es)\s+(?:are|were|sind|waren)|u\.\s?a\.|unter\s+anderem|darunter|including|among\s+them|namely|nämlich|and|und|sowie|neben|auch|besides|also|der|die|das|den|dem|the)\s+/u;
const PLURAL_DISTRICT_LEAD = /^(?:(?:die|the)\s+)?(?:(?:\p{Ll}+\s+){0,2}(?:Land)?[Kk]reise|districts\s+of|counties\s+of)\s/u;
// An item with its own article or city noun ("die Stadt Suqian", "den Bezirk Xiangcheng") leaves the plural noun behind.
const OWN_LEAD = /^(?:der|die|das|den|dem|the|Stadt|Bezirk|city|town)\s/iu;
// "both in Shandong province", "beide in Jiangxi": a phrase shared by the items before it.
const APPOSITIVE = /^(?:a|an|ein|eine|einer|eines|einem|one\s+of|eine\s+der|einer\s+der|its|seine|ihre|both|beide|jeweils)\s/iu;
// "Mainz, die Landeshauptstadt von Rheinland-Pfalz; …": an appositive naming what the item before is.
const CAPITAL_APPOSITIVE = /^(?:die|der|the)\s+(?:\p{Ll}+\s+)?(?:Landeshauptstadt|Hauptstadt|Provinzhauptstadt|Kreisstadt|capital|provincial\s+capital|seat)\s+(?:von|of|der|des)\s/iu;
const TOWN_AND_DISTRICT = /^(?:(?:die|der|the)\s+)?(?:Stadt|city|town)\s+(?:und|and)\s+(?:(?:Land)?[Kk]reis|district|county)(?![\p{L}])/u;
// "Hamm – alle im Ruhrgebiet –": an aside between dashes after a name is no part of it.
const DASH_ASIDE = /\s[–—]\s/u;
// A list written one item per line behind bullets: the line is the item, commas inside it are not separators.
const BULLET_LINES = /\n[ \t]*[•\-*·–▪][ \t]+\S/u;

/** Items of the enumeration in text[start, end). */
export function splitListItems(text: string, start: number, end: number, options: { slashes?: boolean } = {}): ListItem[] {
  const span = text.slice(start, end);
  if (BULLET_LINES.test(`\n${span}`) && /\n/u.test(span)) return splitLines(text, start, end);
  // "Ingolstadt (Bayern); Mainz, die Landeshauptstadt von Rheinland-Pfalz; Köln und Aachen": semicolons
  // separate items that carry their own commas.
  if (topLevelIncludes(span, ';')) {
    const items: ListItem[] = [];
    let from = start;
    for (let i = start; i <= end; i++) {
      if (i === end || (text[i] === ';' && depthAt(text, start, i) === 0)) {
        items.push(...splitPlain(text, from, i, options));
        from = i + 1;
      }
    }
    return items;
  }
  return splitPlain(text, start, end, options);
}

function topLevelIncludes(span: string, ch: string): boolean {
  let depth = 0;
  for (const c of span) {
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ch && depth === 0) return true;
  }
  return false;
}

function depthAt(text: string, from: number, at: number): number {
  let depth = 0;
  for (let i = from; i < at; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
  }
  return depth;
}

/** One item per line, bullets and blanks stripped. */
function splitLines(text: string, start: number, end: number): ListItem[] {
  const items: ListItem[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n') {
      const item = makeItem(text, from, i);
      if (item) items.push(item);
      from = i + 1;
    }
  }
  return items;
}

function splitPlain(text: string, start: number, end: number, options: { slashes?: boolean }): ListItem[] {
  const items: ListItem[] = [];
  let depth = 0;
  let itemStart = start;
  // "die Landkreise Heidenheim und Schwäbisch Hall, die Stadt Suqian": a plural district noun reaches the items after it until one brings its own noun.
  let pluralDistrict = false;
  const push = (s: number, e: number) => {
    // "Mainz, die Landeshauptstadt von Rheinland-Pfalz": the appositive says what the item before is.
    if (items.length > 0 && CAPITAL_APPOSITIVE.test(text.slice(s, e).trim())) return;
    const item = makeItem(text, s, e);
    if (!item) return;
    const written = text.slice(s, e).trim();
    if (PLURAL_DISTRICT_LEAD.test(written)) pluralDistrict = true;
    else if (OWN_LEAD.test(written)) pluralDistrict = false;
    else if (pluralDistrict) item.district = true;
    items.push(item);
  };
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    // "Gelsen-\nkirchen": a word hyphenated at a line break is one word.
    if (ch === '\n' && text[i - 1] === '-' && /\p{Ll}/u.test(text[i + 1] ?? '')) continue;
    if (ch === ',' || ch === ';' || ch === '\n' || ch === '•' || ch === '·' || ch === '|' || ch === '▪' || (options.slashes && ch === '/')) {
      push(itemStart, i);
      itemStart = i + 1;
      continue;
    }
    if (/\s/.test(ch)) {
      const rest = text.slice(i + 1, Math.min(end, i + 16));
      const sep = WORD_SEPARATOR.exec(rest);
      // "Stadt und Landkreis Fulda", "the city and district of Fulda": one member, town and district together.
      if (sep && TOWN_AND_DISTRICT.test(`${text.slice(itemStart, i).trim()} ${rest}`)) continue;
      if (sep) {
        push(itemStart, i);
        itemStart = i + 1 + sep[0].length;
        i = itemStart - 1;
      }
    }
  }
  push(itemStart, end);
  return items;
}

/** One line or cell as a single item, its bullet, footnote marks and lead-in stripped; null when nothing is left. */
export function lineItem(text: string, start: number, end: number): ListItem | null {
  return makeItem(text, start, end);
}

function makeItem(text: string, start: number, end: number): ListItem | null {
  while (start < end && /[\s\-–—•*·:.]/.test(text[start] ?? '')) start++;
  // "1. Aachen", "2) Bottrop": a numbered line's number is no part of the name.
  const numbered = /^\d{1,3}[.)]\s+(?=\p{L})/u.exec(text.slice(start, Math.min(end, start + 6)));
  if (numbered) start += numbered[0].length;
  // "Aachen*", "Wuppertal¹", "Kelsterbach (*)": footnote marks (founders, notes) are no part of the name.
  for (let again = true; again; ) {
    again = false;
    while (end > start && /[\s.:;,*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]/u.test(text[end - 1] ?? '')) { end--; again = true; }
    if (end - 3 > start && text.slice(end - 3, end) === '(*)') { end -= 3; again = true; }
  }
  const aside = DASH_ASIDE.exec(text.slice(start, end));
  if (aside && aside.index > 0) end = start + aside.index;
  let district = false;
  for (let lead = LEAD_IN.exec(text.slice(start, end)); lead; lead = LEAD_IN.exec(text.slice(start, end))) {
    // "the city and district of Fulda" is the town with its district: the town.
    district ||= /(?:districts?|count(?:y|ies))\s+of|^(?:Land)?[Kk]reise\s/iu.test(lead[0]) && !/(?:city|town)\s+and\s/iu.test(lead[0]);
    start += lead[0].length;
  }
  if (end <= start) return null;
  // An appositive ("Wuhu, a neighbouring city in Anhui, and …") describes the item before it.
  if (APPOSITIVE.test(text.slice(start, end))) return null;
  const raw = text.slice(start, end);
  const open = raw.indexOf('(');
  const close = raw.lastIndexOf(')');
  let inner: ListItem[] = [];
  let base = { start, end, raw };
  // A network with its towns: "das Städtenetzwerk „Drei gewinnt“ mit Rüsselsheim/Raunheim/Kelsterbach".
  const withPlaces = /\s(?:mit|with)\s/u.exec(raw);
  if (withPlaces && open < 0) {
    inner = splitListItems(text, start + withPlaces.index + withPlaces[0].length, end, { slashes: true });
    base = { start, end: start + withPlaces.index, raw: raw.slice(0, withPlaces.index) };
  } else if (open > 0 && close > open) {
    inner = splitListItems(text, start + open + 1, start + close, { slashes: true });
    let baseEnd = start + open;
    while (baseEnd > start && /\s/.test(text[baseEnd - 1] ?? '')) baseEnd--;
    base = { start, end: baseEnd, raw: text.slice(start, baseEnd) };
  }
  return { start, end, raw, inner, base, ...(district ? { district } : {}) };
}
