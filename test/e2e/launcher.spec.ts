// `npm start` without an Electron binary: one plain line, then the development preview on the
// real first-run screen. (Where a binary exists, npm start runs Electron and this is skipped.)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { checkScreen, expect, repoRoot, TEST_PASSPHRASE, test } from './fixtures';

const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const FOREIGN_VAULT_WARNING =
  'Let op: KK_VAULT_DIR wijst naar een kluis die niet door de ontwikkelweergave is gemaakt; de ontwikkelweergave is alleen voor nepgegevens.';

/** `npm start` in a child with its own temp folder (TMPDIR) and no display; lines as they come. */
function startLauncher(root: string, env: Record<string, string>) {
  const tmp = join(root, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const childEnv: Record<string, string | undefined> = { ...process.env, TMPDIR: tmp, ...env };
  delete childEnv.DISPLAY;
  delete childEnv.WAYLAND_DISPLAY;
  // Its own process group, so a test can send Ctrl+C the way a terminal does (to the whole group).
  const child = spawn(tsx, ['electron/launcher/start.ts'], { cwd: repoRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const wake of waiters.splice(0)) wake();
  });
  /** Resolves with the first line matching `pattern`. */
  const waitForLine = (pattern: RegExp, ms = 100_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line ${pattern}: ${lines.join(' | ')}`)), ms);
      const check = () => {
        const hit = lines.find((line) => pattern.test(line));
        if (hit !== undefined) {
          clearTimeout(timer);
          resolve(hit);
        } else waiters.push(check);
      };
      child.once('exit', (code) => reject(new Error(`npm start exited (${code}): ${lines.join(' | ')}`)));
      check();
    });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, waitForLine, exited, profiles: () => readdirSync(tmp).filter((name) => name.startsWith('ketenkluis-preview-')) };
}

/** Processes whose command line mentions `dir` (Linux /proc). */
function browsersOn(dir: string): number {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(dir);
      } catch {
        return false;
      }
    }).length;
}

/** Runs a module script with tsx in the repo; returns its last stdout line parsed as JSON. */
function runScript(script: string, env: Record<string, string | undefined> = process.env) {
  const r = spawnSync(tsx, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8', timeout: 90_000, env });
  expect(r.stderr, 'script stderr').toBe('');
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

function hasElectron(): boolean {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path);
  } catch {
    return false;
  }
}

test('npm start falls back to the preview, says where the vault is, that it is for test data and how to stop; a newcomer lands on the first-run screen', async ({ page }) => {
  test.skip(hasElectron(), 'npm start runs the real Electron app on this machine');
  test.setTimeout(120_000);
  const root = mkdtempSync(join(tmpdir(), 'kk-start-'));
  // The default vault folder, under a home of its own (not the person's real data folder).
  const launcher = startLauncher(root, { HOME: root, XDG_DATA_HOME: join(root, 'data'), KK_PREVIEW_NO_BROWSER: '1' });
  try {
    const url = /(http:\/\/127\.0\.0\.1:\d+\/launch\/\S+)/.exec(await launcher.waitForLine(/^Open dit adres/))![1]!;
    await launcher.waitForLine(/^Stoppen:/);
    expect(launcher.lines).toEqual([
      'Electron is hier niet beschikbaar; de ontwikkelweergave start in Chromium.',
      'Kluismap: ~/data/ketenkluis-dev/vault',
      'Alleen voor nepgegevens: zet hier geen echte gegevens van cliënten in.',
      expect.stringMatching(/^Open dit adres \(één keer geldig\) in Chromium of Chrome: http/),
      // No window of its own here, so closing one ends nothing: only Ctrl+C is offered.
      'Stoppen: druk hier op Ctrl+C.',
    ]);
    expect(existsSync(join(root, 'data', 'ketenkluis-dev', 'vault'))).toBe(true);

    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Ketenkluis' })).toBeVisible();
    // The token moved from the address bar into memory only.
    expect(page.url()).not.toContain('token');
    // No browser offers to send a page of case data to a translation service.
    await expect(page.locator('html')).toHaveAttribute('translate', 'no');
    await expect(page.locator('meta[name="google"]')).toHaveAttribute('content', 'notranslate');
    await checkScreen(page, '00-npm-start-first-run');

    // The launch address works once: someone who read it from the process list gets nothing.
    const again = await page.request.get(url, { maxRedirects: 0 });
    expect(again.status()).toBe(404);
  } finally {
    // SIGTERM ending the preview is asserted in the next test; here only clean up, bounded in time.
    launcher.child.kill('SIGTERM');
    const timer = setTimeout(() => launcher.child.kill('SIGKILL'), 10_000);
    await launcher.exited;
    clearTimeout(timer);
    rmSync(root, { recursive: true, force: true });
  }
});

test('npm start: a browser that cannot open a window leaves no profile behind; SIGINT and SIGTERM end the preview cleanly', async () => {
  test.skip(hasElectron(), 'npm start runs the real Electron app on this machine');
  test.setTimeout(120_000);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const root = mkdtempSync(join(tmpdir(), 'kk-start-'));
    // No KK_PREVIEW_NO_BROWSER: the real Chromium starts and, without a display, stops at once.
    const launcher = startLauncher(root, { KK_VAULT_DIR: join(root, 'vault') });
    try {
      const line = await launcher.waitForLine(/^Chromium (is gestopt|start niet)\. Open dit adres/);
      expect(line).toMatch(/http:\/\/127\.0\.0\.1:\d+\/launch\/\S+$/);
      // The browser is gone, so is its temporary profile (before: it stayed until the launcher stopped).
      // A dying Chromium's helpers may recreate the folder for a moment; the launcher removes it again.
      await expect.poll(() => launcher.profiles(), { timeout: 5_000 }).toEqual([]);
      // Ctrl+C reaches the whole process group; `kill` reaches the one process.
      if (signal === 'SIGINT') process.kill(-launcher.child.pid!, 'SIGINT');
      else launcher.child.kill('SIGTERM');
      expect(await launcher.exited, signal).toBe(0);
      await expect.poll(() => launcher.profiles(), { timeout: 5_000 }).toEqual([]);
    } finally {
      if (launcher.child.exitCode === null) process.kill(-launcher.child.pid!, 'SIGKILL');
      rmSync(root, { recursive: true, force: true });
    }
  }
});

test('preview: a running browser is stopped and its profile removed on stop and on any exit', async () => {
  test.setTimeout(120_000);
  const root = mkdtempSync(join(tmpdir(), 'kk-preview-'));
  const tmp = join(root, 'tmp');
  mkdirSync(tmp);
  // Real Chromium, headless (there is no display here), on the preview's own temporary profile.
  const script = (finish: string) => `
    const { startPreview } = await import('./electron/launcher/preview.ts');
    const { findChromium } = await import('./electron/launcher/chromium.ts');
    const { existsSync, readdirSync, readFileSync } = await import('node:fs');
    // Processes whose command line names this profile (the browser and its helpers).
    const browsersOn = (dir) => readdirSync('/proc').filter((p) => /^\\d+$/.test(p)).filter((p) => {
      try { return readFileSync('/proc/' + p + '/cmdline', 'utf8').includes(dir); } catch { return false; }
    }).length;
    const preview = await startPreview({
      vaultDir: ${JSON.stringify(join(root, 'vault'))}, vaultDirFromEnv: true, staticDir: 'dist/renderer-bridge',
      browser: findChromium(), extraBrowserArgs: ['--headless=new', '--disable-gpu'], say: () => {},
    });
    const profile = preview.profileDir;
    const deadline = Date.now() + 30000;
    while (readdirSync(profile).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const out = { profileUsed: readdirSync(profile).length > 0 };
    // The browser's own command line (the process that got --app): the flags a person's window runs with.
    const browserArgs = readdirSync('/proc').filter((p) => /^\\d+$/.test(p)).map((p) => {
      try { return readFileSync('/proc/' + p + '/cmdline', 'utf8').split('\\0'); } catch { return []; }
    }).find((args) => args.some((a) => a.startsWith('--app=')) && args.includes('--user-data-dir=' + profile)) ?? [];
    out.noTranslate = browserArgs.includes('--disable-features=Translate');
    out.noFlagInfobar = browserArgs.includes('--test-type');
    ${finish}
  `;
  const env: Record<string, string | undefined> = { ...process.env, TMPDIR: tmp };
  delete env.DISPLAY;
  try {
    const stopped = runScript(
      script(`
        out.browserRan = browsersOn(profile) > 0;
        await preview.stop();
        for (let i = 0; i < 50 && browsersOn(profile) > 0; i++) await new Promise((r) => setTimeout(r, 100));
        out.browsersLeft = browsersOn(profile);
        out.profileLeft = existsSync(profile);
        out.profileDir = preview.profileDir;
        console.log(JSON.stringify(out));
        process.exit(0);
      `),
      env,
    );
    // Translation off and no English "unsupported command-line flag" bar (--test-type hides it).
    expect(stopped).toEqual({ profileUsed: true, noTranslate: true, noFlagInfobar: true, browserRan: true, browsersLeft: 0, profileLeft: false, profileDir: null });
    expect(readdirSync(tmp).filter((name) => name.startsWith('ketenkluis-preview-'))).toEqual([]);

    // Ending without stop (an error, process.exit): the exit handler still kills the browser and cleans up.
    const exitedRaw = runScript(script(`console.log(JSON.stringify(out)); process.exit(3);`), env);
    expect(exitedRaw).toEqual({ profileUsed: true, noTranslate: true, noFlagInfobar: true });
    // The browser was killed with the launcher, not left running on a deleted profile, and the
    // profile is gone for good (also what its dying helpers wrote a moment later).
    await expect.poll(() => browsersOn(tmp), { timeout: 10_000 }).toBe(0);
    const profiles = () => readdirSync(tmp).filter((name) => name.startsWith('ketenkluis-preview-'));
    await expect.poll(profiles, { timeout: 5_000 }).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(profiles()).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('preview without a browser makes exactly one launch address (the printed one) and no profile', async () => {
  const root = mkdtempSync(join(tmpdir(), 'kk-preview-'));
  const tmp = join(root, 'tmp');
  mkdirSync(tmp);
  try {
    const out = runScript(
      `
      const { startPreview } = await import('./electron/launcher/preview.ts');
      const said = [];
      const preview = await startPreview({
        vaultDir: ${JSON.stringify(join(root, 'vault'))}, vaultDirFromEnv: true, staticDir: 'dist/renderer-bridge',
        browser: null, say: (line) => said.push(line),
      });
      const out = { said, pending: preview.bridge.pendingLaunchLinks, profileDir: preview.profileDir };
      await preview.stop();
      console.log(JSON.stringify(out));
      `,
      { ...process.env, TMPDIR: tmp },
    );
    expect(out.pending).toBe(1);
    expect(out.profileDir).toBeNull();
    expect(out.said).toHaveLength(1);
    expect((out.said as string[])[0]).toMatch(/^Open dit adres \(één keer geldig\) in Chromium of Chrome: http:\/\/127\.0\.0\.1:\d+\/launch\/\S+$/);
    expect(readdirSync(tmp).filter((name) => name.startsWith('ketenkluis-preview-'))).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('npm start warns in one line when KK_VAULT_DIR holds a vault the preview did not make', async () => {
  test.skip(hasElectron(), 'npm start runs the real Electron app on this machine');
  test.setTimeout(120_000);
  const root = mkdtempSync(join(tmpdir(), 'kk-start-'));
  const foreign = join(root, 'foreign');
  const own = join(root, 'own');
  try {
    // A real vault made outside the preview (as the app or `kk` would), and one the preview started.
    const made = runScript(`
      const { createVault, closeVault } = await import('./electron/core/vault/vault.ts');
      const { prepareVaultDir } = await import('./electron/launcher/preview.ts');
      const first = await createVault(${JSON.stringify(foreign)}, ${JSON.stringify(TEST_PASSPHRASE)});
      closeVault(first.vault);
      const before = prepareVaultDir(${JSON.stringify(own)});
      const second = await createVault(${JSON.stringify(own)}, ${JSON.stringify(TEST_PASSPHRASE)});
      closeVault(second.vault);
      console.log(JSON.stringify({ foreign: prepareVaultDir(${JSON.stringify(foreign)}), ownEmpty: before, own: prepareVaultDir(${JSON.stringify(own)}) }));
    `);
    expect(made).toEqual({ foreign: 'foreign', ownEmpty: 'preview', own: 'preview' });

    for (const [dir, warned] of [
      [foreign, true],
      [own, false],
    ] as const) {
      const launcher = startLauncher(root, { KK_VAULT_DIR: dir, KK_PREVIEW_NO_BROWSER: '1' });
      try {
        await launcher.waitForLine(/^Open dit adres/);
        expect(launcher.lines[0]).toBe('Electron is hier niet beschikbaar; de ontwikkelweergave start in Chromium.');
        // A folder the person chose is named by its variable, never by its path.
        expect(launcher.lines[1]).toBe('Kluismap: de map uit KK_VAULT_DIR.');
        if (warned) {
          expect(launcher.lines.filter((line) => line === FOREIGN_VAULT_WARNING)).toHaveLength(1);
          // One line, and nothing of the folder's path (it may carry a person's name).
          expect(launcher.lines.join('\n')).not.toContain(root);
        } else {
          expect(launcher.lines.join('\n')).not.toContain('Let op');
        }
      } finally {
        launcher.child.kill('SIGTERM');
        await launcher.exited;
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
