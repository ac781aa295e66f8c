import { describe, expect, it } from 'vitest';
import { findDates } from '../../../extractors/dates/find-dates.ts';
import { DATE_NEGATIVE_CASES } from './negative-cases.ts';

const values = (text: string, published: string | null = null) => findDates(text, published).map((d) => d.value);

describe('findDates', () => {
  it.each([
    ['am 24. April 2017 in Hannover', '2017-04-24'],
    ['Montag, 24. April 2017', '2017-04-24'],
    ['am 20.07.22. mit der CIPA', '2022-07-20'],
    ['Stand 20.07.2022', '2022-07-20'],
    ['im Sep. 2015 in Foshan', '2015-09'],
    ['im April 2016', '2016-04'],
    ['Anfang 2018', '2018'],
    ['Ende 2018', '2018'],
    ['on 4 November 2019', '2019-11-04'],
    ['on November 4, 2019', '2019-11-04'],
    ['4th November 2019', '2019-11-04'],
    ['seit 2012', '2012'],
    ['since 1998', '1998'],
    ['Published: 2018-05-14', '2018-05-14'],
    ['City of Duisburg | 10/10/2022', '2022-10-10'],
    ['am 31. Dezember 2022', '2022-12-31'],
    ['im März 2011', '2011-03'],
  ])('reads %j as %s', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it('cuts to the precision the text gives', () => {
    const [d] = findDates('Während der Hannover-Messe im April 2016 fand', null);
    expect(d).toMatchObject({ value: '2016-04', precision: 'month', relative: false });
  });

  it.each([
    ['noch in diesem Jahr', '2019-11-04', '2019'],
    ['im vergangenen Jahr', '2019-11-04', '2018'],
    ['letztes Jahr', '2019-11-04', '2018'],
    ['last year', '2018-04-26', '2017'],
    ['this year', '2018-04-26', '2018'],
    ['nächstes Jahr', '2019-11-04', '2020'],
    ['im kommenden Jahr', '2017-04-25', '2018'],
    ['seven years ago', '2023-06-16', '2016'],
    ['seit Mitte März', '2018-05-28', '2018-03'],
    ['im Mai', '2016-06-20', '2016-05'],
    ['am 7. Mai', '2018-05-09', '2018-05-07'],
    ['on June 15', '2023-06-16', '2023-06-15'],
    ['am Montag', '2017-04-25', '2017-04-24'],
    ['on Monday', '2019-11-04', '2019-11-04'],
    ['in seiner Sitzung am Dienstagabend', '2021-03-12', '2021-03-09'],
    ['am vergangenen Freitagnachmittag', '2019-07-03', '2019-06-28'],
    ['on Thursday evening', '2022-09-10', '2022-09-08'],
    ['in dieser Woche', '2019-11-08', '2019-11'],
    ['tritt zum Jahresende aus', '2022-06-20', '2022-12-31'],
    ['will leave at the end of the year', '2021-09-01', '2021-12-31'],
    ['bis zum Ende des Jahres', '2020-03-10', '2020-12-31'],
  ])('resolves %j against %s to %s', (text, published, value) => {
    expect(values(text, published)).toEqual([value]);
  });

  it('gives "desselben Jahres" and "later that year" the year of the date before', () => {
    expect(values('Bochum trat im Mai 2015 bei, Weifang im Herbst desselben Jahres.', null)).toEqual(['2015-05', '2015']);
    expect(values('The first talks were held in March 2011; a deal followed later that year.', null)).toEqual(['2011-03', '2011']);
    expect(values('im selben Jahr', null)).toEqual([null]);
  });

  it('resolves weekdays of last week, named months before or after publication, and the month before or after', () => {
    expect(values('Der Rat tagte am Mittwoch der vergangenen Woche.', '2023-06-02')).toEqual(['2023-05-24']);
    expect(values('The council met last week on Monday.', '2023-06-02')).toEqual(['2023-05-22']);
    expect(values('Der Beschluss fiel im vergangenen November, die Aufnahme folgt im kommenden Februar.', '2023-06-02')).toEqual(['2022-11', '2024-02']);
    expect(values('It applied last March and will be admitted next month.', '2023-06-02')).toEqual(['2023-03', '2023-07']);
    expect(values('Bochum ist seit Montag Mitglied.', '2023-06-02')).toEqual(['2023-05-29']);
  });

  it('takes a year given after the year end', () => {
    expect(values('Die Mitgliedschaft endet zum Jahresende 2023.', '2022-06-20')).toEqual(['2023-12-31']);
  });

  it('leaves relative dates unresolved without a publication date', () => {
    expect(findDates('Noch in diesem Jahr werde die Stadt …', null)).toMatchObject([{ value: null, relative: true }]);
    expect(findDates('last year', null)).toMatchObject([{ value: null }]);
  });

  it('marks "seit" and "since" dates', () => {
    expect(findDates('pflegen seit 2012 Beziehungen', null)[0]?.since).toBe(true);
    expect(findDates('wurde 2016 gegründet', null)[0]?.since).toBe(false);
  });

  it('checks a stated weekday against its date', () => {
    expect(findDates('am Montag, 24. April 2017', null)[0]?.weekday).toEqual({ stated: 'Montag', matches: true });
    expect(findDates('am Dienstag, 24. April 2017', null)[0]?.weekday).toEqual({ stated: 'Dienstag', matches: false });
    expect(findDates('on Friday, November 4, 2019', null)[0]?.weekday).toEqual({ stated: 'Friday', matches: false });
  });

  it('rejects impossible days', () => {
    expect(values('am 31.02.2019')).toEqual([]);
    expect(values('am 30. Februar 2020')).toEqual([]);
  });

  it('reads no dates in the negative cases', () => {
    const found = DATE_NEGATIVE_CASES.map((text) => [text, findDates(text, '2019-11-04').map((d) => d.raw)] as const).filter(([, raws]) => raws.length);
    expect(found).toEqual([]);
  });
});
