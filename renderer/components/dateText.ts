// Dates as people read and type them: always dd-mm-jjjj, whatever the language of the screen,
// the browser or the operating system (Dutch professionals often run an English Windows, where
// 12/09/2026 would read as 9 December next to 09-12-2026 elsewhere). The store and the core keep
// `YYYY-MM-DD`; only these two functions translate between them.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
// d-m-jjjj with '-', '/' or '.' between the parts (as people type or paste them).
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
// ddmmjjjj: eight digits typed on the number keys.
const DIGITS = /^(\d{2})(\d{2})(\d{4})$/;

/** A date `YYYY-MM-DD` as people read it: `25-11-2026`. Empty for no date. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}-${m}-${y}`;
}

/** True when the numbers make a day that exists (no 31-02 that a Date would roll into March). */
function isRealDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * What a person typed as a date, as `YYYY-MM-DD`; null when it is not a whole, existing day.
 * Takes dd-mm-jjjj and d-m-jjjj (with '-', '/' or '.'), ddmmjjjj, and a pasted `YYYY-MM-DD`.
 * Never guesses: a day that does not exist or a two-digit year is null, not a nearby date.
 */
export function parseDateText(text: string): string | null {
  const trimmed = text.trim();
  const isoMatch = ISO.exec(trimmed);
  const parts = isoMatch ? [isoMatch[3], isoMatch[2], isoMatch[1]] : (DAY_FIRST.exec(trimmed) ?? DIGITS.exec(trimmed))?.slice(1);
  if (!parts) return null;
  const [d, m, y] = parts.map(Number) as [number, number, number];
  return isRealDay(y, m, d) ? iso(y, m, d) : null;
}

/**
 * The value a date field hands to its form: '' when empty, the ISO date when the text is one,
 * and otherwise the text itself, so the form's check refuses it with a message and the value
 * is never silently changed or dropped.
 */
export function dateFieldValue(text: string): string {
  if (text.trim() === '') return '';
  return parseDateText(text) ?? text;
}

/** Every `YYYY-MM-DD` in a text written as dd-mm-jjjj (search hit labels carry the core's dates). */
export function formatDatesIn(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_, y: string, m: string, d: string) => `${d}-${m}-${y}`);
}
