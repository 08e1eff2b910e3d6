import type { MessageKey } from '../i18n/translate';

/**
 * How far a day is from today, in words: "vandaag", "morgen", "over 3 dagen", "gisteren",
 * "5 dagen geleden" — or, for a past day of something that is `late` (a task past its deadline), "1 dag te laat".
 * `days` is the day minus today (negative: in the past). Returns the text's key and its number,
 * so singular and plural each have their own sentence in both languages.
 */
export function relativeDay(days: number, late = false): { key: MessageKey; vars: { n: number } } {
  const n = Math.abs(days);
  if (days < 0) {
    if (late) return { key: n === 1 ? 'date.lateOne' : 'date.lateDays', vars: { n } };
    return { key: n === 1 ? 'date.yesterday' : 'date.daysAgo', vars: { n } };
  }
  if (days === 0) return { key: 'date.today', vars: { n } };
  if (days === 1) return { key: 'date.tomorrow', vars: { n } };
  return { key: 'date.inDays', vars: { n } };
}
