/**
 * The city a municipal press release speaks for: a dateline ("Mainz – …", "Köln (ots) –"),
 * "die Stadt X" / "Landeshauptstadt X" / "the city of X", the title, and plain frequency all
 * vote. Used to resolve "die Stadt" in "die Stadt beabsichtigt, … beizutreten".
 */
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from './find-cities.ts';

const DATELINE_AFTER = /^\s*(?:\([^)]{1,20}\)\s*)?(?:,\s*[^–—\n]{0,40})?\s*[–—-]\s/u;
const TITLE_BEFORE = /(?:Stadt|Landeshauptstadt|Hansestadt|Bundesstadt|Universitätsstadt|Oberbürgermeister(?:in)?(?:\s+der\s+Stadt)?|Bürgermeister(?:in)?\s+der\s+Stadt|city\s+of|City\s+of|Mayor\s+of)\s+$/u;

// "Pressemitteilung der Stadt Schweinfurt", "Stadtverwaltung Kaiserslautern – Pressestelle": the page's publisher at its top.
const PUBLISHER_BEFORE = /^\s*(?:Pressemitteilung|Presseinformation|Pressemeldung|Medieninformation|Press\s+release|Stadtverwaltung|Stadt|Rathaus|City\s+of)\s+(?:(?:der|des|from\s+the|of\s+the)\s+)?(?:(?:Stadt|Landeshauptstadt|Kreisstadt|City\s+of)\s+)?$/u;
const DATE_AFTER = /^(?:\/[\p{L}-]+)?,\s*(?:den\s+)?\d{1,2}\./u;

/** The first line that reads like a headline: several words, no date, no label. */
function headlineSpan(text: string): { start: number; end: number } | null {
  let offset = 0;
  for (const line of text.slice(0, 2000).split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const words = line.trim().split(/\s+/u).filter(Boolean);
    if (words.length < 3 || /\d{1,2}\.\d{1,2}\.\d{2,4}|\b(?:19|20)\d{2}\b/u.test(line) || /^(?:Pressemitteilung|Presseinformation|Press release|Source|Quelle)\b/iu.test(line.trim())) continue;
    return { start, end: start + line.length };
  }
  return null;
}

/** The document's own city, or null when no city stands out. */
export function findMainCity(doc: Pick<AnalysedDocument, 'text' | 'cities' | 'paragraphs'>): CityMention | null {
  const score = new Map<string, { votes: number; first: CityMention }>();
  const vote = (c: CityMention, n: number) => {
    const entry = score.get(c.name) ?? { votes: 0, first: c };
    entry.votes += n;
    score.set(c.name, entry);
  };
  const firstParagraph = doc.paragraphs[0];
  const headline = headlineSpan(doc.text);
  const headlineCity = headline ? doc.cities.find((c) => c.start >= headline.start && c.end <= headline.end) : undefined;
  if (headlineCity) vote(headlineCity, 3);
  for (const c of doc.cities) {
    vote(c, 1);
    if (TITLE_BEFORE.test(doc.text.slice(Math.max(0, c.start - 40), c.start))) vote(c, 2);
    // A dateline: the city opens a line and a dash or a date follows; "Neuss/Grevenbroich" names the office, not the subject.
    const lineStart = doc.text.lastIndexOf('\n', c.start - 1) + 1;
    // "Merseburg (Sachsen-Anhalt) – seit 1990" is a line of a partner list, no dateline.
    const listLine = /^[^\n]{0,40}[–—-]\s*(?:seit|since|ab)\s/iu.test(doc.text.slice(c.end, c.end + 60));
    if (doc.text.slice(lineStart, c.start).trim() === '' && !listLine && (DATELINE_AFTER.test(doc.text.slice(c.end, c.end + 60)) || DATE_AFTER.test(doc.text.slice(c.end, c.end + 40)))) {
      vote(c, /^\s*\//u.test(doc.text.slice(c.end, c.end + 2)) || /\/\s*$/u.test(doc.text.slice(lineStart, c.start)) ? 2 : 5);
    }
    if (firstParagraph && c.start < firstParagraph.end && c.country === 'DE') vote(c, 1);
    // The publisher outweighs a partner city the release is about and names in its headline.
    if (c.start < 300 && PUBLISHER_BEFORE.test(doc.text.slice(lineStart, c.start))) vote(c, 10);
  }
  let best: { votes: number; first: CityMention } | null = null;
  for (const entry of score.values()) if (!best || entry.votes > best.votes) best = entry;
  return best && best.votes >= 2 ? best.first : null;
}
