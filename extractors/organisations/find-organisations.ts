/**
 * Every mention of a known alliance in a text, resolved to its canonical subject: full names
 * in all inflections and known misspellings, abbreviations (also in compounds like
 * "ISA-Mitgliedsstädte"), short forms and "die Allianz" / "das Netzwerk" / "the alliance"
 * once an alliance was named before.
 */
import { ANAPHOR_NOUNS, type OrganisationAliases } from './organisation-aliases.ts';
import { allMatches } from '../text/all-matches.ts';

export type OrganisationForm = 'name' | 'abbreviation' | 'short' | 'anaphor';

export interface OrganisationMention {
  start: number;
  end: number;
  raw: string;
  subject: string;
  form: OrganisationForm;
}

interface Candidate {
  start: number;
  end: number;
  raw: string;
  subject: string | null;
  form: OrganisationForm;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ARTICLES = '(?:die|der|den|dem|des|das|diese|dieser|diesem|dieses|zur|zum|im|ins|beim|vom|the|this|its)';

// "die Allianz Versicherung", "das Netzwerk „Drei gewinnt“" name something else.
// Attributes may stand between article and noun: "der 2016 gegründeten Allianz", "the newly founded alliance".
const ANAPHOR = new RegExp(`(?<![\\p{L}])${ARTICLES}\\s+(?:(?:\\d{4}|[\\p{Ll}]+(?:e|en|er|es|em|ly|ed))\\s+){0,3}(${ANAPHOR_NOUNS.join('|')})(?![\\p{L}])(?!\\s+(?:SE|AG|Versicherung\\p{L}*|Arena|Global|Trade|Stadium|Leben|für|for|of)(?![\\p{L}])|\\s*[„“"«])`, 'giu');

interface AliasPattern {
  subject: string;
  form: Exclude<OrganisationForm, 'anaphor'>;
  pattern: RegExp;
}

// Compiled once per alias table (the default one, or a test's), not on every document.
const COMPILED = new WeakMap<readonly OrganisationAliases[], AliasPattern[]>();

function patternsOf(aliases: readonly OrganisationAliases[]): AliasPattern[] {
  let patterns = COMPILED.get(aliases);
  if (!patterns) {
    patterns = aliases.flatMap((alias) => [
      ...alias.names.map((source) => ({ subject: alias.subject, form: 'name' as const, pattern: new RegExp(`(?<![\\p{L}])${source}(?![\\p{L}])`, 'giu') })),
      ...alias.abbreviations.map((abbreviation) => ({ subject: alias.subject, form: 'abbreviation' as const, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(abbreviation)}(?![\\p{L}\\p{N}])`, 'gu') })),
      ...alias.shortForms.map((source) => ({ subject: alias.subject, form: 'short' as const, pattern: new RegExp(`(?<![\\p{L}])${source}(?![\\p{L}])`, 'giu') })),
    ]);
    COMPILED.set(aliases, patterns);
  }
  return patterns;
}

/** Find organisation mentions in text order; anaphors only resolve after a named mention. */
export function findOrganisations(text: string, aliases: readonly OrganisationAliases[]): OrganisationMention[] {
  const candidates: Candidate[] = [];
  for (const { subject, form, pattern } of patternsOf(aliases)) {
    for (const m of allMatches(pattern, text)) {
      // A short form names this alliance only after it was named in full.
      candidates.push({ start: m.index, end: m.index + m[0].length, raw: m[0], subject: form === 'short' ? `?${subject}` : subject, form });
    }
  }
  for (const m of allMatches(ANAPHOR, text)) {
    const nounStart = m.index + m[0].length - m[1]!.length;
    // "des Netzwerks der Lutherstädte", "the League of Historic Towns": a network named by its members is another one.
    if (/^\s+(?:der|des|of\s+(?:the\s+)?)\s*\p{Lu}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
    candidates.push({ start: nounStart, end: m.index + m[0].length, raw: m[1]!, subject: null, form: 'anaphor' });
  }

  // Longest match wins where forms overlap ("Chinesisch-Deutsche Industriestädteallianz" over "Industriestädteallianz").
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) continue;
    kept.push(c);
  }

  const mentions: OrganisationMention[] = [];
  const named = new Set<string>();
  let lastSubject: string | null = null;
  for (const c of kept) {
    let subject = c.subject;
    if (c.form === 'short') subject = named.has(subject!.slice(1)) ? subject!.slice(1) : null;
    else if (c.form === 'anaphor') subject = lastSubject;
    if (subject === null) continue;
    if (c.form === 'name' || c.form === 'abbreviation') named.add(subject);
    lastSubject = subject;
    mentions.push({ start: c.start, end: c.end, raw: c.raw, subject, form: c.form });
  }
  return mentions;
}
