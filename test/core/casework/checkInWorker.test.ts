// The import's second thread: it must hand over exactly what checking on the core's own thread
// would, in the same order, and the import must come out the same either way. Real files, real
// worker threads, real encrypted vaults.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInWorker } from '../../../electron/core/casework/checkInWorker';
import { check, fileSource, textSource, type Valid } from '../../../electron/core/casework/importSource';
import { seedItems } from '../../../electron/core/casework/seedData';
import { countDrift, openTestVault, snapshotCounts, today } from './helpers';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kk-checker-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function seedFile(n: number, seed: number) {
  const items = [...seedItems({ trajecten: n, seed, today, meldingenPerTraject: 1, journaalPerTraject: 2 })];
  return { format: 'ketenkluis.casework', versie: 1, trajecten: items.map((i) => i.traject), meldingen: items.flatMap((i) => i.meldingen) };
}

/** The same file checked on the second thread (from disk, or as the bytes of `text`) and on this thread (from its text). */
function both(source: { path: string } | { text: string }) {
  const inWorker: Valid[] = [];
  const here: Valid[] = [];
  const viaWorker = checkInWorker('path' in source ? source : { bytes: new TextEncoder().encode(source.text) }, (v) => inWorker.push(v));
  const viaCore = check('path' in source ? fileSource(source.path) : textSource(source.text), (v) => here.push(v));
  return { viaWorker, viaCore, inWorker, here };
}

describe('checking an import on a second thread', () => {
  it('hands over the same records, in the same order, as checking on the core thread (file and bytes)', () => {
    const file = seedFile(700, 3);
    const text = JSON.stringify(file);
    const path = join(dir, 'ok.json');
    writeFileSync(path, text);
    for (const source of [{ path }, { text }]) {
      const r = both(source);
      expect(r.viaWorker).toEqual({ ok: true, count: { trajecten: 700, meldingen: file.meldingen.length } });
      expect(r.viaWorker).toEqual(r.viaCore);
      expect(r.inWorker).toHaveLength(700 + file.meldingen.length);
      // Deep equality: what crossed the threads is exactly what the schema gave back here.
      expect(r.inWorker).toEqual(r.here);
    }
  });

  it("takes the app's bytes over without a copy, and only once the thread runs", () => {
    const text = JSON.stringify(seedFile(300, 7));
    const bytes = new TextEncoder().encode(text);
    const inWorker: Valid[] = [];
    const here: Valid[] = [];
    const viaWorker = checkInWorker({ bytes }, (v) => inWorker.push(v));
    expect(viaWorker).toEqual(check(textSource(text), (v) => here.push(v)));
    expect(inWorker).toEqual(here);
    // Handed over: the caller's array is empty now (its memory belongs to the thread).
    expect(bytes.byteLength).toBe(0);
    // A thread that does not start gets nothing: the bytes stay, so the core can check them itself.
    const kept = new TextEncoder().encode(text);
    expect(checkInWorker({ bytes: kept }, () => undefined, { script: { file: join(dir, 'missing.cjs'), execArgv: [] }, startMs: 1000 })).toBeUndefined();
    expect(kept.byteLength).toBe(Buffer.byteLength(text));
  });

  it('copies a view into a larger buffer before handing it over, so the larger buffer stays intact', () => {
    const encoded = new TextEncoder().encode(JSON.stringify(seedFile(4, 9)));
    // A Buffer: its slice() is a view, not a copy, so only a real copy keeps it whole.
    const larger = Buffer.alloc(encoded.byteLength + 10, 7);
    larger.set(encoded, 5);
    const r = checkInWorker({ bytes: larger.subarray(5, 5 + encoded.byteLength) }, () => undefined);
    expect(r).toMatchObject({ ok: true, count: { trajecten: 4 } });
    expect(larger.byteLength).toBe(encoded.byteLength + 10);
    expect([larger[0], larger.at(-1)]).toEqual([7, 7]);
  });

  it('stops handing over at the first bad record and reports the same reasons', () => {
    const file = seedFile(400, 4);
    (file.trajecten[250] as Record<string, unknown>).gemeente = 'Atlantis';
    (file.trajecten[390]!.client as Record<string, unknown>).onbekendVeld = 'x';
    const r = both({ text: JSON.stringify(file) });
    expect(r.viaWorker).toEqual(r.viaCore);
    expect(r.viaWorker?.ok).toBe(false);
    expect(r.inWorker).toEqual(r.here);
    expect(r.inWorker.filter((v) => v.list === 'trajecten')).toHaveLength(250);
  });

  it('says "not JSON" for a broken file, as the core thread does', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{"format": "ketenkluis.casework", "versie": 1, "trajecten": [{"a": 1}, {"b": ');
    const r = both({ path });
    expect(r.viaWorker).toEqual(r.viaCore);
    expect(r.viaWorker).toMatchObject({ ok: false, issues: [{ path: '(bestand)' }] });
  });

  it('gives up quickly when the thread cannot start, having handed over nothing', () => {
    const accepted: Valid[] = [];
    const started = Date.now();
    const r = checkInWorker({ bytes: new TextEncoder().encode(JSON.stringify(seedFile(5, 5))) }, (v) => accepted.push(v), { script: { file: join(dir, 'missing.cjs'), execArgv: [] }, startMs: 1500 });
    expect(r).toBeUndefined();
    expect(accepted).toEqual([]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('an import with or without the second thread', () => {
  it('writes the same records and counts either way, from bytes or from text', async () => {
    const text = JSON.stringify(seedFile(120, 6));
    const results = [];
    for (const [oneThread, asBytes] of [[false, true], [true, true], [false, false]] as const) {
      const v = openTestVault();
      try {
        if (oneThread) process.env.KK_IMPORT_ONE_THREAD = '1';
        const r = await v.call('import.json', asBytes ? { bytes: new TextEncoder().encode(text) } : { text });
        const d = await v.call('dashboard.get', {});
        results.push({ r, counts: snapshotCounts(v.db), drift: countDrift(v.db), open: d.openPerFaseEnVorm, monitor: d.monitor });
      } finally {
        delete process.env.KK_IMPORT_ONE_THREAD;
        v.close();
      }
    }
    expect(results[0]?.r.trajecten).toBe(120);
    expect(results[0]).toEqual(results[1]);
    expect(results[0]).toEqual(results[2]);
    expect(results[0]?.drift).toEqual([]);
    expect(results[0]?.open.length).toBeGreaterThan(0);
  });
});
