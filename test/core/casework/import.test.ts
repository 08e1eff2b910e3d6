import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newTraject, useCheckedTestVault, snapshotCounts, today, type TestVault } from './helpers';
import { seedItems } from '../../../electron/core/casework/seedData';
import { ImportFile, MAX_IMPORT_FILE_BYTES } from '../../../shared/casework/import.schema';
import { withProgressSink } from '../../../electron/core/callProgress';
import { dutchDateTime } from '../../../electron/core/casework/importedFiles.repo';
import { events } from '../../../shared/ipc/events';

let v: TestVault;
useCheckedTestVault((opened) => (v = opened));

/** A normal create after an import, so the restored triggers are exercised too. */
async function newTrajectAfterImport() {
  const before = snapshotCounts(v.db).trajecten!;
  await newTraject(v);
  expect(snapshotCounts(v.db).trajecten).toBe(before + 1);
}

let fileCount = 0;
/** Writes `content` (a value as JSON, or bytes as they are) to a new file beside the test vault; its path. */
function fileOf(content: unknown): string {
  const path = join(v.dir, `import-${++fileCount}.json`);
  writeFileSync(path, content instanceof Uint8Array || typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** A valid import file of n synthetic trajecten (from the seed generator) and their meldingen. */
function importFile(n: number, seed = 7) {
  const items = [...seedItems({ trajecten: n, seed, today, journaalPerTraject: 2 })];
  return { format: 'ketenkluis.casework', versie: 1, trajecten: items.map((i) => i.traject), meldingen: items.flatMap((i) => i.meldingen) };
}

describe('import.file', () => {
  it('writes every record of a valid file, searchable and listed', async () => {
    const file = importFile(20);
    const r = await v.call('import.file', { path: fileOf(file) });
    expect(r).toMatchObject({ dryRun: false, trajecten: 20, clienten: 20, meldingen: file.meldingen.length });
    expect(r.journaal).toBe(file.trajecten.reduce((n, t) => n + t.journaal.length, 0));
    expect((await v.call('trajecten.list', {})).total).toBe(20);
    const word = file.trajecten[0]!.journaal[0]!.tekst.split(' ')[0]!;
    expect((await v.call('search.query', { q: word })).hits.length).toBeGreaterThan(0);
    const events = v.db.prepare(`SELECT DISTINCT actor FROM change_events`).all();
    // The vault's person (its owner, no profile yet), by import: the stored form of writeContext.ts.
    expect(events).toEqual([{ actor: 'eigenaar/import' }]);
  });
  it('a larger import into a vault that already has records writes every row once, in order, with the vault settings back afterwards', async () => {
    // More rows than one multi-row INSERT holds, on top of existing index rows: full and partial batches.
    await v.call('import.file', { path: fileOf(importFile(3, 5)) });
    const checkpointBefore = v.db.pragma('wal_autocheckpoint', { simple: true });
    const cacheBefore = v.db.pragma('cache_size', { simple: true });
    const before = snapshotCounts(v.db);
    const file = importFile(260, 6);
    const r = await v.call('import.file', { path: fileOf(file) });
    const after = snapshotCounts(v.db);
    expect(after.trajecten).toBe(before.trajecten! + 260);
    expect(after.journaal).toBe(before.journaal! + r.journaal);
    expect(r.journaal).toBeGreaterThan(260);
    // Every new journal entry has exactly one index row and one change event.
    const orphans = v.db.prepare(`SELECT count(*) AS n FROM journaal j WHERE (SELECT count(*) FROM search_docs d WHERE d.kind = 'journaal' AND d.entity_id = j.id) != 1 OR (SELECT count(*) FROM change_events e WHERE e.entity = 'journaal' AND e.entity_id = unhex(replace(j.id, '-', ''))) != 1`).get() as { n: number };
    expect(orphans.n).toBe(0);
    // Change events keep the write order: a traject's event comes after its cliënt's.
    const misordered = v.db.prepare(`SELECT count(*) AS n FROM trajecten t JOIN change_events ct ON ct.entity = 'traject' AND ct.entity_id = unhex(replace(t.id, '-', '')) JOIN change_events cc ON cc.entity = 'client' AND cc.entity_id = unhex(replace(t.client_id, '-', '')) WHERE ct.seq < cc.seq`).get() as { n: number };
    expect(misordered.n).toBe(0);
    const last = file.trajecten.at(-1)!.journaal.at(-1)!.tekst.split(' ')[0]!;
    expect((await v.call('search.query', { q: last })).hits.length).toBeGreaterThan(0);
    expect(v.db.pragma('wal_autocheckpoint', { simple: true })).toBe(checkpointBefore);
    expect(v.db.pragma('cache_size', { simple: true })).toBe(cacheBefore);
    await newTrajectAfterImport();
  });
  it('a dry run checks everything and writes nothing', async () => {
    const before = snapshotCounts(v.db);
    const r = await v.call('import.file', { path: fileOf(importFile(5)), dryRun: true });
    expect(r).toMatchObject({ dryRun: true, trajecten: 5 });
    expect(snapshotCounts(v.db)).toEqual(before);
  });
  it('refuses a file with one bad record as a whole, with reasons by record index and field, never the value', async () => {
    await v.call('import.file', { path: fileOf(importFile(3, 1)) });
    const before = snapshotCounts(v.db);
    const file = importFile(30, 2);
    const secret = '9999999999999';
    (file.trajecten[17]!.client as Record<string, unknown>).bsn = secret;
    (file.trajecten[23] as Record<string, unknown>).gemeente = 'Atlantis';
    (file.meldingen[4] as Record<string, unknown>).vorm = 'diefstal';
    const error = await v.fail('import.file', { path: fileOf(file) });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['meldingen.4.vorm', 'trajecten.17.client.bsn', 'trajecten.23.gemeente']);
    const text = JSON.stringify(error);
    for (const value of [secret, 'Atlantis', 'diefstal']) expect(text).not.toContain(value);
    expect(snapshotCounts(v.db)).toEqual(before);
  });
  it('needs an absolute path to a readable file no larger than 512 MB; the errors never name the path', async () => {
    const before = snapshotCounts(v.db);
    const missing = join(v.dir, 'Jansen-dossier.json');
    const gone = await v.fail('import.file', { path: missing });
    expect(gone.code).toBe('NOT_FOUND');
    mkdirSync(join(v.dir, 'Jansen-map'));
    expect((await v.fail('import.file', { path: join(v.dir, 'Jansen-map') })).code).toBe('NOT_FOUND');
    const relative = await v.fail('import.file', { path: 'Jansen-dossier.json' });
    expect(relative.code).toBe('INVALID_INPUT');
    expect((await v.fail('import.file', { path: '/tmp/a\0b' })).code).toBe('INVALID_INPUT');
    expect((await v.fail('import.file', { path: fileOf(importFile(1)), extra: 1 } as never)).code).toBe('INVALID_INPUT');
    for (const error of [gone, relative]) expect(JSON.stringify(error)).not.toContain('Jansen');
    // A sparse file: 512 MB and one byte on paper, nothing on disk.
    const big = join(v.dir, 'groot.json');
    writeFileSync(big, '');
    truncateSync(big, MAX_IMPORT_FILE_BYTES + 1);
    expect((await v.fail('import.file', { path: big })).issues).toEqual([{ path: '(bestand)', message: 'Het bestand is groter dan 512 MB' }]);
    expect(snapshotCounts(v.db)).toEqual(before);
  });
  it('bytes that are not UTF-8 JSON are "not JSON", and nothing is written', async () => {
    const before = snapshotCounts(v.db);
    expect((await v.fail('import.file', { path: fileOf(new Uint8Array([0xff, 0xfe, 0x00, 0x7b])) })).issues).toEqual([{ path: '(bestand)', message: 'Dit is geen geldig JSON-bestand' }]);
    expect((await v.fail('import.file', { path: fileOf('') })).issues).toEqual([{ path: '(bestand)', message: 'Dit is geen geldig JSON-bestand' }]);
    expect(snapshotCounts(v.db)).toEqual(before);
  });
  it('refuses what is not JSON or not our format, writing nothing', async () => {
    const before = snapshotCounts(v.db);
    expect((await v.fail('import.file', { path: fileOf('{"format": ') })).issues).toEqual([{ path: '(bestand)', message: 'Dit is geen geldig JSON-bestand' }]);
    expect((await v.fail('import.file', { path: fileOf({ format: 'iets', versie: 1 }) })).issues?.[0]?.path).toBe('format');
    expect(snapshotCounts(v.db)).toEqual(before);
  });
  it('a write that fails half-way through the import leaves the vault exactly as it was', async () => {
    await v.call('import.file', { path: fileOf(importFile(2, 3)) });
    const before = snapshotCounts(v.db);
    const file = importFile(10, 4);
    file.trajecten[8]!.journaal.push({ datum: today, soort: 'notitie', tekst: 'STOPHIER' });
    // A failure the schema cannot see (think: disk full) after 8 trajecten were written.
    v.db.exec(`CREATE TEMP TRIGGER fail_import BEFORE INSERT ON journaal WHEN NEW.tekst = 'STOPHIER' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    const triggers = () => v.db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`).all();
    const triggersBefore = triggers();
    const cacheBefore = v.db.pragma('cache_size', { simple: true });
    const error = await v.fail('import.file', { path: fileOf(file) });
    expect(error.code).toBe('INTERNAL');
    expect(snapshotCounts(v.db)).toEqual(before);
    expect((await v.call('search.query', { q: file.trajecten[0]!.client!.roepnaam })).hits).toHaveLength(0);
    // The import suspends the count triggers inside its transaction: the rollback brings them back.
    expect(triggers()).toEqual(triggersBefore);
    expect(v.db.pragma('cache_size', { simple: true })).toBe(cacheBefore);
    v.db.exec('DROP TRIGGER temp.fail_import');
    // And the counts stay exact for what is written after it (checked in afterEach).
    await v.call('import.file', { path: fileOf(importFile(3, 5)) });
    await newTrajectAfterImport();
  });
  it('seed records are valid import records (the generator stays inside the schema)', () => {
    const parsed = ImportFile.safeParse(importFile(300, 11));
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
  });
});

/** Rows of every record table and of the ledger: what a doubled import would show. */
function rowCounts(): Record<string, number> {
  const n = (table: string) => (v.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { ...snapshotCounts(v.db), ledger: n('import_files') };
}

describe('the same file is not imported twice by accident', () => {
  it('refuses the second import of the same bytes with the date of the first, writing nothing; a retry cannot double the records', async () => {
    const path = fileOf(importFile(12, 3));
    const first = await v.call('import.file', { path });
    expect(first.eerderIngelezenOp).toBeUndefined();
    const afterFirst = rowCounts();
    expect(afterFirst.ledger).toBe(1);
    const at = (v.db.prepare('SELECT imported_at FROM import_files').get() as { imported_at: number }).imported_at;
    // The window retrying after an answer it did not get, twice: nothing is doubled.
    for (let i = 0; i < 2; i++) {
      const again = await v.fail('import.file', { path });
      expect(again.code).toBe('ALREADY_IMPORTED');
      expect(again.issues).toEqual([{ path: '(bestand)', message: `Dit bestand is al ingelezen op ${dutchDateTime(at)}.` }]);
      expect(again.issues?.[0]?.message).toMatch(/^Dit bestand is al ingelezen op \d\d-\d\d-\d{4} om \d\d:\d\d\.$/);
    }
    // A copy under another name is the same file.
    const copy = fileOf(readFileSync(path));
    expect((await v.fail('import.file', { path: copy })).code).toBe('ALREADY_IMPORTED');
    expect(rowCounts()).toEqual(afterFirst);
    await newTrajectAfterImport(); // the refusal left the count triggers in place
  });
  it('a dry run says the file was imported before and refuses nothing; with opnieuw the person imports it again on purpose', async () => {
    const path = fileOf(importFile(4, 9));
    await v.call('import.file', { path });
    const at = (v.db.prepare('SELECT imported_at FROM import_files').get() as { imported_at: number }).imported_at;
    const before = rowCounts();
    const check = await v.call('import.file', { path, dryRun: true });
    expect(check).toMatchObject({ dryRun: true, trajecten: 4, eerderIngelezenOp: new Date(at).toISOString() });
    expect(rowCounts()).toEqual(before);
    const again = await v.call('import.file', { path, opnieuw: true });
    expect(again).toMatchObject({ dryRun: false, trajecten: 4, eerderIngelezenOp: new Date(at).toISOString() });
    expect(rowCounts()).toMatchObject({ trajecten: before.trajecten! + 4, ledger: 2 });
  });
  it('a refused file leaves no ledger row, so the corrected file is not called "imported before"; the ledger holds no path or name', async () => {
    const bad = importFile(3, 4);
    (bad.trajecten[1] as Record<string, unknown>).gemeente = 'Atlantis';
    expect((await v.fail('import.file', { path: fileOf(bad) })).code).toBe('INVALID_INPUT');
    expect(rowCounts().ledger).toBe(0);
    const good = fileOf(importFile(3, 4));
    await v.call('import.file', { path: good });
    const columns = (v.db.prepare('SELECT name FROM pragma_table_info(?)').all('import_files') as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toEqual(['id', 'sha256', 'imported_at', 'trajecten', 'clienten', 'meldingen', 'journaal', 'taken', 'toestemmingen']);
    const row = v.db.prepare('SELECT * FROM import_files').get() as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain('import-');
    expect(row).toMatchObject({ trajecten: 3, clienten: 3 });
  });
});

describe('import progress', () => {
  it('reports the fingerprint pass, then the records, then the commit; every payload fits the window event', async () => {
    const file = importFile(30, 8);
    const seen: Array<{ name: string; payload: unknown }> = [];
    const r = await withProgressSink((name, payload) => seen.push({ name, payload }), () => v.call('import.file', { path: fileOf(file) }));
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const event of seen) {
      expect(event.name).toBe('import.progress');
      expect(events['import.progress'].safeParse(event.payload).success).toBe(true);
    }
    expect(seen[0]!.payload).toMatchObject({ stage: 'lezen', done: 0 });
    expect(seen.at(-1)!.payload).toEqual({ stage: 'afronden', done: r.trajecten + r.meldingen });
  });
});
