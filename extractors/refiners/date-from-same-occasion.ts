/**
 * An admission that points back to one the text dated ("Four other newcomers were admitted at
 * the same session", "Am selben Tag wurden …", "Gemeinsam mit Zwickau wurden vier weitere
 * Mitglieder aufgenommen", in its sentence or the one before) happened on that date: an undated
 * joined event takes the date of the latest dated joined event before it, or of the city it was
 * admitted together with. Marked as implied.
 */
import type { Claim, MembershipEventClaim } from '../../core/claim.ts';
import type { Refiner } from '../parser.ts';
import { sentenceOf } from '../analyse-document.ts';

const SAME_OCCASION = /(?<![\p{L}])(?:(?:at|on|during)\s+the\s+same\s+(?:day|session|meeting|plenary|assembly|occasion|ceremony)|am\s+(?:selben|gleichen)\s+Tag|(?:in|bei|auf)\s+(?:derselben|der\s+gleichen|der\s+selben)\s+(?:Sitzung|Versammlung|Plenarversammlung|Veranstaltung)|ebenfalls\s+(?:aufgenommen|admitted))(?![\p{L}])/iu;
const TOGETHER = /(?<![\p{L}])(?:[Gg]emeinsam\s+mit|[Zz]usammen\s+mit|[Tt]ogether\s+with|[Aa]long\s+with|[Aa]longside)\s+(?:(?:der|dem|the)\s+)?(?:(?:Stadt|city\s+of)\s+)?([\p{Lu}][\p{L}'’-]+)/u;

export const dateFromSameOccasion: Refiner = {
  name: 'date-from-same-occasion',
  refine(claims, doc) {
    const joined = claims.filter((c): c is MembershipEventClaim => c.kind === 'membership_event' && c.event === 'joined');
    if (!joined.some((c) => c.date === null)) return claims;
    return claims.map((claim): Claim => {
      if (claim.kind !== 'membership_event' || claim.event !== 'joined' || claim.date !== null) return claim;
      const sentence = sentenceOf(doc, claim.evidence.start);
      if (!sentence) return claim;
      const previous = doc.sentences[sentence.index - 1];
      const context = [sentence, ...(previous && previous.paragraph === sentence.paragraph ? [previous] : [])];
      // The city named after "gemeinsam mit", as the gazetteer read it.
      const together = context.flatMap((s) => {
        const m = TOGETHER.exec(s.text);
        const at = m ? s.start + m.index + m[0].length - m[1]!.length : -1;
        return [...doc.cities, ...doc.weakCities].filter((c) => c.start === at).map((c) => c.name);
      })[0];
      const partner = together ? joined.find((c) => c.date !== null && c.city === together && c.city !== claim.city) : undefined;
      const earlier = context.some((s) => SAME_OCCASION.test(s.text))
        ? joined.filter((c) => c.date !== null && c.evidence.start < sentence.start).sort((a, b) => a.evidence.start - b.evidence.start).at(-1)
        : undefined;
      const source = partner ?? earlier;
      if (!source) return claim;
      return { ...claim, date: source.date, provenance: { rule: claim.provenance?.rule ?? 'membership', ...claim.provenance, implied: [...(claim.provenance?.implied ?? []), 'date'] } };
    });
  },
};
