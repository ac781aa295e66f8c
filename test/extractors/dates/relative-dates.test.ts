/** Relative dates resolved against the publication date (issue 7.2), in our own sentences. */
import { describe, expect, it } from 'vitest';
import { findDates } from '../../../extractors/dates/find-dates.ts';

// A Wednesday.
const PUBLISHED = '2019-04-03';
const only = (text: string, published: string | null = PUBLISHED) => findDates(text, published).map((d) => ({ raw: d.raw, value: d.value, precision: d.precision, since: d.since }));

describe('relative dates', () => {
  it('counts days back from the publication date: gestern, vorgestern, am gestrigen Dienstag, yesterday, heute', () => {
    expect(only('Der Vertrag wurde gestern im Rathaus unterschrieben.')).toEqual([{ raw: 'gestern', value: '2019-04-02', precision: 'day', since: false }]);
    expect(only('Vorgestern reiste die Gruppe ab.')[0]?.value).toBe('2019-04-01');
    expect(only('The delegation arrived yesterday.')[0]?.value).toBe('2019-04-02');
    const [tuesday] = findDates('Am gestrigen Dienstag tagte der Ausschuss.', PUBLISHED);
    expect(tuesday).toMatchObject({ raw: 'Am gestrigen Dienstag', value: '2019-04-02', weekday: { stated: 'Dienstag', matches: true } });
    expect(findDates('Am gestrigen Freitag tagte der Ausschuss.', PUBLISHED)[0]?.weekday?.matches).toBe(false);
  });

  it('resolves weekdays to the latest such day up to publication', () => {
    expect(only('The mayor signed the agreement on Friday.')[0]?.value).toBe('2019-03-29');
    expect(only('Am Montag besuchte sie die Messe.')[0]?.value).toBe('2019-04-01');
  });

  it('gives the week before publication its month, approximately', () => {
    const [week] = findDates('Vergangene Woche wurde die Vereinbarung erneuert.', PUBLISHED);
    expect(week).toMatchObject({ value: '2019-03', precision: 'month', approximate: true, relative: true });
    expect(only('Last week the council voted.')[0]?.value).toBe('2019-03');
  });

  it('reads seasons of the year before, this month, years ago and years since', () => {
    expect(only('Im Herbst des Vorjahres kam eine Gruppe aus Sachsen.')[0]).toMatchObject({ value: '2018', precision: 'year' });
    expect(only('Im vergangenen Sommer wurde gefeiert.')[0]?.value).toBe('2018');
    expect(only('The fair opens this July.')[0]).toMatchObject({ value: '2019-07', precision: 'month' });
    expect(only('Vor neun Jahren begann der Austausch.')[0]?.value).toBe('2010');
    expect(only('Beide Orte sind seit 40 Jahren verbunden.')[0]).toMatchObject({ value: '1979', since: true });
    expect(only('The towns have been linked for 25 years.')[0]).toMatchObject({ value: '1994', since: true });
  });

  it('leaves a day unresolved when the publication date has no day', () => {
    expect(only('Gestern kam die Delegation.', '2019-04')[0]).toMatchObject({ value: null, precision: 'day' });
    expect(only('Gestern kam die Delegation.', null)[0]?.value).toBeNull();
  });
});
