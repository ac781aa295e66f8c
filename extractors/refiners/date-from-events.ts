/**
 * An admission without a date of its own ("Bei der Versammlung wurden … aufgenommen", "The
 * plenary admitted …", "Weihai and Dezhou joined the alliance" in a report on a plenary that
 * admitted new members) happened at the assembly the document dates elsewhere: the joined
 * event takes the date of the document's one dated plenary or conference when its sentence or
 * the one before refers to an assembly, or the assembly's own sentence reports admissions.
 * Marked as implied.
 */
import type { Claim, EventClaim } from '../../core/claim.ts';
import type { Refiner } from '../parser.ts';
import { sentenceOf } from '../analyse-document.ts';

const ASSEMBLY = /(?<![\p{L}])(?:Versammlung\p{L}*|Plenar\p{L}*|Jahrestreffen\p{L}*|Sitzung|Konferenz|Forum|plenary|assembly|meeting|forum|conference|summit)(?![\p{L}])/iu;
const ADMISSIONS = /(?<![\p{L}])(?:aufgenommen|neue\s+Mitglieder|admitted|new\s+members|welcomed|begrüßte)(?![\p{L}])/iu;

export const dateFromEvents: Refiner = {
  name: 'date-from-events',
  refine(claims, doc) {
    const dated = (type: string) => claims.filter((c): c is EventClaim => c.kind === 'event' && c.type === type && c.date !== null && c.date.length === 10);
    const plenaries = dated('plenary');
    const assemblies = plenaries.length ? plenaries : dated('conference');
    if (new Set(assemblies.map((p) => p.date)).size !== 1) return claims;
    const assembly = assemblies[0]!;
    const assemblyAdmits = ADMISSIONS.test(assembly.evidence.quote);
    return claims.map((claim): Claim => {
      if (claim.kind !== 'membership_event' || claim.event !== 'joined' || claim.date !== null) return claim;
      const sentence = sentenceOf(doc, claim.evidence.start);
      if (!sentence) return claim;
      const previous = doc.sentences[sentence.index - 1];
      const context = sentence.text + (previous && previous.paragraph === sentence.paragraph ? ` ${previous.text}` : '');
      if (!ASSEMBLY.test(context) && !assemblyAdmits) return claim;
      return { ...claim, date: assembly.date, provenance: { rule: claim.provenance?.rule ?? 'membership', implied: [...(claim.provenance?.implied ?? []), 'date'] } };
    });
  },
};
