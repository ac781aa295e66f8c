/**
 * Everything parsers share about one document, computed once: segmentation, dates, alliance
 * mentions, city mentions and the document's own city. Parsers read it; nobody mutates it.
 */
import type { PartialDate } from '../core/claim.ts';
import type { ExtractionContext } from './extraction-context.ts';
import type { Gazetteer } from './gazetteer/gazetteer-types.ts';
import { segmentText, sentenceAt, type Paragraph, type Sentence } from './text/segment-text.ts';
import { findDates, type DateMention } from './dates/find-dates.ts';
import { findOrganisations, type OrganisationMention } from './organisations/find-organisations.ts';
import { ORGANISATION_ALIASES, type OrganisationAliases } from './organisations/organisation-aliases.ts';
import { findCityMentions, type CityMention } from './places/find-cities.ts';
import { findMainCity } from './places/find-main-city.ts';
import { detectLanguage } from './detect-language.ts';

export interface AnalysedDocument {
  text: string;
  language: 'de' | 'en';
  /** Publication date from the context: `readDocument`'s one cascade already read the text's date line. */
  published: PartialDate | null;
  gazetteer: Gazetteer;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  dates: DateMention[];
  organisations: OrganisationMention[];
  cities: CityMention[];
  /** Provinces and Länder named (misspelt ones where a designator marks them): parties and places, not cities. */
  admin1Mentions: CityMention[];
  /** Names that are also common words or person names ("Hagen"), found outside any enumeration. */
  weakCities: CityMention[];
  /** The city the release is by or about (dateline, "die Stadt X", most mentioned), if any. */
  mainCity: CityMention | null;
  /**
   * A finder's result for this document, computed on first use and shared by every parser and
   * refiner that asks for the same finder (lines, count phrases, membership mentions).
   */
  shared<T>(finder: (doc: AnalysedDocument) => T): T;
}

export interface AnalyseOptions {
  /** Alliances to recognise. @defaultValue ORGANISATION_ALIASES */
  aliases?: readonly OrganisationAliases[];
}

/** Analyse `text` once for all parsers. */
export function analyseDocument(text: string, context: ExtractionContext, options: AnalyseOptions = {}): AnalysedDocument {
  const language = context.language === 'en' || context.language === 'de' ? context.language : detectLanguage(text);
  const published = context.published;
  const { paragraphs, sentences } = segmentText(text);
  const { cities, weak, admin1 } = findCityMentions(text, context.gazetteer);
  const memo = new Map<(doc: AnalysedDocument) => unknown, unknown>();
  const doc: AnalysedDocument = {
    text,
    language,
    published,
    gazetteer: context.gazetteer,
    paragraphs,
    sentences,
    dates: findDates(text, published),
    organisations: findOrganisations(text, options.aliases ?? ORGANISATION_ALIASES),
    cities,
    admin1Mentions: admin1,
    weakCities: weak,
    mainCity: null,
    shared<T>(finder: (doc: AnalysedDocument) => T): T {
      if (!memo.has(finder)) memo.set(finder, finder(doc));
      return memo.get(finder) as T;
    },
  };
  doc.mainCity = findMainCity(doc);
  return doc;
}

/** Items whose span lies inside [start, end). */
export function within<T extends { start: number; end: number }>(items: readonly T[], start: number, end: number): T[] {
  return items.filter((i) => i.start >= start && i.end <= end);
}

/** The sentence around an offset. */
export function sentenceOf(doc: AnalysedDocument, at: number): Sentence | undefined {
  return sentenceAt(doc.sentences, at);
}

/** The paragraph a sentence belongs to. */
export function paragraphOf(doc: AnalysedDocument, sentence: Sentence): Paragraph {
  return doc.paragraphs[sentence.paragraph]!;
}
