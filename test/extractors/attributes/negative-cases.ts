/**
 * Sentences that state no attribute of a city although they look like it: every wrong city
 * attribute ever seen becomes a row. Each row says why it must not parse.
 */
export const CITY_ATTRIBUTE_NEGATIVE_CASES: Array<{ text: string; language?: 'de' | 'en'; why: string }> = [
  { text: 'Der größte Arbeitgeber in Ingolstadt beschäftigt rund 44.000 Menschen.', why: 'employees are no population' },
  { text: 'Allein am Flughafen Frankfurt arbeiten 80.000 Menschen.', why: 'workers are no population' },
  { text: 'Die Bevölkerung von Jena ist 2019 gewachsen.', why: 'a year is no population' },
  { text: 'Zur Messe in Hannover kamen 200.000 Menschen.', why: 'visitors are no population' },
  { text: 'In Dortmund leben 20 Menschen aus Wuhan.', why: 'a handful of people is no population' },
  { text: 'Die Delegation aus Weifang bestand aus 25 Menschen.', why: 'a delegation is no population' },
  { text: 'Das Werk in Changzhou hat 3.000 Beschäftigte.', why: 'staff are no inhabitants' },
  { text: 'Ulm hat 3 Millionen Euro investiert.', why: 'money is no population' },
  { text: 'In Erfurt wohnen Studierende aus 90 Ländern.', why: 'countries are no inhabitants' },
  { text: 'The Shenzhen fair drew 1.2 million people from abroad.', language: 'en', why: 'fair visitors are no population' },
  { text: 'In der Stadt Foshan trafen sich 300 Menschen.', why: 'a meeting is no population' },
  { text: 'Das Werk steht in Schwerte, der Stadt im Kreis Unna.', why: 'a Kreis is no Land' },
  { text: 'In Jena arbeiten mehr Menschen in der Optik als in jeder anderen Stadt Thüringens.', why: 'a comparison places nothing' },
  { text: 'Die Messe in Ulm zählte 300 Aussteller. In Jena sind es 200.', why: 'an elliptic number after no population counts whatever the sentence before counted' },
  { text: 'Die Delegation reiste in die Provinz Guangdong, im Süden Chinas.', why: 'a region after a province without a verb is the province\'s apposition, no city is placed' },
  { text: 'Ulm pflegt Kontakte nach Qingdao. Die Provinz Shandong hat 100 Millionen Einwohner.', why: 'a province\'s population is no city\'s' },
  { text: 'Die Provinz Anhui mit 60 Millionen Einwohnern lud Ulm ein.', why: 'a population attached to a province is the province\'s' },
  { text: 'Ulm besuchte die Provinz Anhui, die 60 Millionen Einwohner hat.', why: 'a relative clause after a province is about the province' },
  { text: 'Ulm pflegt Kontakte nach Qingdao. China hat 1,4 Milliarden Einwohner.', why: 'a country\'s population is no city\'s' },
  { text: 'Ulm pflegt Kontakte nach Qingdao. Rund 200 Menschen leben hier vom Tourismus.', why: 'a few people living somewhere are no population' },
  { text: 'Ulm signed with Qingdao. More than 2 million visitors came to the city.', language: 'en', why: 'visitors to the city talked about are no population' },
  { text: 'Ulm signed with Qingdao. Anhui province has a population of 60 million.', language: 'en', why: 'a province\'s population is no city\'s' },
];
