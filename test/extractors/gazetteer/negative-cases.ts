/**
 * Text that must NOT yield a strong place mention for `name` (a common word, a person, a part of
 * a longer word). Every wrong match ever seen becomes a row here.
 */
export interface NegativeCase {
  text: string;
  /** Surface form that must not come back as a non-weak mention. */
  name: string;
  why: string;
}

export const negativeCases: NegativeCase[] = [
  { text: 'Die Essenz des Projekts ist die Zusammenarbeit.', name: 'Essen', why: 'inside a longer word' },
  { text: 'Nach dem Essen ging es weiter.', name: 'Essen', why: 'German noun' },
  { text: 'Das Essen wurde im Rathaus serviert.', name: 'Essen', why: 'German noun' },
  { text: 'wir essen gemeinsam zu Abend', name: 'essen', why: 'lower case verb' },
  { text: 'Ich bin sicher, so Ute Berg, Dezernentin für Wirtschaft.', name: 'Berg', why: 'person name' },
  { text: 'Geschenkübergabe mit Regierungschef Herrn LIANG Weidong im Rathaus', name: 'Weidong', why: 'Chinese given name' },
  { text: 'Gespräch mit Zhang Weidong über Investitionen', name: 'Weidong', why: 'Chinese given name after a family name' },
  { text: 'Sprecher Weidong Zhang erläuterte die Pläne.', name: 'Weidong', why: 'Chinese given name before a family name' },
  { text: 'Der Wald hinter dem Gewerbegebiet bleibt erhalten.', name: 'Wald', why: 'German noun' },
  { text: 'Die Lage am Fluss ist ideal für Logistik.', name: 'Lage', why: 'German noun' },
  { text: 'Im Hof des Rathauses fand der Empfang statt.', name: 'Hof', why: 'German noun' },
  { text: 'Weil die Stadt wächst, braucht sie Flächen.', name: 'Weil', why: 'conjunction at sentence start' },
  { text: 'Dazu besuchten die Dezernentin und ihre Kollegin zwei Metropolen.', name: 'Dazu', why: 'German adverb at sentence start' },
  { text: 'Das Wetter war hervorragend.', name: 'Wetter', why: 'German noun' },
  { text: 'Wissen ist der wichtigste Rohstoff der Region.', name: 'Wissen', why: 'German noun' },
  { text: 'Die Stelle wurde neu besetzt.', name: 'Stelle', why: 'German noun' },
  { text: 'Regen und Wind bestimmten den Tag.', name: 'Regen', why: 'German noun' },
  { text: 'Die Halle war bis auf den letzten Platz gefüllt.', name: 'Halle', why: 'German noun' },
  { text: 'Norden und Süden des Landes profitieren.', name: 'Norden', why: 'compass direction' },
  { text: 'Singen und Tanzen gehörten zum Programm.', name: 'Singen', why: 'verb as noun' },
  { text: 'Die Gäste hatten viel Zeit. Hatten sie genug?', name: 'Hatten', why: 'verb at sentence start' },
  { text: 'Oberbürgermeister Thomas Berger begrüßte die Delegation.', name: 'Berger', why: 'surname, not an inflection of Berg' },
  { text: 'Mark Zuckerberg was not there.', name: 'Mark', why: 'English first name' },
  { text: 'The Train left at noon.', name: 'Train', why: 'English noun' },
  { text: 'Made in China 2025 meets deutsche Industrie 4.0', name: 'Industrie', why: 'German noun' },
  { text: 'Friedhelm Ost, Staatssekretär a.D.', name: 'Ost', why: 'person name' },
  { text: 'Die Tagung fand im Haus der Wirtschaft statt.', name: 'Haus', why: 'German noun' },
  { text: 'Die Urkunden wurden am Gemeinschaftsstand in Halle 11 überreicht.', name: 'Halle', why: 'numbered exhibition hall' },
  { text: 'Empfang in Halle 4, Stand C12', name: 'Halle', why: 'numbered exhibition hall' },
  { text: 'Das Spiel gegen Hannover 96 war ausverkauft.', name: 'Hannover', why: 'football club' },
  { text: 'Am Rande der Hannover Messe nahm die Allianz die Stadt auf.', name: 'Hannover', why: 'a fair named after its city' },
  { text: 'The delegation landed at Leipzig Airport on Monday.', name: 'Leipzig', why: 'an airport named after its city' },
];
