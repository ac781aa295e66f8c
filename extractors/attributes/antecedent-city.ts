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
export function antecedent(doc: AnalysedDocument, sentence: Sentence, noun: string, phrase: string, exclude: ReadonlySet<string> = new Set(), accept: (city: CityMention) => boolean = () => true): CityMention | null {
  // "Der Landkreis mit seinen … Einwohnern", "Für den Kreis …": the Kreis the release is by, else the Kreis talked about last.
  if (/^(?:Land)?kreis$/iu.test(noun)) {
    const own = doc.mainCity;
    if (own && own.place.type === 'district') return own;
    return doc.cities.filter((c) => c.end <= sentence.start && c.start >= sentence.start - 1500 && c.place.type === 'district' && accept(c)).at(-1) ?? null;
  }
  const wantDistrict = /bezirk|district/iu.test(noun);
  const country = /chines|chinese/iu.test(phrase) ? 'CN' : /deutsch|german/iu.test(phrase) ? 'DE' : null;
  const recent = doc.cities.filter((c) => c.end <= sentence.start && c.start >= sentence.start - 1500 && !exclude.has(c.name));
  const fits = (c: CityMention) => (wantDistrict ? c.place.type === 'city_district' : c.place.type !== 'region') && (!country || c.country === country);
  // "Ulm pflegt Kontakte nach Hefei. Die Stadt hat acht Millionen Einwohner": where the gazetteer says the
  // city referred to cannot be meant, the latest city named that can be, subject or object.
  const judged = (c: CityMention | null): CityMention | null => (c === null || accept(c) ? c : [...recent].reverse().find((o) => fits(o) && accept(o)) ?? null);
  const earlier = recent.filter((c) => wantDistrict || !isGoverned(doc, c));
  // "Die Stadt mit …" opening a paragraph after one naming the release's city beside others means the release's city.
  const own = doc.mainCity;
  const opensParagraph = doc.sentences[sentence.index - 1]?.paragraph !== sentence.paragraph;
  const previousParagraph = doc.paragraphs[sentence.paragraph - 1];
  if (opensParagraph && own && !wantDistrict && !exclude.has(own.name) && previousParagraph && (!country || own.country === country)
    && earlier.some((c) => c.name === own.name && c.start >= previousParagraph.start)) return judged(own);
  // "im Osten des Ruhrgebiets" names a region, which "die Stadt" does not refer to.
  const latest = [...earlier].reverse().find(fits);
  if (latest) return judged(latest);
  // "Der Rat von Esslingen stimmte zu. Die Große Kreisstadt …": no free subject before, so the document's own city.
  return judged(own && !wantDistrict && !exclude.has(own.name) && (!country || own.country === country) && own.start < sentence.start ? own : null);
}
