/**
 * Sentences that report no event although they look like it: every wrong event ever seen becomes a
 * row. Each row says why it must not parse.
 */
export const EVENT_NEGATIVE_CASES: Array<{ text: string; language?: 'de' | 'en'; why: string }> = [
  { text: 'Die Industriestädteallianz organisiert Delegationsreisen und eine jährliche Plenarversammlung.', why: 'a habit of the alliance is no event' },
  { text: 'Über die Aufnahme neuer Städte entscheidet in der Regel die Plenarversammlung der Industriestädteallianz.', why: 'a rule is no event' },
  { text: 'Für die Teilnahme an den Jahrestreffen der Industriestädteallianz fallen Reisekosten an.', why: 'a plural speaks of a series' },
  { text: 'Die nächste Plenarversammlung der Industriestädteallianz soll in China stattfinden.', why: 'a planned assembly without a date says nothing checkable' },
  { text: 'Die Stadt Ulm lud zur Pressekonferenz über die Industriestädteallianz ein.', why: 'a press conference is no conference of the alliance' },
  { text: 'Ulm – Zwölf Schülerinnen waren im Sommer 2022 zu Gast in Wuxi.', why: 'pupils abroad are no visit of the city: no delegation, no official' },
  { text: 'During the visit, the Wuhu delegation also met representatives of Mainz.', language: 'en', why: 'a city met on a visit is neither where the delegation is from nor where it went' },
  { text: 'A 10-member delegation from Wuhan is expected in spring.', language: 'en', why: 'a visit still to come without a date' },
];
