/**
 * Whether a preposition governs a city mention ("in Foshan", "von der Provinzhauptstadt
 * Zhengzhou", "mit den Wirtschaftsförderungen von Düsseldorf"): such a city is an object or a
 * place, never the subject that joins, partners or has attributes.
 */
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from './find-cities.ts';

const PREPOSITION = '(?:in|im|nach|aus|auf|bei|beim|von|vom|zu|zur|zum|mit|neben|für|über|gegenüber|zwischen|nahe|um|of|from|to|at|with|for|near|between|into|across|under|visited|besuchte|besuchten|besucht|towards)';
// An article, or a possessive ("in Germany's Ruhr area", "in south China's Guangdong").
const LEAD = "(?:der|dem|den|des|die|das|the|a|an|einer|einem|eines|(?:(?:south|north|east|west|central|southwest|southeast|northwest|northeast)\\s+)?\\p{Lu}\\p{L}+['’]s)?";
const MODIFIERS = '(?:\\s*[\\p{Ll}][\\p{L}-]*(?:e|en|er|es|em|an|ese|ian))?';
const CITY_NOUN = '(?:\\s*(?:Provinz|Partnerprovinz|Bundesland|Freistaat|province|state|Stadt|Provinzhauptstadt|Hauptstadt|Landeshauptstadt|Metropole|Partnerstadt|Freundschaftsstadt|Region|Bezirk|Stadtbezirk|Kreis|Landkreis|city|town|capital|provincial\\s+capital|district|metropolis|German\\s+towns?|German\\s+cities)(?:\\s+of)?)?';
const GOVERNED = new RegExp(`(?:^|[\\s(])${PREPOSITION}\\s+${LEAD}${MODIFIERS}${CITY_NOUN}\\s*$`, 'iu');

/** True when a preposition (with article, adjective and a city noun) stands right before `city`. */
export function isGoverned(doc: Pick<AnalysedDocument, 'text'>, city: CityMention, floor = 0): boolean {
  const window = doc.text.slice(Math.max(floor, city.start - 60), city.start);
  // "the German city of Zwickau" names the city; only a preposition before that phrase governs it.
  const naming = NAMING_OF.exec(window);
  return GOVERNED.test(naming ? window.slice(0, naming.index) : window);
}

const NAMING_OF = /(?:the|a)\s+(?:[\p{L}-]+\s+)?(?:city|town|cities|towns|district|municipality|county)\s+of\s+$/iu;
