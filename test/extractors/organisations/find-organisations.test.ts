import { describe, expect, it } from 'vitest';
import { findOrganisations } from '../../../extractors/organisations/find-organisations.ts';
import { ORGANISATION_ALIASES, type OrganisationAliases } from '../../../extractors/organisations/organisation-aliases.ts';

const subjects = (text: string, aliases: readonly OrganisationAliases[] = ORGANISATION_ALIASES) => findOrganisations(text, aliases).map((m) => [m.raw, m.subject]);

describe('findOrganisations', () => {
  it.each([
    'Chinesisch-Deutsche Industriestädteallianz',
    'der Chinesisch-Deutschen Industriestädteallianz',
    'Deutsch-chinesische Industriestädteaallianz',
    'Deutsch-Chinesischer Industriestädteallianz',
    'Industriestädte-Allianz',
    'Industriestädteallianz',
    'the Sino-German Industrial Cities Alliance',
    'China-Germany Industrial Cities Alliance',
    'German-Chinese Industrial Cities Alliance',
    'Industrie-Städte-Allianz',
    'the Sino-German Alliance of Industrial Cities',
  ])('resolves %j to ISA', (text) => {
    expect(subjects(text).map(([, s]) => s)).toEqual(['ISA']);
  });

  it('finds the abbreviation alone and in compounds, case-sensitively', () => {
    expect(subjects('Die ISA-Mitgliedsstädte und die ISA.')).toEqual([['ISA', 'ISA'], ['ISA', 'ISA']]);
    expect(subjects('Die Isar fließt. Visa.')).toEqual([]);
  });

  it('resolves "die Allianz", "das Netzwerk", short forms only after a named mention', () => {
    expect(subjects('Die Allianz wächst. Das Netzwerk auch.')).toEqual([]);
    expect(subjects('Die ISA wurde 2016 gegründet. Die Allianz wächst, das Netzwerk auch. Die Industrieallianz tagt.').map(([raw]) => raw)).toEqual(['ISA', 'Allianz', 'Netzwerk', 'Industrieallianz']);
  });

  it('resolves an anaphor with attributes between article and noun', () => {
    expect(subjects('Die ISA tagte. Der 2017 erweiterten Allianz gehören 30 Städte an; the newly enlarged alliance meets again.').map(([raw]) => raw)).toEqual(['ISA', 'Allianz', 'alliance']);
  });

  it('takes other alliances from the data', () => {
    const aliases: OrganisationAliases[] = [...ORGANISATION_ALIASES, { subject: 'EUROCITIES', names: ['eurocities'], abbreviations: [], shortForms: [] }];
    expect(subjects('Köln ist Mitglied von Eurocities. Das Netzwerk tagt.', aliases)).toEqual([['Eurocities', 'EUROCITIES'], ['Netzwerk', 'EUROCITIES']]);
  });
});
