/**
 * List shapes beyond brackets and running text: bullets one per line, semicolon lists whose
 * items carry appositions, partial lists, founders after a colon with provinces attached, and
 * member tables written one line per country.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const claims = (text: string, language: 'de' | 'en' = 'de', published: string | null = '2021-05-04') => extract(gazetteer, text, { published, language });
const lists = (text: string, language: 'de' | 'en' = 'de', published: string | null = '2021-05-04') =>
  ofKind(claims(text, language, published), 'member_list').map((l) => ({ country: l.country, scope: l.scope, statedCount: l.statedCount, members: l.members.map((m) => m.name) }));

describe('bulleted lists', () => {
  it('takes each bullet line as one member, commas inside a line included', () => {
    const text = 'The Sino-German Industrial Cities Alliance admitted five members.\n\nNew Chinese members:\n• Nansha District, Guangzhou (Guangdong Province)\n• Weihai (Shandong Province)\n\nNew German members:\n- Herne (North Rhine-Westphalia)\n- Rhein-Sieg-Kreis (North Rhine-Westphalia)\n- Erfurt (Thuringia)';
    expect(lists(text, 'en')).toEqual([
      { country: 'CN', scope: 'event', statedCount: null, members: ['Nansha', 'Weihai'] },
      { country: 'DE', scope: 'event', statedCount: null, members: ['Herne', 'Rhein-Sieg-Kreis', 'Erfurt'] },
    ]);
  });

  it('sizes a bulleted list by the count in the paragraph before it', () => {
    const text = 'Bei der Gründung der Industriestädteallianz waren acht deutsche Gründungsstädte dabei.\n\nDie deutschen Gründungsmitglieder sind:\n- Aachen\n- Köln\n- Wuppertal';
    expect(lists(text)).toEqual([{ country: 'DE', scope: 'founding', statedCount: 8, members: ['Aachen', 'Köln', 'Wuppertal'] }]);
  });
});

describe('lists with appositions and provinces', () => {
  it('splits at semicolons and drops appositions naming a capital', () => {
    const text = 'Die Industriestädteallianz wächst. Zu den deutschen Mitgliedern zählen unter anderem Ulm (Baden-Württemberg); Erfurt, die Landeshauptstadt von Thüringen; Bochum und Hagen in Nordrhein-Westfalen sowie die hessischen Städte Gießen und Wetzlar.';
    expect(lists(text)).toEqual([{ country: 'DE', scope: 'current', statedCount: null, members: ['Ulm', 'Erfurt', 'Bochum', 'Hagen', 'Gießen', 'Wetzlar'] }]);
  });

  it('gives a partial list no count even when the sentence before has one', () => {
    const text = 'Der Industriestädteallianz gehören 30 deutsche Städte an. Zu den deutschen Mitgliedern zählen unter anderem Köln, Bochum und Ulm.';
    expect(lists(text).map((l) => l.statedCount)).toEqual([null]);
  });

  it('reads founders after a colon whose items carry their provinces', () => {
    const text = 'Die Chinesisch-Deutsche Industriestädteallianz ist gegründet.\n\nAuf chinesischer Seite gehören fünf Städte zu den Gründern: Weifang und Yantai aus der Provinz Shandong, Wuhu (Anhui), Hefei und Bengbu (beide Anhui) sowie Wenzhou in der Provinz Zhejiang.';
    expect(lists(text)).toEqual([{ country: 'CN', scope: 'founding', statedCount: 5, members: ['Weifang', 'Yantai', 'Wuhu', 'Hefei', 'Bengbu', 'Wenzhou'] }]);
  });
});

describe('member tables, one line per country', () => {
  const page = 'Die Chinesisch-Deutsche Industriestädteallianz verbindet Industriestädte.\n\nUnsere Mitglieder\n\nDeutschland (4): Aachen, Bochum, Ulm, Erfurt\n\nChina (3): Foshan, Weihai, Bao’an (Shenzhen)\n\nKontakt: Telefon 0231 50-0';

  it('reads each line as a list sized by its bracket, and the bracket as a count', () => {
    const found = claims(page);
    expect(ofKind(found, 'member_list').map((l) => [l.country, l.statedCount, l.members.map((m) => m.name)])).toEqual([
      ['DE', 4, ['Aachen', 'Bochum', 'Ulm', 'Erfurt']],
      ['CN', 3, ['Foshan', 'Weihai', "Bao'an"]],
    ]);
    expect(ofKind(found, 'member_count').map((c) => [c.country, c.count, c.unit, c.scope])).toEqual([['DE', 4, 'members', 'current'], ['CN', 3, 'members', 'current']]);
  });

  it('takes the unit from the bracket and needs places of the labelled country', () => {
    const text = 'The Sino-German Industrial Cities Alliance at a glance.\n\nGermany (2 cities): Aachen, Bochum\n\nChina: market, suppliers, partners';
    expect(ofKind(claims(text, 'en'), 'member_count').map((c) => [c.country, c.count, c.unit])).toEqual([['DE', 2, 'cities']]);
    expect(lists(text, 'en').map((l) => l.country)).toEqual(['DE']);
  });

  it('needs an alliance on the page', () => {
    expect(lists('Partnerstädte\n\nChina (2): Foshan, Weihai')).toEqual([]);
  });
});

describe('admitted cities listed per country in running text', () => {
  it('splits an enumeration where a country noun phrase starts', () => {
    const de = 'Die Industriestädteallianz tagte in Foshan. Gemeinsam mit Ulm wurden Herne sowie die chinesischen Städte Weihai und Yantai neu in die Allianz aufgenommen.';
    expect(lists(de).filter((l) => l.country === 'CN')).toEqual([{ country: 'CN', scope: 'event', statedCount: null, members: ['Weihai', 'Yantai'] }]);
    const en = 'Erfurt was admitted to the Sino-German Industrial Cities Alliance, together with Herne in North Rhine-Westphalia and the Chinese cities of Weihai, Yantai and Zibo.';
    expect(lists(en, 'en').filter((l) => l.country === 'CN').map((l) => l.members)).toEqual([['Weihai', 'Yantai', 'Zibo']]);
  });
});

describe('current members named with a copula', () => {
  it('reads "sind bereits X, Y und Z dabei" and "X, Y and Z are already members"', () => {
    expect(lists('Der Industriestädteallianz gehören 50 Städte an. Aus dem Ruhrgebiet sind bereits Bochum, Herne und Hagen dabei.')).toEqual([
      { country: 'DE', scope: 'current', statedCount: null, members: ['Bochum', 'Herne', 'Hagen'] },
    ]);
    expect(lists('The Sino-German Industrial Cities Alliance keeps growing. In the region, Weihai, Yantai and Zibo are already members.', 'en').map((l) => l.members)).toEqual([['Weihai', 'Yantai', 'Zibo']]);
  });

  it('reads no list from cities taking part in an event', () => {
    expect(lists('Die Industriestädteallianz lädt zum Forum. Beim Forum sind auch Bochum und Herne dabei.')).toEqual([]);
  });
});

describe('lists as press releases write them after a count', () => {
  it('reads the list after the verb particle, a dash or "nämlich", and sizes it by the count', () => {
    expect(lists('Der Industriestädteallianz gehören zehn deutsche Städte an: Bochum, Ulm, Erfurt, Hagen, Kleve und Jena.')).toEqual([
      { country: 'DE', scope: 'current', statedCount: 10, members: ['Bochum', 'Ulm', 'Erfurt', 'Hagen', 'Kleve', 'Jena'] },
    ]);
    expect(lists('Der Industriestädteallianz gehören acht deutsche Städte an – Aachen, Bochum, Köln und Ulm.').map((l) => [l.statedCount, l.members])).toEqual([[8, ['Aachen', 'Bochum', 'Köln', 'Ulm']]]);
    expect(lists('Die Industriestädteallianz zählt zwölf deutsche Mitglieder, nämlich Hagen, Kleve sowie Jena.').map((l) => [l.statedCount, l.members])).toEqual([[12, ['Hagen', 'Kleve', 'Jena']]]);
  });

  it('keeps a province after each city, in brackets or behind a slash, out of the members', () => {
    expect(lists('Der Industriestädteallianz gehören 15 chinesische Städte an: Foshan (Provinz Guangdong), Wuhu (Provinz Anhui) und Yantai (Provinz Shandong).').map((l) => l.members)).toEqual([['Foshan', 'Wuhu', 'Yantai']]);
    expect(lists('Der Industriestädteallianz gehören 15 chinesische Städte an: Foshan/Guangdong, Wuhu/Anhui und Yantai/Shandong.').map((l) => l.members)).toEqual([['Foshan', 'Wuhu', 'Yantai']]);
  });

  it('splits one enumeration of both countries by the gazetteer and gives each side its count, misspelt names included', () => {
    const text = 'Der Industriestädteallianz gehören vier deutsche und drei chinesische Städte an: Bochum, Fohsan, Ulm, Wuhu, Erfrut, Weihai und Hagen.';
    expect(lists(text)).toEqual([
      { country: 'DE', scope: 'current', statedCount: 4, members: ['Bochum', 'Ulm', 'Erfurt', 'Hagen'] },
      { country: 'CN', scope: 'current', statedCount: 3, members: ['Foshan', 'Wuhu', 'Weihai'] },
    ]);
    expect(ofKind(claims(text), 'member_list').flatMap((l) => l.members.filter((m) => !m.resolved).map((m) => m.raw))).toEqual(['Erfrut', 'Fohsan']);
  });

  it('keeps examples after a count ("among them", "darunter") one list across countries, sized by nothing', () => {
    expect(lists('The Sino-German Industrial Cities Alliance comprises 12 German and 20 Chinese cities, including Aachen, Bochum, Foshan and Wuhu.', 'en')).toEqual([
      { country: null, scope: 'current', statedCount: null, members: ['Aachen', 'Bochum', 'Foshan', 'Wuhu'] },
    ]);
  });

  it('sizes a list a copula presents after its count, and a part of the count that names its cities after a colon', () => {
    const text = 'Eighteen cities signed the founding declaration of the Sino-German Industrial Cities Alliance. Seven of them are German: besides Aachen, they are Ulm, Erfurt and Jena. The eleven Chinese founding cities are Foshan, Wuhu, Weihai and Yantai.';
    expect(lists(text, 'en')).toEqual([
      { country: 'DE', scope: 'founding', statedCount: 7, members: ['Aachen', 'Ulm', 'Erfurt', 'Jena'] },
      { country: 'CN', scope: 'founding', statedCount: 11, members: ['Foshan', 'Wuhu', 'Weihai', 'Yantai'] },
    ]);
  });
});

describe('members written together', () => {
  it('splits towns joined by slashes, and keeps a town with its landscape or province whole', () => {
    expect(lists('Mitglieder der Industriestädteallianz sind Aachen, Rüsselsheim/Raunheim/Kelsterbach und Köln.').map((l) => l.members)).toEqual([['Aachen', 'Rüsselsheim', 'Raunheim', 'Kelsterbach', 'Köln']]);
    expect(lists('Mitglieder der Industriestädteallianz sind Aachen, Lahr/Schwarzwald und Köln.').map((l) => l.members)).toEqual([['Aachen', 'Lahr', 'Köln']]);
  });

  it('reads two towns glued by a missing comma as two members, whichever rule reads the list', () => {
    expect(lists('Mitglieder der Industriestädteallianz sind Bochum, Ulm Erfurt und Hagen.').map((l) => l.members)).toEqual([['Bochum', 'Ulm', 'Erfurt', 'Hagen']]);
    expect(lists('Die Industriestädteallianz nahm Bochum, Ulm Erfurt und Hagen auf.').map((l) => l.members)).toEqual([['Bochum', 'Ulm', 'Erfurt', 'Hagen']]);
    expect(lists('Der Industriestädteallianz gehören 20 Städte an. Aus Sachsen sind Chemnitz, Zwickau Leipzig und Dresden dabei.').map((l) => l.members)).toEqual([['Chemnitz', 'Zwickau', 'Leipzig', 'Dresden']]);
  });

  it('tells namesakes in a roster apart by its Land column', () => {
    const text = 'Die Chinesisch-Deutsche Industriestädteallianz stellt sich vor.\n\nDeutsche Mitglieder\n\nNr. Mitglied Bundesland Aufnahme\n1 Aachen Nordrhein-Westfalen 2016\n2 Neunkirchen Saarland 2019\n3 Ulm Baden-Württemberg 2018';
    expect(lists(text).map((l) => l.members)).toEqual([['Aachen', 'Neunkirchen', 'Ulm']]);
  });
});

describe('a count in one sentence, its names in the next', () => {
  it('sizes "Das sind …" / "These are …" by the count before, and gives "Dazu zählen …" no size', () => {
    expect(lists('Die Industriestädteallianz hat zwölf deutsche Mitglieder. Das sind Aachen, Bochum, Köln, Mainz, Ulm und Erfurt.')).toEqual([
      { country: 'DE', scope: 'current', statedCount: 12, members: ['Aachen', 'Bochum', 'Köln', 'Mainz', 'Ulm', 'Erfurt'] },
    ]);
    expect(lists('The Industrial Cities Alliance now has 12 German members. These are Aachen, Bochum, Cologne and Mainz.', 'en').map((l) => [l.statedCount, l.members])).toEqual([[12, ['Aachen', 'Bochum', 'Köln', 'Mainz']]]);
    expect(lists('Die Industriestädteallianz wurde 2016 gegründet. Ihr gehören heute 21 deutsche Städte und Regionen an. Dazu zählen Bochum, Ulm, die Region Schwarzwald (Lahr/Freiburg) und Jena.')).toEqual([
      { country: 'DE', scope: 'current', statedCount: null, members: ['Bochum', 'Ulm', 'Lahr', 'Freiburg', 'Jena'] },
    ]);
  });

  it('splits names of both countries after counts of each by the gazetteer', () => {
    expect(lists('Die Industriestädteallianz hat neun deutsche und elf chinesische Mitglieder. Das sind unter anderem Bochum, Foshan, Ulm, Wuhu, Erfurt und Weihai.')).toEqual([
      { country: 'DE', scope: 'current', statedCount: null, members: ['Bochum', 'Ulm', 'Erfurt'] },
      { country: 'CN', scope: 'current', statedCount: null, members: ['Foshan', 'Wuhu', 'Weihai'] },
    ]);
  });

  it('reads a colon list whose items start after a blank line', () => {
    const text = 'Bochum ist Mitglied der Chinesisch-Deutschen Industriestädteallianz. Ihr gehören aktuell zwölf deutsche Städte an. Die deutschen Mitgliedsstädte sind:\n\nAachen\nBochum\nKöln\nUlm\n\nKontakt: Presseamt';
    expect(lists(text)).toEqual([{ country: 'DE', scope: 'current', statedCount: 12, members: ['Aachen', 'Bochum', 'Köln', 'Ulm'] }]);
  });

  it('sizes the second of two country lists by its count two paragraphs up', () => {
    const text = 'Die Industriestädteallianz wurde 2016 gegründet. Ihr gehören aktuell zwölf deutsche und 20 chinesische Städte an.\n\nDie deutschen Mitgliedsstädte sind: Aachen, Bochum, Köln, Ulm.\n\nDie chinesischen Mitgliedsstädte sind: Foshan, Wuhu, Weihai, Yantai.';
    expect(lists(text).map((l) => [l.country, l.statedCount])).toEqual([['DE', 12], ['CN', 20]]);
  });
});

describe('members named with the alliance and its sides', () => {
  it('reads places the alliance comprises, side by side', () => {
    expect(lists('Der Industriestädteallianz gehören auf deutscher Seite Aachen, Bochum, Köln und Ulm an, auf chinesischer Seite Foshan, Wuhu und Weihai.')).toEqual([
      { country: 'DE', scope: 'current', statedCount: null, members: ['Aachen', 'Bochum', 'Köln', 'Ulm'] },
      { country: 'CN', scope: 'current', statedCount: null, members: ['Foshan', 'Wuhu', 'Weihai'] },
    ]);
  });

  it('takes no side from the alliance\'s own name ("Sino-German") and splits its members by the gazetteer', () => {
    expect(lists('Members of the Sino-German Industrial Cities Alliance include Bochum, Ulm, Erfurt, Foshan, Wuhu and Weihai.', 'en').map((l) => [l.country, l.members])).toEqual([
      ['DE', ['Bochum', 'Ulm', 'Erfurt']],
      ['CN', ['Foshan', 'Wuhu', 'Weihai']],
    ]);
  });

  it('reads one roster per country line under a member heading', () => {
    const text = 'Die Chinesisch-Deutsche Industriestädteallianz stellt sich vor.\n\nUnsere Mitglieder\n\nDeutschland (3)\nAachen\nBochum\nKöln\n\nChina\nFoshan\nWuhu\nWeihai';
    expect(lists(text)).toEqual([
      { country: 'DE', scope: 'current', statedCount: 3, members: ['Aachen', 'Bochum', 'Köln'] },
      { country: 'CN', scope: 'current', statedCount: null, members: ['Foshan', 'Wuhu', 'Weihai'] },
    ]);
  });
});

describe('rosters with several members a line, numbered lines and country sides after a colon', () => {
  it('reads names printed in columns or with commas, several a line, under a member heading', () => {
    const columns = 'Die Chinesisch-Deutsche Industriestädteallianz stellt sich vor.\n\nDeutsche Mitglieder\n\nAachen          Bottrop          Chemnitz\nDuisburg        Eisenach         Emden';
    expect(lists(columns).map((l) => [l.country, l.members])).toEqual([['DE', ['Aachen', 'Bottrop', 'Chemnitz', 'Duisburg', 'Eisenach', 'Emden']]]);
    const commas = 'Die Chinesisch-Deutsche Industriestädteallianz stellt sich vor.\n\nMitgliedsstädte in Deutschland\nAachen, Bottrop, Chemnitz,\nHamm, Herne und Ulm';
    expect(lists(commas).map((l) => l.members)).toEqual([['Aachen', 'Bottrop', 'Chemnitz', 'Hamm', 'Herne', 'Ulm']]);
  });

  it('leaves a table row with its Land and year to the row reader', () => {
    const text = 'Die Chinesisch-Deutsche Industriestädteallianz stellt sich vor.\n\nDeutsche Mitglieder\n\n1  Aachen    Nordrhein-Westfalen   2016\n2  Ulm       Baden-Württemberg     2018';
    expect(lists(text).map((l) => l.members)).toEqual([['Aachen', 'Ulm']]);
  });

  it('drops the numbers of a numbered list', () => {
    const text = 'Die Chinesisch-Deutsche Industriestädteallianz stellt sich vor.\n\nMitgliedsstädte in Deutschland:\n1. Aachen\n2. Bottrop\n3) Chemnitz (seit 2018)';
    expect(lists(text).map((l) => l.members)).toEqual([['Aachen', 'Bottrop', 'Chemnitz']]);
  });

  it('reads "Auf chinesischer Seite: …" after a sentence about the members as the Chinese list', () => {
    const text = 'Mitglieder der Industriestädteallianz sind auf deutscher Seite: Aachen, Bottrop und Chemnitz. Auf chinesischer Seite: Foshan, Wuhu und Weihai.';
    expect(lists(text).map((l) => [l.country, l.members])).toEqual([['DE', ['Aachen', 'Bottrop', 'Chemnitz']], ['CN', ['Foshan', 'Wuhu', 'Weihai']]]);
  });
});

describe('members as written in German and English composites', () => {
  it('sizes a presented group whose owner stands between noun and copula', () => {
    const text = 'The twelve German member cities of the Sino-German Industrial Cities Alliance are Aachen, Bottrop, Chemnitz and Mainz.';
    expect(lists(text, 'en')).toEqual([{ country: 'DE', scope: 'current', statedCount: 12, members: ['Aachen', 'Bottrop', 'Chemnitz', 'Mainz'] }]);
  });

  it('reads a town with its district as the town, a district written after its name, and an English region by its towns', () => {
    expect(lists('Die deutschen Mitglieder der Industriestädteallianz: Aachen, Stadt und Landkreis Fulda, Rhein-Sieg-Kreis und Münster.').map((l) => l.members)).toEqual([['Aachen', 'Fulda', 'Rhein-Sieg-Kreis', 'Münster']]);
    expect(lists('The German members of the Sino-German Industrial Cities Alliance: Aachen, the city and district of Fulda, Rhein-Sieg district, Esslingen district, the Lahr-Freiburg-Black Forest region and Muenster.', 'en').map((l) => l.members))
      .toEqual([['Aachen', 'Fulda', 'Rhein-Sieg-Kreis', 'Landkreis Esslingen', 'Lahr', 'Freiburg', 'Münster']]);
  });

  it('drops an aside between dashes and joins a name hyphenated at a line break', () => {
    expect(lists('Die deutschen Mitglieder der Industriestädteallianz: Duisburg, Herne, Hamm – alle im Ruhrgebiet – sowie Köln und Aachen.').map((l) => l.members)).toEqual([['Duisburg', 'Herne', 'Hamm', 'Köln', 'Aachen']]);
    expect(lists('Die deutschen Mitglieder der Industriestädteallianz: Duisburg, Gelsen-\nkirchen, Herne und Bochum.').map((l) => l.members)).toEqual([['Duisburg', 'Gelsenkirchen', 'Herne', 'Bochum']]);
  });
});
