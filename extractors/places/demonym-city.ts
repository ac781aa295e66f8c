/**
 * The city a German demonym adjective names: "Ingolstädter", "Lahrer", "Göttinger", "Bottroper",
 * "Foshaner". German forms them from the city's name with -er (an umlaut may appear, a final -en
 * falls away), so the city is found by undoing those steps and asking the gazetteer.
 */
import type { Gazetteer, Place } from '../gazetteer/gazetteer-types.ts';
import { chooseCity, isCityLike } from './find-cities.ts';

const UMLAUTS: Array<[RegExp, string]> = [[/ä/gu, 'a'], [/ö/gu, 'o'], [/ü/gu, 'u']];

/** The place a demonym ("Ingolstädter", any case ending: "Ingolstädtern") names, or null. */
export function demonymCity(gazetteer: Gazetteer, written: string): Place | null {
  const stem = /^(?<stem>\p{Lu}[\p{L}-]{2,})er(?:n|s)?$/u.exec(written)?.groups?.['stem'];
  if (!stem) return null;
  const bases = [stem, `${stem}en`, ...UMLAUTS.map(([umlaut, vowel]) => stem.replace(umlaut, vowel)).filter((s) => s !== stem)];
  for (const base of bases) {
    const place = chooseCity(gazetteer.byName(base).filter(isCityLike));
    if (place) return place;
  }
  return null;
}
