// Large import files of every shape, written on the fly (streamed, never held whole), for the
// shape test (importShape.test.ts) and the memory bench (test/bench/importMemory.bench.ts).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seedItems } from '../../../electron/core/casework/seedData';

export const MB = 1024 * 1024;

/** Writes `head`, then each run's `unit` until about its `bytes` are written, then `tail`. */
export async function writeBig(path: string, head: string, runs: Array<[unit: string, bytes: number]>, tail: string): Promise<string> {
  const out = createWriteStream(path);
  out.write(head);
  for (const [unit, bytes] of runs) {
    const block = unit.repeat(Math.max(1, Math.floor(MB / unit.length)));
    for (let written = 0; written < bytes; written += block.length) if (!out.write(block)) await once(out, 'drain');
  }
  out.end(tail);
  await once(out, 'finish');
  return path;
}

const ENVELOPE = '{"format": "ketenkluis.casework", "versie": 1, "trajecten": [';
const ENTRY = '{"datum": "2024-01-01", "soort": "notitie", "tekst": "Gesprek gevoerd over de opvang en de aangifte."},';

/** The odd shapes, each about `bytes` large; what each one is, for a table. */
export const oddShapes = {
  /** A valid JSON list at the top instead of the envelope (it once killed the core: exit 134). */
  list: { what: 'top-level list', write: (path: string, bytes: number) => writeBig(path, '[', [['{"a":1},', bytes]], '{"a":1}]') },
  /** One record that is a single huge string. */
  string: { what: 'one huge string as a record', write: (path: string, bytes: number) => writeBig(path, `${ENVELOPE}"`, [['x', bytes]], '"]}') },
  /** One record nested as deep as the file allows. */
  deep: { what: 'deep nesting', write: (path: string, bytes: number) => writeBig(path, ENVELOPE, [['[', bytes / 2], [']', bytes / 2]], ']}') },
  /** One traject-like record with a huge journal, then a small invalid record. */
  record: { what: 'one huge record', write: (path: string, bytes: number) => writeBig(path, `${ENVELOPE}{"journaal": [`, [[ENTRY, bytes]], `${ENTRY.slice(0, -1)}]}, {"a": 1}]}`) },
  /** A huge "format" value. */
  format: { what: 'huge "format" value', write: (path: string, bytes: number) => writeBig(path, '{"format": "', [['x', bytes]], '"}') },
  /** Millions of tiny records (more than a list may hold). */
  tiny: { what: 'millions of tiny records', write: (path: string, bytes: number) => writeBig(path, ENVELOPE, [['0,', bytes]], '0]}') },
} as const;

/** A valid import file of `trajecten` synthetic trajecten (two journal entries each), streamed. */
export async function writeValidImport(path: string, trajecten: number, today: string): Promise<string> {
  const out = createWriteStream(path);
  out.write(ENVELOPE);
  let first = true;
  for (const item of seedItems({ trajecten, seed: 7, today, meldingenPerTraject: 0, journaalPerTraject: 2 })) {
    if (!out.write(`${first ? '' : ','}${JSON.stringify(item.traject)}`)) await once(out, 'drain');
    first = false;
  }
  out.end('], "meldingen": []}');
  await once(out, 'finish');
  return path;
}
