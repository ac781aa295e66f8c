/**
 * The note a regional partnership carries when one side is a group of towns ("regional-group:
 * Nürnberg, Erlangen, Fürth"): the reconciler reads it as the region around the first town. Its
 * own module, so the reconciler reads it without loading the partnership parser.
 */
export const REGIONAL_GROUP_NOTE = 'regional-group';
