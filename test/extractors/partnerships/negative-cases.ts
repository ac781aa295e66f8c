/**
 * Sentences and blocks that name a partnership that does not exist (yet): relations examined,
 * prepared, sought or drafted, partnerships between two German cities, networks and headings
 * over no partners. Every wrong partnership ever produced becomes a row.
 */
export const PARTNERSHIP_NEGATIVE_CASES: Array<{ text: string; language: 'de' | 'en' }> = [
  { text: 'Stadt Jena\n\nGespräche gab es mit Wuhu, mit dem Jena eine Städtepartnerschaft prüft.', language: 'de' },
  { text: 'Pressemitteilung der Stadt Bochum\n\nDie Verwaltung soll prüfen, ob mit der Stadt Zibo eine Städtepartnerschaft möglich ist.', language: 'de' },
  { text: 'Pressemitteilung der Stadt Bochum\n\nDer Ausschuss empfiehlt, mit der Mitgliedsstadt Wuxi eine Kooperationsvereinbarung vorzubereiten.', language: 'de' },
  { text: 'Press release of the City of Ulm\n\nUlm is exploring a sister-city relationship with Wuxi.', language: 'en' },
  { text: 'Press release of the City of Ulm\n\nThe council will consider a draft friendship city agreement with Zibo next month.', language: 'en' },
  { text: 'Stadt Jena\n\nPartnerstädte\n\nErlangen (Bayern) – seit 1987\nBerlin – seit 1990', language: 'de' },
  { text: 'Stadt Jena\n\nNetzwerke und Mitgliedschaften\n\n• Industriestädteallianz mit Wuxi und Zibo, seit 2017', language: 'de' },
  { text: 'Pressemitteilung der Stadt Herne\n\nDie Stadt strebt eine Freundschaftsstadt in China an; Gespräche mit Yantai laufen.', language: 'de' },
  // Planned, examined or suspended relations are events, never partnerships.
  { text: 'Stadt Erfurt\n\nDer Freistaat Thüringen und die Provinz Hunan wollen vielleicht im Herbst eine Absichtserklärung unterzeichnen.', language: 'de' },
  { text: 'Stadt Würzburg\n\nDie Partnerschaft zwischen Würzburg und Suzhou ruht seit dem vergangenen Jahr.', language: 'de' },
  { text: 'City of Kassel\n\nThe sister-city relationship between Kassel and Wuhan was suspended in 2021.', language: 'en' },
  { text: 'Stadt Trier\n\nXiamen interessierte sich damals für eine Städtepartnerschaft irgendwo in Rheinland-Pfalz.', language: 'de' },
  // Projects signed are no agreement between the cities named earlier.
  { text: 'Stadt Hagen\n\nHagen empfing eine Delegation aus Changzhou.\n\nZwölf Kooperationsprojekte wurden während des Forums unterzeichnet.', language: 'de' },
  // A province one lives in is no party: "in der Provinz" governs it.
  { text: 'Stadt Gera\n\nDie Stadt Zibo in der Provinz Shandong besuchte Gera.', language: 'de' },
];
