/**
 * Runs of places that are no member lists, each in a text that names the alliance and its
 * membership in the sentence before: itineraries, partnerships, events, intentions, departures,
 * places joined as one network, places governed by a preposition. Every wrong list the place-run
 * fallback ever produced becomes a row.
 */
export const PLACE_RUN_NEGATIVE_CASES: Array<{ text: string; language: 'de' | 'en' }> = [
  { text: 'Der Industriestädteallianz gehören 70 Mitglieder an. Die Delegation besuchte anschließend Foshan, Guiyang und Nanning.', language: 'de' },
  { text: 'Der Industriestädteallianz gehören 70 Mitglieder an. Die Reise der Mitglieder führte nach Shanghai, Suzhou, Wuxi und Ningbo.', language: 'de' },
  { text: 'The Industrial Cities Alliance has 70 members. The members of the delegation toured Foshan, Guiyang and Nanning.', language: 'en' },
  { text: 'Die Stadt ist Mitglied der Industriestädteallianz. Ihre Partnerstädte sind Kassel, Jena und Weimar.', language: 'de' },
  { text: 'The city is a member of the Industrial Cities Alliance. Its sister cities are Ulm, Jena and Weimar.', language: 'en' },
  { text: 'Der Industriestädteallianz gehören 70 Städte an. Auf der Messe sind Bochum, Herne und Hamm vertreten.', language: 'de' },
  { text: 'The Industrial Cities Alliance counts 70 members. Ulm, Jena and Erfurt were represented at the trade fair.', language: 'en' },
  { text: 'Die Industriestädteallianz tagt im Herbst. Danach geht es weiter nach Bochum, Herne und Hamm.', language: 'de' },
  { text: 'Die Industriestädteallianz wächst. Bochum, Herne und Hamm wollen Mitglied werden.', language: 'de' },
  { text: 'The Industrial Cities Alliance keeps growing. Ulm, Jena and Erfurt plan to join as well.', language: 'en' },
  { text: 'Die Industriestädteallianz hat neue Mitglieder. Bochum und Herne sind dagegen ausgetreten.', language: 'de' },
  { text: 'Die Industriestädteallianz wurde 2016 gegründet. Bochum, Herne und Hamm sind als Städtenetzwerk „Ruhr-Mitte“ Mitglied.', language: 'de' },
  { text: 'Die Industriestädteallianz hat 70 Mitglieder, darunter viele Unternehmen in Foshan, Guiyang und Nanning.', language: 'de' },
  { text: 'The Industrial Cities Alliance has 70 members. Trade between Ulm, Foshan and Nanning has doubled.', language: 'en' },
  { text: 'Die Industriestädteallianz zählt 70 Mitglieder. Die Strecke zwischen Bochum, Herne und Hamm wird ausgebaut.', language: 'de' },
  { text: 'Der Industriestädteallianz gehören 70 Städte an. Bochum, Herne und Hamm liegen im Ruhrgebiet.', language: 'de' },
  { text: 'Die Industriestädteallianz zählt 70 Mitglieder. Neben Bochum haben die Städte Herne und Hamm ihre Reise nach Foshan abgesagt.', language: 'de' },
  // Joined as one member: a city with another city's company, or "gemeinsam als Mitglied".
  { text: 'Bochum und die Herne Stadtmarketing GmbH sind der Industriestädteallianz im Mai 2018 gemeinsam als Mitglied beigetreten.', language: 'de' },
  { text: 'Ulm und die Neu-Ulm Messe und Tourismus GmbH sind der Industriestädteallianz beigetreten.', language: 'de' },
  { text: 'Herne und Hamm sind der Industriestädteallianz gemeinsam als ein Mitglied beigetreten.', language: 'de' },
  { text: 'Ulm and Jena joined the Industrial Cities Alliance jointly as one member in May.', language: 'en' },
  // Delegations, participants, guests and exhibitors, listed after a count or a colon.
  { text: 'Die Industriestädteallianz tagte in Foshan. An der Plenarsitzung nahmen Vertreter von 20 Mitgliedsstädten teil: Bochum, Ulm, Erfurt und Hagen.', language: 'de' },
  { text: 'Die Industriestädteallianz tagte in Foshan. Als Gäste waren vier Städte dabei: Osnabrück, Ulm, Erfurt und Hagen.', language: 'de' },
  { text: 'The Industrial Cities Alliance met in Foshan. The delegation of 12 members visited three cities: Foshan, Wuhu and Weihai.', language: 'en' },
  { text: 'The Industrial Cities Alliance met in Foshan. Participants came from 20 member cities, including Bochum, Ulm and Wuhu.', language: 'en' },
  { text: 'Auf dem Stand der Industriestädteallianz präsentierten sich 12 Aussteller aus sechs Städten: Bochum, Ulm, Erfurt und Hagen.', language: 'de' },
  { text: 'Die Industriestädteallianz hat 20 Mitglieder. Zur Messe reisten Vertreter aus acht Städten, nämlich Bochum, Ulm, Erfurt und Hagen.', language: 'de' },
  { text: 'The Industrial Cities Alliance has 20 members. Exhibitors from eight cities, namely Bochum, Ulm, Wuhu and Foshan, showed products.', language: 'en' },
  // Companies in member towns, and names after a count of visitors.
  { text: 'Zur Industriestädteallianz zählen Unternehmen aus Aachen, Bochum und Ulm.', language: 'de' },
  { text: 'Die Industriestädteallianz vereint Firmen in Aachen, Bochum und Ulm.', language: 'de' },
  { text: 'Die Industriestädteallianz empfing 40 Besucher. Das sind Vertreter aus Aachen, Bochum und Ulm.', language: 'de' },
  { text: 'Die Mitglieder der Industriestädteallianz trafen sich in Bochum. Aus China: Delegationen aus Foshan, Wuhu und Weihai.', language: 'de' },
  // Slashes between a town and its landscape are one place, and partners are no members.
  { text: 'Die Industriestädteallianz hat 20 Mitglieder. Die Partnerstädte sind Bochum/Herne/Hagen.', language: 'de' },
];
