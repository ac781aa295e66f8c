/**
 * An admission without a date of its own ("Bei der Versammlung wurden … aufgenommen", "The
 * plenary admitted …") happened at the assembly the document dates elsewhere: the joined event
 * takes the date of the document's one plenary event when its sentence or the one before
 * refers to an assembly. Marked as implied.
 */
import type { Claim, EventClaim } from '../claim.ts';
import type { Refiner } from '../parser.ts';
import { sentenceOf } from '../analyse-document.ts';

const ASSEMBLY = /(?<![\p{L}])(?:Versammlung\p{L}*|Plenar\p{L}*|Jahrestreffen\p{L}*|Sitzung|plenary|assembly|meeting|annual\s+meeting)(?![\p{L}])/iu;

export const dateFromEvents: Refiner = {
  name: 'date-from-events',
  refine(claims, doc) {
    const plenaries = claims.filter((c): c is EventClaim => c.kind === 'event' && c.type === 'plenary' && c.date !== null && c.date.length === 10);
    const dates = new Set(plenaries.map((p) => p.date));
    if (dates.size !== 1) return claims;
    const date = plenaries[0]!.date;
    return claims.map((claim): Claim => {
      if (claim.kind !== 'membership_event' || claim.event !== 'joined' || claim.date !== null) return claim;
      const sentence = sentenceOf(doc, claim.evidence.start);
      if (!sentence) return claim;
      const previous = doc.sentences[sentence.index - 1];
      const context = sentence.text + (previous && previous.paragraph === sentence.paragraph ? ` ${previous.text}` : '');
      if (!ASSEMBLY.test(context)) return claim;
      return { ...claim, date, provenance: { rule: claim.provenance?.rule ?? 'membership', implied: [...(claim.provenance?.implied ?? []), 'date'] } };
    });
  },
};
