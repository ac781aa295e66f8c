/**
 * Sentences in texts about the alliance whose numbers are not member counts: every wrong
 * member count ever seen becomes a row. Each is extracted with the alliance named in the
 * sentence before, so only the count rules keep them out.
 */
export const MEMBER_COUNT_NEGATIVE_CASES: string[] = [
  'Düsseldorf beherbergt etwa 100 ausländische Konsulate und über 600 chinesische Unternehmen.',
  'Die Stadt mit 8 Mio. Einwohnern wird häufig als Werkbank der Welt bezeichnet.',
  '3 Min. Lesezeit',
  'Rund 150 Teilnehmende aus 412 Betrieben kamen zum Chinaforum.',
  'Die Hannover Messe zählte in diesem Jahr rund 6.500 Aussteller aus 70 Ländern.',
  'During the programme, nearly 30 German companies presented their products and about 600 enterprises registered.',
  'A 12-member delegation from Jieyang visited the German towns of Kelsterbach and Raunheim.',
  'Der Kreis bringt seine acht kreisangehörigen Städte und Gemeinden in das Netzwerk ein.',
  'Von der Allianz versprechen sich die drei Städte neue Ansiedlungen.',
  'Exchanges between the two cities include schools and universities.',
  'The forum welcomed delegations from eleven German member cities.',
  'Freiburg pflegt Partnerschaften mit neun Städten weltweit.',
  'Die 14-köpfige Delegation besuchte sechs Pforzheimer Unternehmen.',
  'Die Vereinbarung hat eine Laufzeit von fünf Jahren.',
  'Mehr als 20 Kooperationen zwischen Hochschulen beider Städte sind entstanden.',
  'Nach Gießen und Marburg ist Wetzlar die dritte mittelhessische Kommune im Netzwerk.',
  'Der Gemeinderat stimmte mit 28 Ja-Stimmen bei drei Enthaltungen zu.',
  'Für Reisekosten sind im Haushalt 2020 jährlich 12.000 Euro vorgesehen.',
  'Die Stadt ist seit 1919 Sitz der Kunstschule.',
  'Die Zahl der Beschäftigten ist auf 4.000 gestiegen.',
  'The number of visitors has risen to 3,000.',
  'Die Zahl der Städte mit Wasserstoffprojekten liegt bei 12 Prozent.',
  'Die drei Städte sind sich einig: Die Zusammenarbeit soll wachsen.',
  'Ein Dutzend Unternehmen stellte aus.',
  'Seit 2008 ist die Stadt Teil des Netzwerks der Lutherstädte, dem 16 Städte in vier Ländern angehören.',
  'The town also belongs to the League of Historical Cities, which unites 110 cities in 60 countries.',
  'Im Verbund der Hansestädte sind heute rund 190 Städte aus 16 Ländern vertreten.',
  'Neben Jena wurden zwei andere Städte in die Allianz aufgenommen.',
  'Two other new members were admitted at the same session: Zibo and Wuxi.',
  // Who attended, travelled or exhibited: no membership, even with a member noun or a list after a colon.
  'An der Plenarsitzung nahmen Vertreter von 20 Mitgliedsstädten teil: Bochum, Ulm, Erfurt und Hagen.',
  'Als Gäste waren vier Städte dabei: Osnabrück, Ulm, Erfurt und Hagen.',
  'The delegation of 12 members visited three cities: Foshan, Wuhu and Weihai.',
  'Participants came from 20 member cities, including Bochum, Ulm and Wuhu.',
  'Auf dem Gemeinschaftsstand präsentierten sich 12 Aussteller aus sechs Mitgliedsstädten.',
  'Exhibitors from eight member cities, namely Bochum, Ulm, Wuhu and Foshan, showed their products.',
];
