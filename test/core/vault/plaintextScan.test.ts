import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupVault, closeVault, createVault, unlockVault, type OpenVault } from '../../../electron/core/vault/vault';
import { tempDir, testPassphrase } from './helpers';

let root: string;
let cleanup: () => void;
beforeEach(() => ({ dir: root, cleanup } = tempDir('kk-scan-')));
afterEach(() => cleanup());

/** Every file under `dir`, recursively, with its bytes. */
function allFiles(dir: string): Array<{ name: string; bytes: Buffer }> {
  const out: Array<{ name: string; bytes: Buffer }> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...allFiles(path));
    else out.push({ name: path.slice(root.length), bytes: readFileSync(path) });
  }
  return out;
}

/** Marker strings as UTF-8 and as UTF-16LE (SQLite may store text either way). */
function needles(markers: string[]): Buffer[] {
  return markers.flatMap((m) => [Buffer.from(m, 'utf8'), Buffer.from(m, 'utf16le')]);
}

function writeMarkers(vault: OpenVault, markers: string[]): void {
  vault.db.exec('CREATE TABLE IF NOT EXISTS casus (id INTEGER PRIMARY KEY, naam TEXT, notitie TEXT)');
  vault.db.exec('CREATE INDEX IF NOT EXISTS casus_naam ON casus (naam)');
  const insert = vault.db.prepare('INSERT INTO casus (naam, notitie) VALUES (?, ?)');
  vault.db.transaction(() => {
    for (let i = 0; i < 300; i++) for (const m of markers) insert.run(`${m} ${i}`, `notitie over ${m} `.repeat(5));
  })();
  // Deleted rows must not linger in free pages either (secure_delete).
  vault.db.prepare('DELETE FROM casus WHERE id % 3 = 0').run();
}

function expectNoMarkers(files: Array<{ name: string; bytes: Buffer }>, markers: string[]): void {
  for (const file of files) {
    for (const needle of needles(markers)) {
      expect(file.bytes.includes(needle), `${file.name} holds a marker in plaintext`).toBe(false);
    }
  }
}

describe('nothing readable on disk', () => {
  it('no marker appears in any file: database, WAL, key file, backups (inside and outside the vault folder)', async () => {
    const dir = join(root, 'vault');
    const pass = testPassphrase();
    const markers = ['MARKER-Zoë-Jansen-1987', 'MARKERMENSENHANDELCASUS', 'MARKER_BSN_999999990'];
    const { vault } = await createVault(dir, pass);
    writeMarkers(vault, markers);
    // While open: the WAL holds the fresh pages. (Reading a file this process has open drops
    // SQLite's POSIX lock, which is harmless here: this test is the only process.)
    const whileOpen = allFiles(dir);
    expect(whileOpen.some((f) => f.name.endsWith('-wal') && f.bytes.length > 0)).toBe(true);
    expectNoMarkers(whileOpen, markers);
    backupVault(vault, join(dir, 'backups', 'manual.kkbackup'));
    backupVault(vault, join(root, 'outside.kkbackup'));
    closeVault(vault);

    const reopened = await unlockVault(dir, pass);
    // The markers really are in the vault: the scan is not passing because nothing was written.
    expect((reopened.db.prepare('SELECT count(*) AS n FROM casus').get() as { n: number }).n).toBe(600);
    closeVault(reopened);

    const files = allFiles(root);
    const names = files.map((f) => f.name);
    expect(names.some((n) => n.endsWith('ketenkluis.db'))).toBe(true);
    expect(names.some((n) => n.endsWith('ketenkluis.key'))).toBe(true);
    expect(names.filter((n) => n.endsWith('.kkbackup'))).toHaveLength(2);
    expectNoMarkers(files, markers);
    // And no temp snapshot was left behind.
    expect(names.filter((n) => n.includes('.snapshot-'))).toEqual([]);
  });
});
