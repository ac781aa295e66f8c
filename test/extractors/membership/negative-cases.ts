/**
 * Sentences that must yield no membership event: every wrong one ever seen becomes a row here
 * (chrono's negative_cases). Our own sentences, never a corpus's.
 */
export const MEMBERSHIP_NEGATIVE_CASES: Array<{ text: string; why: string }> = [
  { text: 'Die Industriestädteallianz traf sich in Hannover. Der Bürgermeister von Krefeld ist Teil der Delegation.', why: 'part of a delegation, not of the alliance' },
  { text: 'Die Industriestädteallianz tagte im Mai. Krefeld ist Mitglied im Städtetag.', why: 'a member of another body next to the cue' },
  { text: 'The Industrial Cities Alliance met in May. Krefeld is a member of the regional tourism board.', why: 'a member of another body' },
  { text: 'Zur Industriestädteallianz gehört ein Internetportal, zu dem auch Krefeld Beiträge liefert.', why: 'a portal, not the alliance, before "zu dem"' },
];
