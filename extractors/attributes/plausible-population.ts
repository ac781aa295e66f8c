/**
 * Whether a population can be a place's own, judged by the gazetteer's figure where it has one:
 * "Die Stadt hat drei Millionen Einwohner" after a release by a German town of 60 000 is about the
 * partner city, not the town. Metropolitan figures ("im Großraum") may run to several times the
 * city's own, a dated or rounded one a little below it; places without a figure accept any value.
 */
import type { Place } from '../gazetteer/gazetteer-types.ts';

// How far a stated population may lie from the gazetteer's: below a quarter or above five times it is another place's.
const LOWEST_RATIO = 0.25;
const HIGHEST_RATIO = 5;

export function isPlausiblePopulation(place: Pick<Place, 'population' | 'type'>, value: number): boolean {
  // A province's or Land's population is never given to it through a city rule.
  if (place.type === 'province' || place.type === 'state') return false;
  const known = place.population;
  if (!known) return true;
  return value >= known * LOWEST_RATIO && value <= known * HIGHEST_RATIO;
}
