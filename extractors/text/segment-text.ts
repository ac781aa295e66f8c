/**
 * Sentence and paragraph segmentation with offsets into the original text. German press
 * releases are full of dots that end nothing ("24. April", "Dr.", "a.D.", "Mio.", "Sep.",
 * "20.07.22."), and PDF or HTML text breaks lines inside sentences, so both are handled here
 * once, for every parser.
 */
import { allMatches } from './all-matches.ts';

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface Sentence extends TextSpan {
  /** Position in the document's sentence list. */
  index: number;
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
}

export interface Paragraph extends TextSpan {
  index: number;
}

export interface Segmentation {
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

// Abbreviations after which a dot does not end a sentence (German and English press style).
const ABBREVIATIONS = new Set(
  [
    'dr', 'prof', 'dipl', 'ing', 'hr', 'fr', 'hrn', 'st', 'nr', 'abs', 'art', 'bzw', 'ca', 'vgl', 'ggf', 'inkl', 'evtl',
    'mio', 'mrd', 'tsd', 'min', 'max', 'std', 'mind', 'bspw', 'usw', 'etc', 'u.a', 'z.b', 'd.h', 'a.d', 'i.r', 'u.a', 'o.ä',
    'jan', 'feb', 'mär', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'oct', 'nov', 'dez', 'dec',
    'mr', 'mrs', 'ms', 'jr', 'sr', 'no', 'vs', 'approx', 'inc', 'ltd', 'co', 'corp', 'e.v', 'gmbh', 'az', 'tel', 'str',
    'bzgl', 'zzgl', 'stellv', 'gem', 'sog', 'ehem', 'stv', 'lt', 'rd',
  ],
);

// Words in capitals (four letters or more, joined by slashes), an optional agency bracket, then a sentence in mixed case.
const CAPS_DATELINE = /^(\p{Lu}[\p{Lu}\-'’]{3,}(?:[ \t]*\/[ \t]*\p{Lu}[\p{Lu}\-'’]{3,})*(?:[ \t]*\([^)\n]{1,20}\))?)(?:[ \t]*[–—:-]|\.)?[ \t]+(?=[„"]?\p{Lu}\p{Ll})/u;

const PARAGRAPH_BREAK = /\n[ \t\u00a0]*\n\s*/g;

/** Split `text` into paragraphs (blank lines) and sentences, every span pointing into `text`. */
export function segmentText(text: string): Segmentation {
  const paragraphs: Paragraph[] = [];
  let cursor = 0;
  const pushParagraph = (start: number, end: number) => {
    // Trim whitespace while keeping offsets exact.
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > start) paragraphs.push({ start, end, text: text.slice(start, end), index: paragraphs.length });
  };
  for (const match of allMatches(PARAGRAPH_BREAK, text)) {
    pushParagraph(cursor, match.index);
    cursor = match.index + match[0].length;
  }
  pushParagraph(cursor, text.length);

  const sentences: Sentence[] = [];
  for (const paragraph of paragraphs) {
    for (const [start, end] of splitSentences(text, paragraph.start, paragraph.end)) {
      sentences.push({ start, end, text: text.slice(start, end), index: sentences.length, paragraph: paragraph.index });
    }
  }
  return { paragraphs, sentences };
}

/** Sentence boundaries inside one paragraph, as [start, end) pairs. */
function splitSentences(text: string, from: number, to: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = from;
  // "NEUNKIRCHEN/HANNOVER Seit Montag …", "BERLIN (dpa) – Die …": a capitals dateline names the office, not the sentence's places.
  const dateline = CAPS_DATELINE.exec(text.slice(from, to));
  if (dateline) {
    spans.push([from, from + dateline[1]!.length]);
    start = from + dateline[0].length;
  }
  let depth = 0; // parentheses: a list in brackets never ends a sentence
  const close = (end: number, next: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) spans.push([s, e]);
    start = next;
  };
  for (let i = start; i < to; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (ch === '\n') {
      if (depth === 0 && lineBreakEndsSentence(text, i, from, to)) close(i, i + 1);
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    if (depth > 0) continue;
    // Swallow closing quotes and brackets that belong to the sentence.
    let j = i + 1;
    while (j < to && /[“”"'’»«)\]]/.test(text[j] ?? '')) j++;
    if (j < to && !/\s/.test(text[j] ?? '')) continue; // "4.0", "a.D.", "www.mainz.de"
    if (ch === '.' && !dotEndsSentence(text, i, from, to, j)) continue;
    close(j, j);
  }
  close(to, to);
  return spans;
}

function lineBreakEndsSentence(text: string, at: number, from: number, to: number): boolean {
  let p = at - 1;
  while (p >= from && (text[p] === ' ' || text[p] === '\t' || text[p] === '\r')) p--;
  const before = text[p] ?? '';
  let n = at + 1;
  while (n < to && /[ \t\r]/.test(text[n] ?? '')) n++;
  const after = text[n] ?? '';
  // A line that stops on a comma, colon, hyphen or conjunction continues on the next one.
  if (/[,;:(\-–/&]/.test(before)) return false;
  if (/\s(und|oder|sowie|and|or|der|die|das|den|dem|des|the|of|mit|von|zu|in)$/i.test(text.slice(Math.max(from, p - 8), p + 1))) {
    return false;
  }
  // A lower-case start is the rest of a sentence that the layout broke.
  if (/\p{Ll}/u.test(after)) return false;
  return true;
}

function dotEndsSentence(text: string, at: number, from: number, to: number, next: number): boolean {
  // The word before the dot.
  let w = at;
  while (w > from && /[\p{L}\p{N}.]/u.test(text[w - 1] ?? '')) w--;
  const word = text.slice(w, at);
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower) || ABBREVIATIONS.has(lower.replace(/\.$/, ''))) {
    // "… im Sep. 2015" goes on; an abbreviation followed by a capitalised word may end a sentence
    // but in press releases it rarely does ("Prof. Dr. Uwe").
    return false;
  }
  if (/^\p{L}$/u.test(word)) return false; // initials: "J. Schmidt"
  if (/\p{L}\.\p{L}/u.test(word)) return false; // "a.D", "z.B"
  // Ordinals and dates: "3. Plenarversammlung", "24. April", "20.07.22." — a number then a dot
  // followed by a word in lower case or a month name or a digit does not end the sentence.
  if (/^\d{1,2}$/.test(word) || /^\d{1,2}\.\d{1,2}\.?\d{0,4}$/.test(word)) {
    let n = next;
    while (n < to && /\s/.test(text[n] ?? '')) n++;
    const rest = text.slice(n, n + 12);
    if (/^\p{Lu}/u.test(rest) && !/^\d{1,2}\.\d{1,2}\./.test(word)) return false; // "3. Plenarversammlung"
    if (/^\d/.test(rest)) return false;
    if (/^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(word)) {
      // A full date at a sentence end ("am 20.07.22.") ends the sentence only before a capital.
      return /^\p{Lu}/u.test(rest);
    }
  }
  let n = next;
  while (n < to && /\s/.test(text[n] ?? '')) n++;
  const following = text[n] ?? '';
  // The next sentence starts with a capital, a digit, a quote or a bracket.
  return n >= to || /[\p{Lu}\p{N}„“"'(»«‚]/u.test(following);
}

/** The sentence containing offset `at`, or undefined. */
export function sentenceAt(sentences: readonly Sentence[], at: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
