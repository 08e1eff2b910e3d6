// Imports never change data silently: bytes that are not UTF-8 (once stored as U+FFFD) and a key
// given twice (JSON.parse keeps the last one and drops the rest) are refused, with the record and
// the field. Real files, checked on the core's thread and on the checking thread alike.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check, fileSource, type Checked } from '../../../electron/core/casework/importSource';
import { checkInWorker } from '../../../electron/core/casework/checkInWorker';
import { seedItems } from '../../../electron/core/casework/seedData';
import { importFileText } from '../../../shared/casework/issueText';
import { today } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'kk-importtext-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const items = [...seedItems({ trajecten: 8, seed: 12, today, meldingenPerTraject: 1, journaalPerTraject: 2 })];
const trajecten = items.map((i) => i.traject);
const meldingen = items.flatMap((i) => i.meldingen);
const head = '{"format": "ketenkluis.casework", "versie": 1';
const list = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join(', ');
const validText = `${head}, "trajecten": [${list(trajecten)}], "meldingen": [${list(meldingen)}]}`;

let n = 0;
/** Checks `content` as a file on both threads; both must say the same. */
function checked(content: string | Buffer): Checked {
  const path = join(dir, `f${n++}.json`);
  writeFileSync(path, content);
  const here = check(fileSource(path));
  expect(checkInWorker(path, () => undefined)).toEqual(here);
  return here;
}

/** `text` as UTF-8, with each marker (a text inside it) replaced by raw bytes. */
function withBytes(text: string, replace: Record<string, number[]>): Buffer {
  const parts: Buffer[] = [];
  let rest = text;
  for (const [marker, bytes] of Object.entries(replace)) {
    const at = rest.indexOf(marker);
    expect(at).toBeGreaterThan(0);
    parts.push(Buffer.from(rest.slice(0, at)), Buffer.from(bytes));
    rest = rest.slice(at + marker.length);
  }
  return Buffer.concat([...parts, Buffer.from(rest)]);
}

describe('text that is not UTF-8', () => {
  it('is refused with the record and the field, and says the file is probably not UTF-8 (Windows-1252 "é")', () => {
    const t = structuredClone(trajecten);
    t[3]!.client!.roepnaam = 'ReneMARK1';
    t[5]!.journaal[1]!.tekst = 'Gesprek met MARK2 gehad';
    const text = `${head}, "trajecten": [${list(t)}], "meldingen": [${list(meldingen)}]}`;
    // "é" as Windows-1252 writes it: one byte 0xE9, which is not UTF-8.
    const r = checked(withBytes(text, { MARK1: [0xe9], MARK2: [0x52, 0x65, 0x6e, 0xe9] }));
    expect(r).toEqual({
      ok: false,
      total: 2,
      issues: [
        { path: 'trajecten.3.client.roepnaam', message: importFileText.notUtf8 },
        { path: 'trajecten.5.journaal.1.tekst', message: importFileText.notUtf8 },
      ],
    });
    expect(importFileText.notUtf8).toContain('het bestand is waarschijnlijk niet in UTF-8 opgeslagen');
  });

  it('is refused in a top-level value too', () => {
    expect(checked(withBytes(validText, { 'ketenkluis.casework': [0x6b, 0xe9] }))).toEqual({ ok: false, total: 1, issues: [{ path: 'format', message: importFileText.notUtf8 }] });
  });

  it('a UTF-8 byte order mark at the start is accepted (Windows editors write one); real UTF-8 "é" passes', () => {
    const t = structuredClone(trajecten);
    t[0]!.client!.roepnaam = 'René';
    const text = `${head}, "trajecten": [${list(t)}], "meldingen": [${list(meldingen)}]}`;
    expect(checked(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ ok: true, count: { trajecten: 8, meldingen: meldingen.length } });
  });
});

describe('a key given twice', () => {
  it('at the top is refused with its name, not imported with the last value (the issue\'s file)', () => {
    const [a, b, c, d] = trajecten.map((t) => JSON.stringify(t));
    const text = `{"format": "ketenkluis.casework", "format": "ketenkluis.casework", "versie": 1, "trajecten": [${a}, ${b}], "trajecten": [${c}, ${d}]}`;
    expect(checked(text)).toEqual({ ok: false, total: 1, issues: [{ path: 'format', message: importFileText.keyTwice }] });
    const lists = `${head}, "trajecten": [${a}, ${b}], "meldingen": [], "trajecten": [${c}, ${d}]}`;
    expect(checked(lists)).toEqual({ ok: false, total: 1, issues: [{ path: 'trajecten', message: importFileText.keyTwice }] });
  });

  it('inside a record is refused with the record and the field path, at any depth', () => {
    const records = trajecten.map((t) => JSON.stringify(t));
    records[2] = records[2]!.replace('"gemeente":', '"gemeente": "rotterdam", "gemeente":');
    records[6] = records[6]!.replace('"roepnaam":', '"roepnaam": "Anna", "roepnaam":');
    const text = `${head}, "trajecten": [${records.join(', ')}], "meldingen": [${list(meldingen)}]}`;
    expect(checked(text)).toEqual({
      ok: false,
      total: 2,
      issues: [
        { path: 'trajecten.2.gemeente', message: importFileText.fieldTwice },
        { path: 'trajecten.6.client.roepnaam', message: importFileText.fieldTwice },
      ],
    });
  });
});
