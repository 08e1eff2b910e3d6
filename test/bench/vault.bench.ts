// The vault benchmark: the same workload through the same driver on an encrypted vault and on
// a plaintext database, in one run; unlock time split into key derivation and open; the page
// cache's effect on a 100,000-row full scan; peak memory. Run by `npm run bench`.
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { VAULT_CACHE_KIB, WAL_AUTOCHECKPOINT_PAGES } from '../../electron/core/vault/constants';
import { readKeyFile, unwrapWithPassphrase } from '../../electron/core/vault/keyFile';
import { openEncryptedDatabase } from '../../electron/core/vault/sqlcipher';
import { closeVault, createVault, unlockVault, vaultPaths } from '../../electron/core/vault/vault';
import type { BenchReport, BenchRow } from './benchReport';

/** Repetitions; the fastest is reported, the figure least disturbed by other work on a shared machine. */
const REPS = 5;
const SMALL_TRANSACTIONS = 50;
/** Alternating rounds of small transactions. */
const SMALL_ROUNDS = 12;
const BULK_DOSSIERS = 20_000;
const LOOKUPS = 5_000;
/** Alternating rounds of the read side. */
const QUERY_ROUNDS = 15;
const SCAN_ROWS = 100_000;

type Db = Database.Database;
type Cache = number | 'sqlite-default';

/** Plaintext through the same driver with the vault's pragmas: the only difference is the key. */
function openPlain(path: string, cacheKiB: Cache): Db {
  const db = new Database(path);
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('temp_store = MEMORY');
  if (cacheKiB !== 'sqlite-default') db.pragma(`cache_size = ${-cacheKiB}`);
  return db;
}

function openEncrypted(path: string, key: Buffer, cacheKiB: Cache): Db {
  return openEncryptedDatabase(path, key, { create: true, cacheKiB });
}

/** A small deterministic generator, so both databases get exactly the same rows. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUS = ['aanmelding', 'intake', 'actief', 'nazorg', 'afgesloten'];
const REGIO = ['Rotterdam', 'Den Haag', 'Dordrecht', 'Schiedam', 'Vlaardingen', 'Delft', 'Leiden', 'Zoetermeer'];
const VORM = ['SU', 'AU', 'CU', 'OV'];
const WORDS = ['signaal', 'opvang', 'intake', 'overleg', 'verblijf', 'zorg', 'aangifte', 'woning', 'werkgever', 'uitkering', 'bedenktijd', 'terugkoppeling'];

function text(rand: () => number, words: number): string {
  let out = '';
  for (let i = 0; i < words; i++) out += `${WORDS[Math.floor(rand() * WORDS.length)]} `;
  return out;
}

function schema(db: Db): void {
  db.exec(`
    CREATE TABLE dossier (id INTEGER PRIMARY KEY, titel TEXT NOT NULL, status TEXT NOT NULL, regio TEXT NOT NULL,
                          vorm TEXT NOT NULL, jaar INTEGER NOT NULL, notitie TEXT NOT NULL);
    CREATE INDEX dossier_status ON dossier (status, jaar);
    CREATE INDEX dossier_regio ON dossier (regio);
    CREATE TABLE gebeurtenis (id INTEGER PRIMARY KEY, dossier_id INTEGER NOT NULL REFERENCES dossier (id),
                              soort TEXT NOT NULL, datum TEXT NOT NULL, tekst TEXT NOT NULL);
    CREATE INDEX gebeurtenis_dossier ON gebeurtenis (dossier_id);
  `);
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

type QueryPhase = 'reads: lookups' | 'searches' | 'aggregates';

function writer(db: Db, seed: number) {
  const rand = prng(seed);
  const insertDossier = db.prepare('INSERT INTO dossier (titel, status, regio, vorm, jaar, notitie) VALUES (?, ?, ?, ?, ?, ?)');
  const insertEvent = db.prepare('INSERT INTO gebeurtenis (dossier_id, soort, datum, tekst) VALUES (?, ?, ?, ?)');
  const setStatus = db.prepare('UPDATE dossier SET status = ? WHERE id = ?');
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)] as T;
  const addDossier = () => {
    const id = Number(insertDossier.run(`dossier ${text(rand, 2)}`, pick(STATUS), pick(REGIO), pick(VORM), 2020 + Math.floor(rand() * 6), text(rand, 40)).lastInsertRowid);
    for (let e = 0; e < 2; e++) insertEvent.run(id, pick(WORDS), `2025-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`, text(rand, 15));
    return id;
  };
  /** One save as a person makes it: a new dossier with two events and a status change elsewhere. */
  const save = db.transaction(() => {
    const id = addDossier();
    setStatus.run(pick(STATUS), 1 + Math.floor(rand() * id));
  });
  return { addDossier, save };
}

/** Writes: an import of BULK_DOSSIERS in one transaction, then the idle checkpoint after it. */
function populate(db: Db): { bulk: number; checkpoint: number } {
  schema(db);
  const { addDossier } = writer(db, 42);
  const bulk = time(() => db.transaction(() => { for (let i = 0; i < BULK_DOSSIERS; i++) addDossier(); })());
  // What the core does once the person stops typing (idleCheckpoint.ts): the pages move from the
  // WAL into the main file. Measured separately so no cost of the writes is hidden.
  const checkpoint = time(() => db.pragma('wal_checkpoint(PASSIVE)'));
  return { bulk, checkpoint };
}

/** One round of the read side: lookups with their events, searches, and dashboard counts. */
function queries(db: Db, seed: number): Record<QueryPhase, number> {
  const rand = prng(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)] as T;
  const max = BULK_DOSSIERS;
  const getDossier = db.prepare('SELECT * FROM dossier WHERE id = ?');
  const getEvents = db.prepare('SELECT * FROM gebeurtenis WHERE dossier_id = ? ORDER BY datum');
  const like = db.prepare('SELECT id, titel FROM dossier WHERE notitie LIKE ? LIMIT 100');
  const byStatus = db.prepare('SELECT id, titel, regio FROM dossier WHERE status = ? AND jaar = ? ORDER BY id DESC LIMIT 50');
  const counts = db.prepare('SELECT vorm, status, jaar, count(*) AS n, avg(length(notitie)) AS len FROM dossier GROUP BY vorm, status, jaar');
  const perRegio = db.prepare('SELECT d.regio, count(g.id) AS n FROM dossier d JOIN gebeurtenis g ON g.dossier_id = d.id GROUP BY d.regio');
  return {
    'reads: lookups': time(() => {
      for (let i = 0; i < LOOKUPS; i++) {
        const id = 1 + Math.floor(rand() * max);
        getDossier.get(id);
        getEvents.all(id);
      }
    }),
    searches: time(() => {
      for (let i = 0; i < 5; i++) like.all(`%${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}%`);
      for (let i = 0; i < 200; i++) byStatus.all(pick(STATUS), 2020 + Math.floor(rand() * 6));
    }),
    aggregates: time(() => {
      for (let i = 0; i < 3; i++) {
        counts.all();
        perRegio.all();
      }
    }),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fastest = (xs: number[]) => Math.min(...xs);

function fillScanTable(db: Db): void {
  const rand = prng(7);
  db.exec('CREATE TABLE scan (id INTEGER PRIMARY KEY, a TEXT NOT NULL, b INTEGER NOT NULL)');
  const insert = db.prepare('INSERT INTO scan (a, b) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < SCAN_ROWS; i++) insert.run(text(rand, 25), Math.floor(rand() * 1000));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Fastest of 9 warm full scans per side, alternating; each connection is fresh and warmed by one scan. */
function scanPair(openEnc: () => Db, openPlainDb: () => Db): { enc: number; plain: number } {
  const enc = openEnc();
  const plain = openPlainDb();
  try {
    const scans = [enc, plain].map((db) => db.prepare('SELECT sum(length(a)) AS s, max(b) AS m FROM scan'));
    for (const scan of scans) scan.get();
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < 9; i++) {
      for (const side of i % 2 === 0 ? [0, 1] : [1, 0]) times[side]?.push(time(() => scans[side]?.get()));
    }
    return { enc: fastest(times[0]), plain: fastest(times[1]) };
  } finally {
    enc.close();
    plain.close();
  }
}

function ratioRow(name: string, enc: number, plain: number, limit: number): BenchRow {
  const ratio = enc / plain;
  return { name, value: Math.round(ratio * 100) / 100, unit: '×', target: `≤ ${limit}×`, met: ratio <= limit, note: `${enc.toFixed(1)} ms vs ${plain.toFixed(1)} ms` };
}

/** Runs the vault benchmark; see the file comment. */
export async function run(): Promise<BenchReport> {
  const root = mkdtempSync(join(tmpdir(), 'kk-bench-'));
  const rows: BenchRow[] = [];
  try {
    // 1a. Bulk writes (an import), encrypted vs plaintext: fresh files per repetition, order alternating.
    const bulk: Record<'enc' | 'plain', Array<{ bulk: number; checkpoint: number }>> = { enc: [], plain: [] };
    const pair: Partial<Record<'enc' | 'plain', Db>> = {};
    const pairKey = randomBytes(32);
    for (let rep = 0; rep < REPS; rep++) {
      const order: Array<'enc' | 'plain'> = rep % 2 === 0 ? ['enc', 'plain'] : ['plain', 'enc'];
      for (const kind of order) {
        const key = rep === REPS - 1 ? pairKey : randomBytes(32);
        const path = join(root, `mix-${kind}-${rep}.db`);
        const db = kind === 'enc' ? openEncrypted(path, key, VAULT_CACHE_KIB) : openPlain(path, VAULT_CACHE_KIB);
        bulk[kind].push(populate(db));
        // The last pair stays open (warm, as in a session) for small writes and the read side.
        if (rep === REPS - 1) pair[kind] = db;
        else {
          db.close();
          key.fill(0);
        }
      }
    }
    rows.push(ratioRow('writes: bulk import, one transaction (encrypted / plaintext)', fastest(bulk.enc.map((b) => b.bulk)), fastest(bulk.plain.map((b) => b.bulk)), 1.4));

    // 1b. Small writes (one save per transaction, fsync each): alternating rounds on the open pair,
    // because fsync time on a shared disk varies more than the encryption costs.
    const small: Record<'enc' | 'plain', number[]> = { enc: [], plain: [] };
    const savers = { enc: writer(pair.enc as Db, 7).save, plain: writer(pair.plain as Db, 7).save };
    for (let round = 0; round < SMALL_ROUNDS; round++) {
      for (const kind of round % 2 === 0 ? (['enc', 'plain'] as const) : (['plain', 'enc'] as const)) {
        small[kind].push(time(() => { for (let i = 0; i < SMALL_TRANSACTIONS; i++) savers[kind](); }));
      }
    }
    rows.push(ratioRow(`writes: small transactions, ${SMALL_TRANSACTIONS} per round (encrypted / plaintext)`, fastest(small.enc), fastest(small.plain), 1.4));
    const idle = ratioRow('idle checkpoint after the import (encrypted / plaintext)', fastest(bulk.enc.map((b) => b.checkpoint)), fastest(bulk.plain.map((b) => b.checkpoint)), 1.4);
    delete idle.target;
    delete idle.met;
    rows.push(idle);
    const whole = (b: { bulk: number; checkpoint: number }) => b.bulk + b.checkpoint;
    const allRow = ratioRow('import + idle checkpoint, all work (encrypted / plaintext)', fastest(bulk.enc.map(whole)), fastest(bulk.plain.map(whole)), 1.4);
    delete allRow.target;
    delete allRow.met;
    rows.push(allRow);

    // 1b. Reads, searches, aggregates: short rounds alternating between the two open databases,
    // so a burst of other work on the machine hits both sides alike.
    const reads: Record<'enc' | 'plain', Array<Record<QueryPhase, number>>> = { enc: [], plain: [] };
    for (let round = 0; round < QUERY_ROUNDS; round++) {
      const order: Array<'enc' | 'plain'> = round % 2 === 0 ? ['enc', 'plain'] : ['plain', 'enc'];
      for (const kind of order) reads[kind].push(queries(pair[kind] as Db, 1000 + round));
    }
    pair.enc?.close();
    pair.plain?.close();
    pairKey.fill(0);
    for (const phase of ['reads: lookups', 'searches', 'aggregates'] as const) {
      rows.push(ratioRow(`${phase} (encrypted / plaintext)`, fastest(reads.enc.map((s) => s[phase])), fastest(reads.plain.map((s) => s[phase])), 1.1));
    }

    // Diagnostic: the same bulk write with SQLite's default auto-checkpoint (every 1000 pages,
    // inside the commit), which is what WAL_AUTOCHECKPOINT_PAGES and the idle checkpoint avoid:
    // sqlite3mc decrypts each WAL frame and encrypts it again on its way into the main file.
    const noCheckpoint: Record<'enc' | 'plain', number[]> = { enc: [], plain: [] };
    for (let rep = 0; rep < REPS; rep++) {
      for (const kind of ['enc', 'plain'] as const) {
        const key = randomBytes(32);
        const db = kind === 'enc' ? openEncrypted(join(root, `nockpt-${kind}-${rep}.db`), key, VAULT_CACHE_KIB) : openPlain(join(root, `nockpt-${kind}-${rep}.db`), VAULT_CACHE_KIB);
        db.pragma('wal_autocheckpoint = 1000');
        noCheckpoint[kind].push(populate(db).bulk);
        db.close();
        key.fill(0);
      }
    }
    const diag = ratioRow('writes: bulk with SQLite default auto-checkpoint (diagnostic)', fastest(noCheckpoint.enc), fastest(noCheckpoint.plain), 1.4);
    delete diag.target;
    delete diag.met;
    rows.push(diag);

    // 2. The page cache on a 100,000-row full scan.
    const key = randomBytes(32);
    const encPath = join(root, 'scan-enc.db');
    const plainPath = join(root, 'scan-plain.db');
    for (const [path, open] of [[encPath, () => openEncrypted(encPath, key, VAULT_CACHE_KIB)], [plainPath, () => openPlain(plainPath, VAULT_CACHE_KIB)]] as const) {
      const db = open();
      fillScanTable(db);
      db.close();
      void path;
    }
    const scanMiB = statSync(encPath).size / 1024 / 1024;
    for (const cache of ['sqlite-default', VAULT_CACHE_KIB] as const) {
      const { enc, plain } = scanPair(() => openEncrypted(encPath, key, cache), () => openPlain(plainPath, cache));
      const label = cache === 'sqlite-default' ? 'default cache (16 MiB in this build)' : `VAULT_CACHE_KIB = ${cache / 1024} MiB`;
      const row = ratioRow(`full scan ${SCAN_ROWS.toLocaleString('en')} rows, ${label}`, enc, plain, 1.1);
      if (cache === 'sqlite-default') {
        delete row.target;
        delete row.met;
      }
      rows.push(row);
    }
    key.fill(0);

    // 3. Unlock: key derivation (Argon2id) vs opening (keying, quick_check, migrations check).
    const pass = `bench only ${randomBytes(8).toString('hex')} passphrase`;
    const vaultDir = join(root, 'vault');
    const created = await createVault(vaultDir, pass);
    fillScanTable(created.vault.db);
    closeVault(created.vault);
    const derive: number[] = [];
    const open: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const dataKey = await unwrapWithPassphrase(readKeyFile(vaultPaths(vaultDir).keyFile), pass);
      derive.push(performance.now() - t0);
      const t1 = performance.now();
      const db = openEncryptedDatabase(vaultPaths(vaultDir).database, dataKey, { verify: true });
      migrate(db, migrations);
      open.push(performance.now() - t1);
      db.close();
      dataKey.fill(0);
      const t2 = performance.now();
      closeVault(await unlockVault(vaultDir, pass));
      total.push(performance.now() - t2);
    }
    const vaultMiB = statSync(vaultPaths(vaultDir).database).size / 1024 / 1024;
    rows.push({ name: 'unlock: key derivation (Argon2id 64 MiB, 3 passes, 4 lanes)', value: Math.round(median(derive)), unit: 'ms' });
    rows.push({ name: `unlock: open + quick_check + schema check (${vaultMiB.toFixed(0)} MiB vault)`, value: Math.round(median(open)), unit: 'ms' });
    rows.push({ name: 'unlock: total (unlockVault)', value: Math.round(median(total)), unit: 'ms' });

    // 4. Memory.
    rows.push({ name: 'peak memory (maxRSS of the bench process)', value: Math.round(process.resourceUsage().maxRSS / 1024), unit: 'MiB' });
    rows.push({ name: 'heap used at the end', value: Math.round(process.memoryUsage().heapUsed / 1024 / 1024), unit: 'MiB' });

    return {
      name: 'vault: SQLCipher 4 (sqlite3mc) vs plaintext, same driver and pragmas',
      rows,
      context: {
        repetitions: REPS,
        queryRounds: QUERY_ROUNDS,
        bulkDossiers: BULK_DOSSIERS,
        smallTransactions: `${SMALL_ROUNDS}×${SMALL_TRANSACTIONS}`,
        lookups: LOOKUPS,
        scanRows: SCAN_ROWS,
        scanTableMiB: Number(scanMiB.toFixed(1)),
        cacheKiB: VAULT_CACHE_KIB,
      },
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
