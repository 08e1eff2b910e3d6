// Task deadlines and reminders as the product computes them: through the real dispatcher on a
// real encrypted vault. The lists (SQL) and the state on each task (TypeScript) both come from the
// deadline rule in shared/casework/deadlines.ts; these tests hold them to the same answer.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/casework/dates';
import { SOON_DAYS } from '../../../shared/casework/deadlines';
import { inDays, newTraject, today, useCheckedTestVault, type TestVault } from './helpers';

let v: TestVault;
useCheckedTestVault((opened) => (v = opened));

/** Tasks around today: [title, due in days, reminder in days or null, done]. */
const TABLE: Array<[string, number, number | null, boolean]> = [
  ['gisteren', -1, null, false],
  ['lang geleden', -40, -45, false],
  ['vandaag', 0, null, false],
  ['morgen', 1, null, false],
  ['laatste dag binnenkort', SOON_DAYS, null, false],
  ['net niet binnenkort', SOON_DAYS + 1, null, false],
  ['herinnering vandaag', 30, 0, false],
  ['herinnering morgen', 30, 1, false],
  ['afgerond en verlopen', -3, null, true],
  ['afgerond met herinnering', 5, -1, true],
];

async function seedTable(): Promise<void> {
  const t = await newTraject(v, { aanmelddatum: inDays(-100) });
  for (const [titel, due, reminder, done] of TABLE) {
    const task = await v.call('taken.create', { trajectId: t.trajectId, titel, deadline: inDays(due), ...(reminder === null ? {} : { herinnering: inDays(reminder) }) });
    if (done) await v.call('taken.complete', { id: task.id });
  }
}

const page = { offset: 0, limit: 100 };
const titles = (items: Array<{ titel: string }>) => items.map((i) => i.titel).sort();

describe('task lists follow the deadline rule', () => {
  it('overdue: open tasks from the day after their due date, oldest first, each in state "verlopen"', async () => {
    await seedTable();
    const overdue = await v.call('taken.listOverdue', { vandaag: today, page });
    expect(overdue.items.map((i) => i.titel)).toEqual(['lang geleden', 'gisteren']);
    expect(overdue.total).toBe(2);
    for (const item of overdue.items) expect(item.state).toBe('verlopen');
  });
  it('reminders: open tasks whose reminder day, or without one their due date, is today or earlier', async () => {
    await seedTable();
    const reminders = await v.call('taken.listReminders', { vandaag: today, page });
    expect(reminders.items.map((i) => i.titel)).toEqual(['lang geleden', 'gisteren', 'vandaag', 'herinnering vandaag']);
    expect(reminders.total).toBe(4);
  });
  it('the dashboard shows overdue and soon-due tasks by the same rule as the state on each task', async () => {
    await seedTable();
    const d = await v.call('dashboard.get', { vandaag: today });
    expect(d.verlopenTaken.aantal).toBe(2);
    expect(titlesOf(d.takenBinnenkort.eerste)).toEqual(['laatste dag binnenkort', 'morgen', 'vandaag']);
    expect(d.takenBinnenkort.aantal).toBe(3);
  });
  it.each([-20, -1, 0, 1, 7, SOON_DAYS, 40])('on any day (today %+i) every list holds exactly the tasks whose state says so', async (shift) => {
    await seedTable();
    const day = addDays(today, shift);
    const overdue = await v.call('taken.listOverdue', { vandaag: day, page });
    const d = await v.call('dashboard.get', { vandaag: day });
    // The expected state, worked out by hand from the table (not by the code under test).
    const stateOn = (titel: string) => {
      const [, due, , done] = TABLE.find(([name]) => name === titel)!;
      if (done) return 'afgerond';
      const days = due - shift;
      return days < 0 ? 'verlopen' : days === 0 ? 'vandaag' : days <= SOON_DAYS ? 'binnenkort' : 'ok';
    };
    expect(titles(overdue.items)).toEqual(TABLE.map(([n]) => n).filter((n) => stateOn(n) === 'verlopen').sort());
    for (const item of overdue.items) expect(item.state).toBe('verlopen');
    expect(d.verlopenTaken.aantal).toBe(overdue.total);
    expect(titlesOf(d.takenBinnenkort.eerste)).toEqual(TABLE.map(([n]) => n).filter((n) => ['vandaag', 'binnenkort'].includes(stateOn(n))).sort());
  });
});

function titlesOf(items: Array<{ omschrijving: string }>): string[] {
  return items.map((i) => i.omschrijving).sort();
}
