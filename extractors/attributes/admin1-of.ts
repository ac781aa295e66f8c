/** Provinces and Länder as a text writes them, resolved through the gazetteer. */
import type { AnalysedDocument } from '../analyse-document.ts';

/**
 * An admin1 as written, trying shorter forms: "Guangdong Province", "North Rhine-Westphalia", "Guangxis".
 * `designated`: a designator ("Provinz", "province") marks it as one, so a misspelling ("Guandong") is resolved too.
 */
export function admin1Of(doc: AnalysedDocument, written: string, designated = false): { name: string; country: 'DE' | 'CN' } | null {
  const words = written.replace(/\s+(?:Province|province)$/u, '').split(/\s+/u);
  for (let n = words.length; n >= 1; n--) {
    const form = words.slice(0, n).join(' ');
    const found = doc.gazetteer.admin1(form) ?? (/s$/u.test(form) ? doc.gazetteer.admin1(form.slice(0, -1)) : null);
    if (found) return found;
  }
  const name = words.filter((w) => !/^(?:Provinz|Province|province)$/u.test(w));
  return designated && name.length === 1 ? (doc.gazetteer.admin1Fuzzy?.(name[0]!) ?? null) : null;
}

