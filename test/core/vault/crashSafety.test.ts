import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeVault, createVault, unlockVault } from '../../../electron/core/vault/vault';
import { integrityOk } from '../../../electron/core/vault/sqlcipher';
import { ROOT, tempDir, testPassphrase, tsNodeArgs } from './helpers';

const CHILD = join(ROOT, 'test/core/vault/fixtures/vaultChild.ts');
const KILLS = 50;
/**
 * The kill moments come from a seeded generator, so a failure can be replayed exactly:
 * KK_CRASH_SEED=<the seed printed by the failing run> npx vitest run test/core/vault/crashSafety.test.ts
 */
const SEED = Number(process.env.KK_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let dir: string;
let cleanup: () => void;
let pass: string;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir('kk-crash-'));
  pass = testPassphrase();
  closeVault((await createVault(dir, pass)).vault);
});
afterAll(() => cleanup());

/** Runs one writer child, kills it with SIGKILL after `delayMs` of writing, returns the ids it reported committed. */
function writeThenKill(startId: number, delayMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, tsNodeArgs(CHILD, ['writer', dir, String(startId)]), {
      cwd: ROOT,
      env: { ...process.env, KK_PASSPHRASE: pass },
    });
    const committed: number[] = [];
    let buffered = '';
    let timer: NodeJS.Timeout | undefined;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready' && !timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        const m = /^committed (\d+)$/.exec(line);
        if (m) committed.push(Number(m[1]));
      }
    });
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without a kill: ${code} ${stderr.trim()}`));
      else resolve(committed);
    });
  });
}

describe('crash safety', () => {
  it(`keeps every reported commit and stays intact through ${KILLS} SIGKILLs at random moments`, { timeout: 240_000 }, async () => {
    console.log(`crash safety: KK_CRASH_SEED=${SEED}`);
    const random = seededRandom(SEED);
    let nextId = 1;
    let totalReported = 0;
    for (let round = 0; round < KILLS; round++) {
      // A moment within the write loop: 5–300 ms after the child starts writing.
      const delay = 5 + Math.floor(random() * 295);
      const reported = await writeThenKill(nextId, delay);
      totalReported += reported.length;
      const replay = `kill ${round} after ${delay} ms (replay: KK_CRASH_SEED=${SEED})`;
      const vault = await unlockVault(dir, pass);
      try {
        expect(integrityOk(vault.db), `integrity after ${replay}`).toBe(true);
        if (reported.length > 0) {
          const ids = new Set(
            (vault.db.prepare('SELECT id FROM crash_log WHERE id >= ? AND id <= ?').all(reported[0], reported.at(-1)) as Array<{ id: number }>).map((r) => r.id),
          );
          const missing = reported.filter((id) => !ids.has(id));
          expect(missing, `reported commits missing after ${replay}`).toEqual([]);
          // Every transaction is all-or-nothing: 20 items per logged id.
          const partial = vault.db
            .prepare('SELECT tx, count(*) AS items FROM crash_items WHERE tx >= ? GROUP BY tx HAVING count(*) != 20')
            .all(reported[0]);
          expect(partial, `half transactions after ${replay}`).toEqual([]);
        }
        const max = vault.db.prepare('SELECT max(id) AS m FROM crash_log').get() as { m: number | null };
        nextId = (max.m ?? 0) + 1;
      } finally {
        closeVault(vault);
      }
    }
    expect(totalReported).toBeGreaterThan(KILLS); // the kills really landed during writing
  });
});
