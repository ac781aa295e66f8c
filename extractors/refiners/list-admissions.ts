/**
 * "The plenary admitted three new Chinese member cities: Maoming, Yantai and Zibo" — a list of
 * newly admitted members is one `joined` event per member, dated like the list.
 */
import type { Claim, MembershipEventClaim } from '../../core/claim.ts';
import type { Refiner } from '../parser.ts';
import { sentenceDate } from '../parser.ts';
import { sentenceOf } from '../analyse-document.ts';

/** Words that say the members named with them were admitted. */
export const ADMISSION = /(?<![\p{L}])(?:aufgenommen|beigetreten|nahm|nahmen|nimmt|begrüßte|begrüßt|admitted|joined|welcomed|welcomes|neu\s+dabei|neu\s+(?:in\s+(?:der|dem|den)|im)\s+\p{L}+|new\s+to\s+the|newcomers?|neuen?\s+(?:\p{L}+\s+)?Mitglied\p{L}*|new\s+(?:\p{L}+\s+)?members?)(?![\p{L}])/iu;

export const listAdmissions: Refiner = {
  name: 'list-admissions',
  refine(claims, doc) {
    const events: MembershipEventClaim[] = [];
    for (const claim of claims) {
      if (claim.kind !== 'member_list' || claim.scope !== 'event') continue;
      const sentence = sentenceOf(doc, claim.evidence.start);
      if (!sentence || !ADMISSION.test(sentence.text)) continue;
      const date = sentenceDate(doc, sentence, claim.evidence.start, { allowSince: true });
      for (const member of claim.members) {
        events.push({
          kind: 'membership_event', subject: claim.subject, city: member.name, event: 'joined', date: date?.value ?? null,
          evidence: claim.evidence, provenance: { rule: 'membership/joined/admitted-list' },
        });
      }
    }
    return [...claims, ...events] as Claim[];
  },
};
