// Dates as people read and type them (dd-mm-jjjj in every language) and the words for "how far
// from today" — pure helpers, checked as tables.
import { describe, expect, it } from 'vitest';
import { dateFieldValue, formatDate, formatDatesIn, parseDateText } from '../../renderer/components/dateText';
import { relativeDay } from '../../renderer/components/relativeDay';
import { translate } from '../../renderer/i18n/translate';
import { nextOpenTask } from '../../renderer/features/casework/traject/TakenPanel';

describe('parseDateText: what a person typed, as YYYY-MM-DD', () => {
  it.each([
    ['25-11-2026', '2026-11-25'],
    ['1-2-2026', '2026-02-01'],
    [' 01-02-2026 ', '2026-02-01'],
    ['25/11/2026', '2026-11-25'],
    ['25.11.2026', '2026-11-25'],
    ['25112026', '2026-11-25'],
    ['2026-11-25', '2026-11-25'],
    ['29-02-2028', '2028-02-29'],
  ])('%s → %s', (text, iso) => expect(parseDateText(text)).toBe(iso));

  it.each([
    ['', 'empty'],
    ['31-02-2026', 'a day that does not exist (no roll-over into March)'],
    ['29-02-2026', 'no leap day in 2026'],
    ['12/31/2026', 'month first (US order): month 31 does not exist'],
    ['25-11-26', 'a two-digit year'],
    ['25-13-2026', 'month 13'],
    ['0-1-2026', 'day 0'],
    ['25 november 2026', 'words'],
    ['2026-1-5', 'a short ISO form'],
  ])('%s is not a date (%s)', (text) => expect(parseDateText(text)).toBeNull());
});

describe('dateFieldValue: what a date field hands its form', () => {
  it('an ISO date for a whole date, empty for empty, and otherwise the text unchanged', () => {
    expect(dateFieldValue('9-12-2026')).toBe('2026-12-09');
    expect(dateFieldValue('   ')).toBe('');
    // Never silently another day: the form's check refuses the text with a message.
    expect(dateFieldValue('31-02-2026')).toBe('31-02-2026');
    expect(dateFieldValue('12/9/202')).toBe('12/9/202');
  });
});

describe('formatDate: one way to read a date, whatever the language', () => {
  it('is dd-mm-jjjj', () => {
    expect(formatDate('2026-12-09')).toBe('09-12-2026');
    expect(formatDate('2026-12-09T10:00:00Z')).toBe('09-12-2026');
    expect(formatDate(null)).toBe('');
  });
  it('search labels show their dates the same way', () => {
    expect(formatDatesIn('Melding 2026-12-09')).toBe('Melding 09-12-2026');
    expect(formatDatesIn('Journaal KK-ABCD-EF 2026-01-31')).toBe('Journaal KK-ABCD-EF 31-01-2026');
    expect(formatDatesIn('Cliënt KK-ABCD-EF')).toBe('Cliënt KK-ABCD-EF');
  });
});

describe('relativeDay: how far a day is from today, in words', () => {
  const say = (days: number, late: boolean, language: 'nl' | 'en') => {
    const { key, vars } = relativeDay(days, late);
    return translate(language, key, vars);
  };
  it.each([
    [0, false, 'vandaag', 'today'],
    [1, false, 'morgen', 'tomorrow'],
    [2, false, 'over 2 dagen', 'in 2 days'],
    [30, false, 'over 30 dagen', 'in 30 days'],
    [-1, false, 'gisteren', 'yesterday'],
    [-5, false, '5 dagen geleden', '5 days ago'],
    [-1, true, '1 dag te laat', '1 day late'],
    [-12, true, '12 dagen te laat', '12 days late'],
    [0, true, 'vandaag', 'today'],
  ])('%i days (late: %s) → "%s" / "%s"', (days, late, nl, en) => {
    expect(say(days, late, 'nl')).toBe(nl);
    expect(say(days, late, 'en')).toBe(en);
  });
});

describe('nextOpenTask: where focus goes after "Klaar"', () => {
  it.each([
    [['a', 'b', 'c'], 'a', 'b'],
    [['a', 'b', 'c'], 'b', 'c'],
    [['a', 'b', 'c'], 'c', 'b'],
    [['a'], 'a', null],
  ])('%j, done %s → %s', (open, done, next) => expect(nextOpenTask(open, done)).toBe(next));
});
