// The dashboard counts have one definition (countRules.ts): the triggers a vault runs and the
// import's catch-up are both made from it. After a mixed sequence of single writes and imports,
// the kept counts must equal a recount from the records — the test that fails when the two
// ways of counting drift apart.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countDrift, inDays, newTraject, today, useCheckedTestVault, type TestVault } from './helpers';
import { seedItems } from '../../../electron/core/casework/seedData';
import { COUNT_RULES, countTriggers } from '../../../electron/core/casework/countRules';
import type { Input } from '../../../shared/ipc/contract';

let v: TestVault;
useCheckedTestVault((opened) => (v = opened));

const melding = (extra: Partial<Input<'meldingen.create'>['fields']> = {}): Input<'meldingen.create'>['fields'] => ({
  datum: today,
  kanaal: 'telefoon',
  anoniem: true,
  melderType: 'burger',
  gemeente: 'Schiedam',
  vorm: 'seksuele-uitbuiting',
  ...extra,
});

let files = 0;
async function importSeed(n: number, seed: number): Promise<void> {
  const items = [...seedItems({ trajecten: n, seed, today, journaalPerTraject: 1 })];
  const path = join(v.dir, `counts-${++files}.json`);
  writeFileSync(path, JSON.stringify({ format: 'ketenkluis.casework', versie: 1, trajecten: items.map((i) => i.traject), meldingen: items.flatMap((i) => i.meldingen) }));
  await v.call('import.file', { path });
}

const total = (table: string) => (v.db.prepare(`SELECT coalesce(sum(n), 0) AS n FROM ${table}`).get() as { n: number }).n;
const rows = (table: string) => (v.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('count rules', () => {
  it('the vault runs the count triggers of the one definition', () => {
    const stored = v.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name GLOB '*_tel_*' ORDER BY name").all();
    const defined = COUNT_RULES.flatMap(countTriggers).sort((a, b) => a.name.localeCompare(b.name));
    expect(stored).toEqual(defined);
  });

  it('after creates, updates, transitions, conversions and imports the kept counts equal a recount', async () => {
    const a = await newTraject(v);
    const b = await newTraject(v, { aanmelddatum: inDays(-400), minderjarigBijStart: true });
    await importSeed(30, 11);
    let version = (await v.call('trajecten.update', { id: a.trajectId, version: a.version, fields: { vormen: ['arbeidsuitbuiting'], preventief: true } })).version;
    for (const naar of ['intake', 'actief'] as const) version = (await v.call('trajecten.transition', { id: a.trajectId, version, naar })).version;
    version = (await v.call('trajecten.transition', { id: a.trajectId, version, naar: 'afgesloten', reden: 'doelen-bereikt' })).version;
    await v.call('trajecten.transition', { id: b.trajectId, version: b.version, naar: 'afgesloten', reden: 'doelen-bereikt' });
    const m = await v.call('meldingen.create', { fields: melding({ minderjarig: true }) });
    await v.call('meldingen.update', { id: m.id, version: m.version, fields: { conclusie: 'wel', vorm: 'criminele-uitbuiting' } });
    const other = await v.call('meldingen.create', { fields: melding({ datum: inDays(-380), acuut: true }) });
    await v.call('meldingen.convertToTraject', { meldingId: other.id, client: { nieuw: { roepnaam: 'Tobi' } } });
    await importSeed(25, 12);
    await v.call('trajecten.transition', { id: a.trajectId, version, naar: 'intake' });
    await newTraject(v);

    expect(countDrift(v.db)).toEqual([]);
    expect(total('traject_tellingen')).toBe(rows('trajecten'));
    expect(total('melding_tellingen')).toBe(rows('meldingen'));
    expect(rows('trajecten')).toBeGreaterThan(55);
  });
});
