/**
 * An event a release reports without any date ("Bei der vierten Plenarversammlung … nahm die
 * Allianz …", "Beim Besuch einer Delegation aus Yangzhou …") is news of the month it was published
 * in: it takes the publication month, marked as implied. Not where the sentence names a date it
 * could not resolve ("im vergangenen Herbst"), nor for an event still to come, nor for a founding
 * (a release recalls it, it does not report it).
 */
import type { Claim } from '../../core/claim.ts';
import { sentenceOf } from '../analyse-document.ts';
import { datesIn, type Refiner } from '../parser.ts';
import { eventAlternation } from '../events/event-vocabulary.ts';

const PLANNED = new RegExp(`(?<![\\p{L}])(?:${eventAlternation('planned')}|${eventAlternation('nextWords')})(?![\\p{L}])`, 'iu');
const REPORTED_TYPES = new Set(['plenary', 'conference', 'visit']);

export const eventDateFromPublication: Refiner = {
  name: 'event-date-from-publication',
  refine(claims, doc) {
    if (!doc.published || doc.published.length < 7) return claims;
    const month = doc.published.slice(0, 7);
    return claims.map((claim): Claim => {
      if (claim.kind !== 'event' || claim.date !== null || !REPORTED_TYPES.has(claim.type)) return claim;
      const sentence = sentenceOf(doc, claim.evidence.start);
      if (!sentence || PLANNED.test(sentence.text) || datesIn(doc, sentence).length > 0) return claim;
      return { ...claim, date: month, provenance: { rule: claim.provenance?.rule ?? 'event', implied: [...(claim.provenance?.implied ?? []), 'date'] } };
    });
  },
};
