// Import files of any shape and size up to the limit are refused or read in bounded memory, and
// the core never dies from one. Real files (large ones are written on the fly and removed), real
// child processes with a small heap, a real checking thread, and `kk import` on a real vault.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFileText } from '../../../shared/casework/issueText';
import { LIMITS } from '../../../electron/core/casework/jsonStream';
import { closeVault, createVault } from '../../../electron/core/vault/vault';
import { MB, oddShapes } from './importShapes';

const root = resolve(import.meta.dirname, '../../..');
const node = join(root, 'node_modules/.bin/node');
let dir: string;

const file: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kk-shape-'));
  const write = async (name: keyof typeof oddShapes, bytes: number) => (file[name] = await oddShapes[name].write(join(dir, `${name}.json`), bytes));
  // 200 MB of a valid JSON list: once read whole, it killed the core (exit 134).
  await write('list', 200 * MB);
  for (const name of ['string', 'deep', 'record', 'format'] as const) await write(name, 48 * MB);
  await write('tiny', 16 * MB);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const recordTooLarge = importFileText.recordTooLarge(LIMITS.recordBytes / MB);
/** What each file is refused for: one clear reason, by place, never a value. */
const expected = () => ({
  [file.list!]: [{ path: '(bestand)', message: importFileText.aList }],
  [file.string!]: [{ path: 'trajecten.0', message: recordTooLarge }],
  [file.deep!]: [{ path: 'trajecten.0', message: importFileText.tooDeep(LIMITS.depth) }],
  // The records after a bad one are still checked ({"a": 1} has its own reasons).
  [file.record!]: [{ path: 'trajecten.0', message: recordTooLarge }, expect.objectContaining({ path: expect.stringMatching(/^trajecten\.1\./) })],
  [file.format!]: [{ path: 'format', message: importFileText.topValueTooLarge(LIMITS.topValueBytes / 1024) }],
  [file.tiny!]: [{ path: 'trajecten', message: importFileText.listTooLong(250_000) }],
});

/** Checks the files in a child process with a 64 MB JavaScript heap; its answers and peak RSS. */
function checkInChild(mode: 'core' | 'thread', files: string[]) {
  const child = spawnSync(node, ['--max-old-space-size=64', '--import', 'tsx', join(import.meta.dirname, 'importShape.child.ts'), mode, ...files], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  const lines = child.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: child.status, signal: child.signal, stderr: child.stderr.slice(0, 400), lines };
}

describe('an import file of any shape', () => {
  it.each(['core', 'thread'] as const)('is refused with a clear reason in bounded memory, checked on the %s thread', (mode) => {
    const files = Object.values(file);
    const r = checkInChild(mode, files);
    expect({ status: r.status, signal: r.signal, stderr: r.stderr }).toEqual({ status: 0, signal: null, stderr: '' });
    const byFile = Object.fromEntries(r.lines.filter((l) => 'file' in l).map((l) => [l.file, l.checked]));
    for (const [path, issues] of Object.entries(expected())) {
      expect(byFile[path], path).toMatchObject({ ok: false });
      expect((byFile[path] as { issues: unknown[] }).issues.slice(0, issues.length), path).toEqual(issues);
    }
    // The runtime with tsx and zod is ~95 MB; V8's young generation may add up to ~130 MB under
    // this allocation rate, whatever the file. The files are 16 to 200 MB each; the reader that
    // parsed unusual shapes whole died on three of them here, and used 2 GB on the 200 MB list.
    const peak = r.lines.at(-1)?.maxRssMB as number;
    expect(peak).toBeLessThan(300);
  }, 180_000);
});

describe('kk import of a hostile file', () => {
  let vaultDir: string;
  const passphrase = 'paars fietsje op de dijk bij het water';
  beforeAll(async () => {
    vaultDir = join(dir, 'kluis');
    closeVault((await createVault(vaultDir, passphrase)).vault);
  }, 60_000);

  it.each(['list', 'string'])('ends normally with the refusal for the %s file (the process used to abort)', (name) => {
    const child = spawnSync(node, ['--import', 'tsx', join(root, 'electron/core/cli/kk.ts'), 'import', '--dir', vaultDir, file[name]!], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, KK_PASSPHRASE: passphrase, KK_LANG: 'nl' },
      timeout: 120_000,
    });
    expect({ status: child.status, signal: child.signal }).toEqual({ status: 1, signal: null });
    expect(child.stderr).toContain('[INVALID_INPUT]');
    expect(child.stdout).toContain(name === 'list' ? importFileText.aList : recordTooLarge);
    // Never the path (a file name may name a person).
    expect(child.stdout + child.stderr).not.toContain(dir);
  }, 180_000);
});
