/**
 * The city a noun phrase without a name refers back to ("Die Stadt mit …", "Der Landkreis …",
 * "die drittgrößte Stadt Sachsen-Anhalts" opening a sentence): rules shared by the attribute readers.
 */
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import type { Sentence } from '../text/segment-text.ts';
import { isGoverned } from '../places/governed.ts';

/** The latest subject city of the country before `sentence`, else the document's own city of that country. */
export function antecedentOfCountry(doc: AnalysedDocument, sentence: Sentence, country: 'DE' | 'CN'): CityMention | null {
  const earlier = doc.cities.filter((c) => c.end <= sentence.start && c.start >= sentence.start - 1500 && c.country === country && !isGoverned(doc, c));
  return earlier.at(-1) ?? (doc.mainCity?.country === country ? doc.mainCity : null);
}

/**
 * The city "Die Stadt" / "Der Stadtbezirk" / "Die ostchinesische Metropole" refers back to: the
 * latest city that was a subject (no preposition governs it) of a sentence before.
 */
export function antecedent(doc: AnalysedDocument, sentence: Sentence, noun: string, phrase: string, exclude: ReadonlySet<string> = new Set()): CityMention | null {
  // "Der Landkreis mit seinen … Einwohnern", "Für den Kreis …": the Kreis the release is by, else the Kreis talked about last.
  if (/^(?:Land)?kreis$/iu.test(noun)) {
    const own = doc.mainCity;
    if (own && own.place.type === 'district') return own;
    return doc.cities.filter((c) => c.end <= sentence.start && c.start >= sentence.start - 1500 && c.place.type === 'district').at(-1) ?? null;
  }
  const wantDistrict = /bezirk|district/iu.test(noun);
  const country = /chines|chinese/iu.test(phrase) ? 'CN' : /deutsch|german/iu.test(phrase) ? 'DE' : null;
  const earlier = doc.cities.filter((c) => c.end <= sentence.start && c.start >= sentence.start - 1500 && (wantDistrict || !isGoverned(doc, c)) && !exclude.has(c.name));
  // "Die Stadt mit …" opening a paragraph after one naming the release's city beside others means the release's city.
  const own = doc.mainCity;
  const opensParagraph = doc.sentences[sentence.index - 1]?.paragraph !== sentence.paragraph;
  const previousParagraph = doc.paragraphs[sentence.paragraph - 1];
  if (opensParagraph && own && !wantDistrict && !exclude.has(own.name) && previousParagraph && (!country || own.country === country)
    && earlier.some((c) => c.name === own.name && c.start >= previousParagraph.start)) return own;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const c = earlier[i]!;
    if (wantDistrict && c.place.type !== 'city_district') continue;
    // "im Osten des Ruhrgebiets" names a region, which "die Stadt" does not refer to.
    if (!wantDistrict && c.place.type === 'region') continue;
    if (country && c.country !== country) continue;
    return c;
  }
  // "Der Rat von Esslingen stimmte zu. Die Große Kreisstadt …": no free subject before, so the document's own city.
  return own && !wantDistrict && !exclude.has(own.name) && (!country || own.country === country) && own.start < sentence.start ? own : null;
}
