import { describe, expect, it } from 'vitest';
import { dateFromUrl, findDateLine, findDates, isPlausiblePublication, latestAllowedDay, parseDateValue } from '../../../pipelines/parse/date-text.ts';

describe('parseDateValue', () => {
  it('cuts ISO values to the precision given and keeps the calendar day as written', () => {
    expect(parseDateValue('2017-04-24T00:30:00+02:00')).toBe('2017-04-24');
    expect(parseDateValue('2017-04-24')).toBe('2017-04-24');
    expect(parseDateValue('2019-11')).toBe('2019-11');
    expect(parseDateValue('2016')).toBe('2016');
    expect(parseDateValue('20191104')).toBe('2019-11-04');
    expect(parseDateValue('4. November 2019')).toBe('2019-11-04');
  });

  it('rejects impossible dates', () => {
    expect(parseDateValue('2019-02-30')).toBeNull();
    expect(parseDateValue('2019-13-01')).toBeNull();
    expect(parseDateValue('soon')).toBeNull();
  });
});

describe('findDates', () => {
  it('reads German and English forms at their most precise reading', () => {
    expect(findDates('am 4. November 2019 in Foshan').map((d) => d.date)).toEqual(['2019-11-04']);
    expect(findDates('24.04.2017').map((d) => d.date)).toEqual(['2017-04-24']);
    expect(findDates('November 4, 2019').map((d) => d.date)).toEqual(['2019-11-04']);
    expect(findDates('30 November 2022').map((d) => d.date)).toEqual(['2022-11-30']);
    expect(findDates('im April 2016 gegründet').map((d) => d.date)).toEqual(['2016-04']);
    expect(findDates('4. Nov. 2019').map((d) => d.date)).toEqual(['2019-11-04']);
    expect(findDates('Sep. 2015').map((d) => d.date)).toEqual(['2015-09']);
  });
});

describe('findDateLine', () => {
  it('takes short date lines and cue phrases', () => {
    expect(findDateLine(['24.04.2017'])).toBe('2017-04-24');
    expect(findDateLine(['Pressemitteilung vom 4. November 2019'])).toBe('2019-11-04');
    expect(findDateLine(['Veröffentlicht am 12.03.2021 um 10:15 Uhr'])).toBe('2021-03-12');
    expect(findDateLine(['Mainz, 4. November 2019'])).toBe('2019-11-04');
    expect(findDateLine(['Press release of 30 November 2022'])).toBe('2022-11-30');
    expect(findDateLine(['Montag, 24. April 2017'])).toBe('2017-04-24');
  });

  it('skips dates inside running sentences', () => {
    expect(findDateLine(['Die offizielle Aufnahme findet am Montag, 24. April 2017, auf der Hannover Messe statt.'])).toBeNull();
    expect(findDateLine(['Die ISA wurde im April 2016 gegründet und wächst seitdem.'])).toBeNull();
  });
});

describe('dateFromUrl', () => {
  it('reads /YYYY/MM/DD/, YYYY-MM-DD and YYYYMMDD paths, and /YYYY/MM/ as a month', () => {
    expect(dateFromUrl('https://a.example/2017/04/24/koeln-tritt-bei/')?.date).toBe('2017-04-24');
    expect(dateFromUrl('https://a.example/presse/2019-11-04-isa-delegation')?.date).toBe('2019-11-04');
    expect(dateFromUrl('https://a.example/dokumente/pm_20191104_isa.pdf')?.date).toBe('2019-11-04');
    expect(dateFromUrl('https://a.example/2017/04/meldung')?.date).toBe('2017-04');
    expect(dateFromUrl('https://a.example/presse/meldung-12345.html')).toBeNull();
  });
});

describe('isPlausiblePublication', () => {
  it('allows the fetch day in the easternmost time zone and nothing later', () => {
    const fetchedAt = new Date('2024-05-01T23:30:00Z');
    expect(latestAllowedDay(fetchedAt)).toBe('2024-05-02');
    expect(isPlausiblePublication('2024-05-02', fetchedAt)).toBe(true);
    expect(isPlausiblePublication('2024-05-03', fetchedAt)).toBe(false);
    expect(isPlausiblePublication('2024-06', fetchedAt)).toBe(false);
    expect(isPlausiblePublication('2024', fetchedAt)).toBe(true);
    expect(isPlausiblePublication('1989-12-31', fetchedAt)).toBe(false);
  });
});
