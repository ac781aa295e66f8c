/**
 * Turns per-page PDF text into clean paragraphs: drops running headers and footers (press-office
 * blocks, page numbers) found at the edges of most pages, joins sentences cut by a page break,
 * re-joins words hyphenated at a line end, and rebuilds paragraphs from line lengths.
 * Pure and deterministic: the same pages always give the same text.
 */

export interface CleanPdfText {
  paragraphs: string[];
  /** Lines of page 1 after header/footer removal, for the date line and the title. */
  firstPageLines: string[];
  /** Distinct lines removed as running headers/footers, in first-seen order. */
  removed: string[];
}

const PAGE_NUMBER =
  /^(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:seite|page|s\.)\s*\d{1,4}(?:\s*(?:von|of|\/|aus)\s*\d{1,4})?|\d{1,4}\s*(?:\/|von|of)\s*\d{1,4}|\d{1,4}|\[\s*\d{1,4}\s*\])$/i;
/** How many lines at each page edge may belong to a running header or footer. */
const EDGE_ZONE = 15;
const TERMINAL = /[.!?:;…]["“”»«’)\]]*$/;
/** Words that follow a hyphen without joining it: "Handels- und Investitionsfragen". */
const CONJUNCTIONS = new Set(['und', 'oder', 'bzw', 'bzw.', 'sowie', 'bis', 'als', 'wie', 'noch', 'and', 'or', 'to', 'nor']);

function normaliseLine(line: string): string {
  return line.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Identity of a line for repetition: case, digits and spacing do not matter ("Seite 2" = "Seite 3"). */
function lineKey(line: string): string {
  return line.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Strips running headers/footers from the top and bottom of each page; returns the kept lines per page. */
export function stripRunningLines(pages: readonly string[][]): { pages: string[][]; removed: string[] } {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const zone = new Set([...lines.slice(0, EDGE_ZONE), ...lines.slice(-EDGE_ZONE)].map(lineKey));
    for (const key of zone) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length * 0.6));
  const repeated = (line: string): boolean => pages.length >= 2 && (counts.get(lineKey(line)) ?? 0) >= needed;
  const furniture = (line: string): boolean => repeated(line) || PAGE_NUMBER.test(line);
  const removed: string[] = [];
  const note = (line: string): void => {
    if (!removed.includes(line)) removed.push(line);
  };
  const kept = pages.map((lines) => {
    let start = 0;
    let end = lines.length;
    while (start < end && furniture(lines[start] ?? '')) note(lines[start++] ?? '');
    while (end > start && furniture(lines[end - 1] ?? '')) note(lines[--end] ?? '');
    return lines.slice(start, end);
  });
  return { pages: kept, removed };
}

/** The length of a full line: the 80th percentile of lines long enough to be prose. */
function typicalLineLength(lines: readonly string[]): number {
  const lengths = lines.map((l) => l.length).filter((n) => n >= 20).sort((a, b) => a - b);
  if (lengths.length === 0) return 80;
  return lengths[Math.floor(lengths.length * 0.8)] ?? lengths[lengths.length - 1] ?? 80;
}

const startsLower = (line: string): boolean => /^[a-zäöüß]/.test(line);
const startsUpper = (line: string): boolean => /^[A-ZÄÖÜ0-9„"“(]/.test(line);

/**
 * Joins two lines of one paragraph: a word hyphenated at the line end is re-joined when both
 * parts are lower-case ("Zusammen-" + "arbeit"), a compound keeps its hyphen ("Rhein-" + "Main"),
 * a dangling hyphen before a conjunction keeps its space ("Handels-" + "und").
 */
export function joinLines(a: string, b: string): string {
  const hyphen = /([\p{L}])-$/u.exec(a);
  if (hyphen && !/--$/.test(a)) {
    const firstWord = b.split(' ')[0]?.toLowerCase() ?? '';
    if (CONJUNCTIONS.has(firstWord)) return `${a} ${b}`;
    if (startsLower(b) && /[a-zäöüß]/.test(hyphen[1] ?? '')) return a.slice(0, -1) + b;
    return a + b;
  }
  return `${a} ${b}`;
}

type Gap = 'line' | 'page' | 'blank';

/**
 * Decides whether the gap between two lines ends a paragraph. `alone` says that `a` started its
 * paragraph, which is what tells a heading ("(rap) Dezernentin will Chancen nutzen") from the
 * short last line of a sentence cut by the page break ("… Industriestädteallianz standen").
 */
function endsParagraph(a: string, b: string, gap: Gap, full: number, alone: boolean): boolean {
  if (gap === 'blank') return true;
  // A hyphen, dash, comma or opening bracket at the end always continues on the next line.
  if (/[-–—,(„"“]$/.test(a) || /[-–—]$/.test(a)) return false;
  const terminal = TERMINAL.test(a);
  if (terminal) {
    if (gap === 'page') return true;
    return a.length < full * 0.8 || (!startsLower(b) && a.length < full * 0.9);
  }
  if (startsLower(b) || !startsUpper(b)) return false;
  // No full stop before a capital: a heading, date line or address line if it stands alone and
  // stops short of the margin; otherwise a sentence that runs on (German nouns are capitalised).
  if (alone) return a.length < full * 0.75;
  return gap === 'line' && a.length < full * 0.5;
}

/**
 * Cleans the text of a PDF given page by page (as pdf-parse returns it). Blank lines inside a
 * page, when the text layer has them, are taken as paragraph breaks.
 */
export function cleanPdfPages(pageTexts: readonly string[]): CleanPdfText {
  const rawPages = pageTexts.map((text) => text.replace(/\r\n?/g, '\n').split('\n').map(normaliseLine));
  // Blank lines are kept as '' markers but must not count as page edges.
  const nonBlank = rawPages.map((lines) => lines.filter((l) => l !== ''));
  const { pages, removed } = stripRunningLines(nonBlank);
  // Re-insert paragraph markers from the raw text, within the kept range of each page.
  const withBlanks = rawPages.map((lines, index) => {
    const kept = pages[index] ?? [];
    const first = kept[0];
    const last = kept[kept.length - 1];
    if (first === undefined || last === undefined) return [];
    const from = lines.indexOf(first);
    const to = lines.lastIndexOf(last);
    return lines.slice(from, to + 1).filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''));
  });
  const full = typicalLineLength(pages.flat());
  const paragraphs: string[] = [];
  let current = '';
  let previous: string | null = null;
  let gap: Gap = 'line';
  for (const lines of withBlanks) {
    for (const line of lines) {
      if (line === '') {
        gap = 'blank';
        continue;
      }
      if (previous === null || current === '') {
        current = line;
      } else if (endsParagraph(previous, line, gap, full, current === previous)) {
        paragraphs.push(current);
        current = line;
      } else {
        current = joinLines(current, line);
      }
      previous = line;
      gap = 'line';
    }
    if (lines.length > 0) gap = gap === 'blank' ? 'blank' : 'page';
  }
  if (current !== '') paragraphs.push(current);
  return { paragraphs, firstPageLines: pages[0] ?? [], removed };
}
