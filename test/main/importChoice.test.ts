// Main keeps the chosen import file's path to itself: the window gets a one-time token, a name
// and a size. Real files in a temp folder; the dialog and the core are played by the test.
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KkError } from '../../shared/errors';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/casework/import.schema';
import { typedCoreCall } from '../../electron/gateway/coreCall';
import { CHOICE_TTL_MS, createImportChoice } from '../../electron/gateway/importChoice';
import { nativeOpenDialog } from '../../electron/main/importDialog';
import type { Result } from '../../shared/ipc/define';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kk-choice-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const imported = { dryRun: false, clienten: 1, trajecten: 1, meldingen: 0, journaal: 0, taken: 0, toestemmingen: 0 };

function setup(answers: Array<string | null>, coreResult: Result<unknown> = { ok: true, value: imported }) {
  let clock = 1_000_000;
  // The core's answer, adapted the way main adapts the core process (typedCoreCall).
  const forward = vi.fn(async (_method: string, input: unknown) => (coreResult.ok ? { ok: true as const, value: { ...imported, dryRun: (input as { dryRun: boolean }).dryRun } } : coreResult));
  const choice = createImportChoice({ showOpenDialog: async () => answers.shift() ?? null, forward: typedCoreCall(forward), now: () => clock });
  const choose = async () => {
    const r = await choice.handlers['import.chooseFile']({});
    if (!r.ok) throw new Error('chooseFile failed');
    return r.value.file;
  };
  const run = (token: string, dryRun = false, opnieuw = false) => choice.handlers['import.chosen']({ token, dryRun, opnieuw });
  return { choice, forward, choose, run, later: (ms: number) => (clock += ms) };
}

function file(name: string, content = '{"format":"ketenkluis.casework","versie":1}'): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function refusal(promise: Promise<unknown>): Promise<KkError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KkError);
  return error as KkError;
}

describe('import.chooseFile', () => {
  it('gives the window a one-time token, the name and the size, never the path', async () => {
    const path = file('Jansen-dossier.json');
    const { choose } = setup([path]);
    const chosen = await choose();
    expect(chosen).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), name: 'Jansen-dossier.json', size: 43 });
    expect(JSON.stringify(chosen)).not.toContain(dir);
  });

  it('a new choice gets a new token and the old one stops working', async () => {
    const { choose, run, forward } = setup([file('a.json'), file('b.json')]);
    const first = await choose();
    const second = await choose();
    expect(second?.token).not.toBe(first?.token);
    expect((await refusal(run(first!.token))).code).toBe('NOT_FOUND');
    expect(forward).not.toHaveBeenCalled();
  });

  it('a cancel answers null and keeps the earlier choice usable', async () => {
    const path = file('a.json');
    const { choose, run, forward } = setup([path, null]);
    const chosen = await choose();
    expect(await choose()).toBeNull();
    await run(chosen!.token, true);
    expect(forward).toHaveBeenCalledWith('import.file', { path, dryRun: true, opnieuw: false });
  });

  it('refuses a folder, a file that is gone and one over 512 MB, without naming the path', async () => {
    mkdirSync(join(dir, 'Jansen-map'));
    const big = file('Jansen-groot.json', '');
    truncateSync(big, MAX_IMPORT_FILE_BYTES + 1);
    const { choose } = setup([join(dir, 'Jansen-map'), join(dir, 'Jansen-weg.json'), big]);
    const errors = [await refusal(choose()), await refusal(choose()), await refusal(choose())];
    expect(errors.map((e) => e.code)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'INVALID_INPUT']);
    expect(errors[2]?.issues).toEqual([{ path: '(bestand)', message: 'Het bestand is groter dan 512 MB' }]);
    for (const e of errors) expect(JSON.stringify({ ...e.toInfo(), m: e.message })).not.toContain('Jansen');
  });

  it('does not stack a second dialog on one that is still open', async () => {
    let close: (path: string | null) => void = () => undefined;
    const choice = createImportChoice({ showOpenDialog: () => new Promise((resolve) => (close = resolve)), forward: vi.fn() });
    const first = choice.handlers['import.chooseFile']({});
    expect((await refusal(choice.handlers['import.chooseFile']({}))).code).toBe('CONFLICT');
    close(null);
    expect(await first).toEqual({ ok: true, value: { file: null } });
  });
});

describe('import.chosen', () => {
  it('hands the core the path behind the token; a dry run keeps the choice, an import ends it', async () => {
    const path = file('a.json');
    const { choose, run, forward } = setup([path]);
    const { token } = (await choose())!;
    expect(await run(token, true)).toMatchObject({ ok: true, value: { dryRun: true } });
    expect(await run(token)).toMatchObject({ ok: true, value: { dryRun: false } });
    expect(forward.mock.calls).toEqual([
      ['import.file', { path, dryRun: true, opnieuw: false }],
      ['import.file', { path, dryRun: false, opnieuw: false }],
    ]);
    // Imported once is enough: the same token cannot import the file a second time.
    expect((await refusal(run(token))).code).toBe('NOT_FOUND');
    expect(forward).toHaveBeenCalledTimes(2);
  });

  it('keeps the choice when the core refuses the file, so it can be fixed and tried again', async () => {
    const refused: Result<unknown> = { ok: false, error: { code: 'INVALID_INPUT', message: 'Import refused: 1 problem(s)', issues: [{ path: 'trajecten.0.gemeente', message: 'x' }] } };
    const { choose, run, forward } = setup([file('a.json')], refused);
    const { token } = (await choose())!;
    expect(await run(token)).toEqual(refused);
    expect(await run(token)).toEqual(refused);
    expect(forward).toHaveBeenCalledTimes(2);
  });

  it('a wrong token is refused and spends the choice (no guessing), and the core is never asked', async () => {
    const { choose, run, forward } = setup([file('a.json')]);
    const { token } = (await choose())!;
    const wrong = `${token.slice(0, 42)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await refusal(run(wrong))).code).toBe('NOT_FOUND');
    expect((await refusal(run(token))).code).toBe('NOT_FOUND');
    expect(forward).not.toHaveBeenCalled();
  });

  it(`forgets the choice after ${CHOICE_TTL_MS / 60_000} minutes, and when told to (lock, reload)`, async () => {
    const { choose, run, later, choice, forward } = setup([file('a.json'), file('b.json')]);
    const first = (await choose())!;
    later(CHOICE_TTL_MS + 1);
    expect((await refusal(run(first.token))).code).toBe('NOT_FOUND');
    const second = (await choose())!;
    choice.forget();
    expect((await refusal(run(second.token))).code).toBe('NOT_FOUND');
    expect(forward).not.toHaveBeenCalled();
  });
});

describe('nativeOpenDialog', () => {
  const window = { isDestroyed: () => false };
  it('shows one modal dialog for one JSON file on our window', async () => {
    const dialog = { showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/test/a.json'] })) };
    expect(await nativeOpenDialog(dialog as never, () => window as never)()).toBe('/home/test/a.json');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, { properties: ['openFile'], filters: [{ name: 'JSON', extensions: ['json'] }] });
  });

  it('answers null for a cancel, and shows nothing without a living window', async () => {
    const dialog = { showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })) };
    expect(await nativeOpenDialog(dialog as never, () => window as never)()).toBeNull();
    expect(await nativeOpenDialog(dialog as never, () => null)()).toBeNull();
    expect(await nativeOpenDialog(dialog as never, () => ({ isDestroyed: () => true }) as never)()).toBeNull();
    expect(dialog.showOpenDialog).toHaveBeenCalledTimes(1);
  });
});
