// The import's second thread: it must hand over exactly what checking on the core's own thread
// would, in the same order, and the import must come out the same either way. Real files, real
// worker threads, real encrypted vaults.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInWorker } from '../../../electron/core/casework/checkInWorker';
import { check, fileSource, type Valid } from '../../../electron/core/casework/importSource';
import { seedItems } from '../../../electron/core/casework/seedData';
import { countDrift, openTestVault, snapshotCounts, today } from './helpers';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kk-checker-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function seedFile(n: number, seed: number) {
  const items = [...seedItems({ trajecten: n, seed, today, meldingenPerTraject: 1, journaalPerTraject: 2 })];
  return { format: 'ketenkluis.casework', versie: 1, trajecten: items.map((i) => i.traject), meldingen: items.flatMap((i) => i.meldingen) };
}

/** Threads of this process, as the kernel counts them. */
const threads = () => Number(/Threads:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
/** Waits (up to 5 s) until `done` is truthy; its last answer. */
async function settled<T>(done: () => T): Promise<T> {
  let answer = done();
  for (let i = 0; i < 50 && !answer; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    answer = done();
  }
  return answer;
}

let files = 0;
/** Writes `content` to a new file in the temp folder; its path. */
function fileWith(content: unknown): string {
  const path = join(dir, `f${++files}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** The same file checked on the second thread and on this thread. */
function both(path: string) {
  const inWorker: Valid[] = [];
  const here: Valid[] = [];
  const viaWorker = checkInWorker(path, (v) => inWorker.push(v));
  const viaCore = check(fileSource(path), (v) => here.push(v));
  return { viaWorker, viaCore, inWorker, here };
}

describe('checking an import on a second thread', () => {
  it('hands over the same records, in the same order, as checking on the core thread', () => {
    const file = seedFile(700, 3);
    const r = both(fileWith(file));
    expect(r.viaWorker).toEqual({ ok: true, count: { trajecten: 700, meldingen: file.meldingen.length } });
    expect(r.viaWorker).toEqual(r.viaCore);
    expect(r.inWorker).toHaveLength(700 + file.meldingen.length);
    // Deep equality: what crossed the threads is exactly what the schema gave back here.
    expect(r.inWorker).toEqual(r.here);
  });

  it('stops handing over at the first bad record and reports the same reasons', () => {
    const file = seedFile(400, 4);
    (file.trajecten[250] as Record<string, unknown>).gemeente = 'Atlantis';
    (file.trajecten[390]!.client as Record<string, unknown>).onbekendVeld = 'x';
    const r = both(fileWith(file));
    expect(r.viaWorker).toEqual(r.viaCore);
    expect(r.viaWorker?.ok).toBe(false);
    expect(r.inWorker).toEqual(r.here);
    expect(r.inWorker.filter((v) => v.list === 'trajecten')).toHaveLength(250);
  });

  it('says "not JSON" for a broken file, as the core thread does', () => {
    const r = both(fileWith('{"format": "ketenkluis.casework", "versie": 1, "trajecten": [{"a": 1}, {"b": '));
    expect(r.viaWorker).toEqual(r.viaCore);
    expect(r.viaWorker).toMatchObject({ ok: false, issues: [{ path: '(bestand)' }] });
  });

  it('refuses a key given twice at the top (JSON.parse would keep the last one), as the core thread does', () => {
    const file = seedFile(3, 8);
    const r = both(fileWith(`{"versie": 0, ${JSON.stringify(file).slice(1)}`));
    expect(r.viaWorker).toEqual(r.viaCore);
    expect(r.viaWorker).toEqual({ ok: false, total: 1, issues: [{ path: 'versie', message: 'Dit veld staat twee keer in het bestand. Haal een van de twee weg' }] });
    expect(r.inWorker).toEqual([]);
  });

  it('keeps the core told while many records fail, and the thread ends by itself afterwards', async () => {
    // 3,000 records that all fail: none is handed over, yet the thread sends a sign of life every
    // 256 records, so even a short stall limit is not reached. Then it ends on its own: it is
    // never terminated from outside (that once aborted the process).
    const path = fileWith({ format: 'ketenkluis.casework', versie: 1, trajecten: Array.from({ length: 3000 }, () => ({ a: 1 })) });
    checkInWorker(path, () => undefined); // warm-up: threads the runtime starts once
    await settled(() => threads());
    const before = threads();
    const r = checkInWorker(path, () => undefined, { stallMs: 1500 });
    expect(r).toMatchObject({ ok: false, total: expect.any(Number) });
    expect(await settled(() => threads() <= before)).toBe(true);
  });

  it('gives up quickly when the thread cannot start, having handed over nothing', () => {
    const accepted: Valid[] = [];
    const started = Date.now();
    const r = checkInWorker(fileWith(seedFile(5, 5)), (v) => accepted.push(v), { script: { file: join(dir, 'missing.cjs'), execArgv: [] }, startMs: 1500 });
    expect(r).toBeUndefined();
    expect(accepted).toEqual([]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('an import with or without the second thread', () => {
  it('writes the same records and counts either way', async () => {
    const path = fileWith(seedFile(120, 6));
    const results = [];
    for (const oneThread of [false, true]) {
      const v = openTestVault();
      try {
        if (oneThread) process.env.KK_IMPORT_ONE_THREAD = '1';
        const r = await v.call('import.file', { path });
        const d = await v.call('dashboard.get', {});
        results.push({ r, counts: snapshotCounts(v.db), drift: countDrift(v.db), open: d.openPerFaseEnVorm, monitor: d.monitor });
      } finally {
        delete process.env.KK_IMPORT_ONE_THREAD;
        v.close();
      }
    }
    expect(results[0]?.r.trajecten).toBe(120);
    expect(results[0]).toEqual(results[1]);
    expect(results[0]?.drift).toEqual([]);
    expect(results[0]?.open.length).toBeGreaterThan(0);
  });
});
