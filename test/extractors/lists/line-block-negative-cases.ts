/**
 * Blocks of lines and text tables that are no member rosters: partner cities, boards of people,
 * itineraries, networks the city belongs to, prose after a heading. Every wrong roster the
 * line-block and table readers ever produced becomes a row.
 */
export const LINE_BLOCK_NEGATIVE_CASES: Array<{ text: string; language: 'de' | 'en' }> = [
  { text: 'Die Stadt ist Mitglied der Industriestädteallianz.\n\nPartnerstädte\n\nKassel (Hessen) – seit 1972\nJena (Thüringen) – seit 1990\nWeimar – seit 1994', language: 'de' },
  { text: 'Die Industriestädteallianz hat einen Vorstand.\n\nMitglieder des Vorstands\n\nDr. Anna Becker\nPeter Lindner\nSusanne Kraus', language: 'de' },
  { text: 'The Industrial Cities Alliance met in May.\n\nDelegation members visited\n\nFoshan\nGuiyang\nNanning', language: 'en' },
  { text: 'Die Stadt ist Mitglied der Industriestädteallianz.\n\nNetzwerke und Mitgliedschaften\n\n• Klima-Bündnis, seit 1993\n• Deutscher Städtetag', language: 'de' },
  { text: 'The Industrial Cities Alliance grows.\n\nNew members\n\nThe plenary admitted three cities from Shandong and one from Hesse this year.', language: 'en' },
  { text: 'Die Stadt ist Mitglied der Industriestädteallianz.\n\nStädtepartnerschaften\n\nStadt | Land | seit\nKassel | Hessen | 1972\nJena | Thüringen | 1990', language: 'de' },
  { text: 'Die Industriestädteallianz lädt ein.\n\nReiseprogramm der Mitglieder\n\nTag | Stadt\nMontag | Foshan\nDienstag | Guiyang\nMittwoch | Nanning', language: 'de' },
  // Several names a line under a heading about other rosters, or cells that are no towns.
  { text: 'Die Industriestädteallianz lädt ein.\n\nDelegation der Mitglieder\n\nAachen          Bottrop          Chemnitz\nDuisburg        Eisenach         Emden', language: 'de' },
  { text: 'Die Industriestädteallianz tagt.\n\nMitglieder des Vorstands\n\nAnna Schmidt    Bernd Meier     Clara Wolf\nDieter Roth     Eva Lang        Frank Kuhn', language: 'de' },
];
