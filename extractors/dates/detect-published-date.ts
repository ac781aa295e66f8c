/**
 * Publication date of a plain-text press release, when nothing else gives it: a date alone on
 * a line near the top ("4. November 2019"), a dateline ("Mainz, 4. November 2019 –"), or
 * "Pressemitteilung vom …" / "Published on …". The parse stage prefers structured metadata;
 * this is the last step of that cascade.
 */
import type { PartialDate } from '../claim.ts';
import { findDates } from './find-dates.ts';

// How far into the text a release date line may stand.
const HEAD_LINES = 15;
const HEAD_CHARS = 1200;

const LABEL = /^(?:stand|datum|date|veröffentlicht(?:\s+am)?|published(?:\s+on)?|erschienen(?:\s+am)?|pressemitteilung(?:\s+vom)?|press release(?:\s+of)?|aktualisiert(?:\s+am)?|updated(?:\s+on)?)\s*:?\s*/i;

/** Date the text itself gives as its publication date, or null. Day or month precision only. */
export function detectPublishedDate(text: string): PartialDate | null {
  const head = text.slice(0, HEAD_CHARS);
  let lines = 0;
  for (const line of head.split('\n')) {
    if (!line.trim()) continue;
    if (++lines > HEAD_LINES) break;
    const dates = findDates(line, null).filter((d) => d.value && !d.relative && d.precision !== 'year');
    const first = dates[0];
    if (!first) continue;
    const rest = (line.slice(0, first.start) + line.slice(first.end)).trim();
    // The line holds the date and nothing but a label, a place or punctuation around it.
    const stripped = rest.replace(LABEL, '').replace(/^[\p{Lu}][\p{L}.\- ]{1,40},\s*/u, '').replace(/^[\s,.:–—|-]+|[\s,.:–—|-]+$/g, '');
    if (stripped === '' || (first.start < 40 && /^[\p{Lu}][\p{L}\- ]{1,40},?$/u.test(line.slice(0, first.start).trim()) && /^\s*[–—-]/.test(line.slice(first.end)))) {
      return first.value;
    }
  }
  const labelled = /(?:pressemitteilung|presseinformation|press release|veröffentlicht|published)\s+(?:vom|am|on|of)\s+/i.exec(head);
  if (labelled) {
    const after = findDates(head.slice(labelled.index + labelled[0].length, labelled.index + labelled[0].length + 40), null)[0];
    if (after && after.start === 0 && after.value && after.precision !== 'year') return after.value;
  }
  return null;
}
