// The e2e fixture: a fresh temp vault per test and the app's first page, either through the
// loopback bridge (project "bridge") or the real Electron app (project "electron").
// It builds nothing: the runner builds dist/renderer-bridge (and dist/electron) beforehand.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, _electron, type ElectronApplication, type Page, type Route } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const screensDir = join(repoRoot, 'test-results', 'screens');

/** Test-only passphrases: clearly synthetic, defined here and never in product code. */
export const TEST_PASSPHRASE = 'test-only blauwe fiets bij de haven 42';
export const OTHER_TEST_PASSPHRASE = 'test-only groene tram naar het strand 7';

export interface AppHandle {
  page: Page;
  vaultDir: string;
  /** Opens the app afresh (a new page load: all renderer memory is gone). */
  reopen(): Promise<void>;
  /** Base URL of the bridge (bridge project only). */
  baseUrl?: string;
  /** The bridge token (bridge project only; used by the bridge security spec). */
  token?: string;
  /**
   * Writes a synthetic file into the test's temp folder and makes the app's next file dialog
   * choose it (null content: the next dialog is cancelled). Returns the file's path.
   */
  chooseFile(name: string, content: string | null): Promise<string>;
  /** Makes the app's next file dialog (open or save) answer with `path` as it is (null: cancelled); writes nothing. */
  answerDialog(path: string | null): Promise<void>;
  /** A path in the test's own temp folder, for a file a dialog should choose (nothing is written). */
  tempPath(name: string): string;
}

/** Writes the file for `chooseFile` (or nothing for a cancel); the path the dialog answers. */
function fileForDialog(root: string, name: string, content: string | null): string | null {
  if (content === null) return null;
  const path = join(root, name);
  writeFileSync(path, content);
  return path;
}

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

async function startHost(vaultDir: string): Promise<{ child: ChildProcess; url: string; answerDialog(path: string | null): Promise<void> }> {
  const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
  // stdin stays an open pipe: the host stops when it closes, so it never outlives the test run.
  const child = spawn(tsx, ['electron/devbridge/host.ts', '--dir', vaultDir], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bridge host did not start in time: ${stderr}`)), 30_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`bridge host exited (${code}): ${stderr}`)));
  });
  // The host plays main's file dialog from stdin, and says on stdout when it has taken the answer.
  const answerDialog = async (path: string | null): Promise<void> => {
    const taken = new Promise<void>((resolve) => lines.once('line', () => resolve()));
    child.stdin!.write(`${JSON.stringify({ chooseFile: path })}\n`);
    await taken;
  };
  return { child, url, answerDialog };
}

/** The synthetic profile the fixture gives each new vault (an invented name, never a real person). */
export const SYNTHETIC_PROFILE = { naam: 'Testa E2E-profiel', functie: 'zorgcoordinator', organisatie: 'essm', regio: 'rotterdam' } as const;

/**
 * Gives the vault this page creates the synthetic profile, the moment the core has created it
 * (before the window learns it did), so flows written before the profile existed are not
 * interrupted by its question. Once done it stops listening.
 */
async function profileOnCreate(page: Page, baseUrl: string, token: string): Promise<void> {
  const pattern = `${baseUrl}/api/invoke`;
  const handler = async (route: Route) => {
    const call = route.request().postDataJSON() as { method?: string } | null;
    const response = await route.fetch();
    const created = call?.method === 'vault.create' && ((await response.json()) as { ok?: boolean }).ok === true;
    if (created) {
      const saved = await page.request.post(pattern, {
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        data: { method: 'profile.save', input: { fields: SYNTHETIC_PROFILE } },
      });
      expect(((await saved.json()) as { ok?: boolean }).ok, 'the synthetic profile is saved').toBe(true);
    }
    await route.fulfill({ response });
    if (created) await page.unroute(pattern, handler);
  };
  await page.route(pattern, handler);
}

/**
 * The same seeding in the real app: main answers the window's `vault.create` through the window's
 * own IPC scope (`webContents.ipc`, which Electron asks before `ipcMain`), hands the call to the
 * app's own relay handler, and, once the core created the vault, saves SYNTHETIC_PROFILE through
 * the app's `profile.save` handler with the same trusted event, before the window learns the
 * vault exists. Then it steps aside. The relay's handlers are reached through ipcMain's handler
 * map (`_invokeHandlers`, where Electron keeps them); should a later Electron keep them elsewhere
 * this returns false, nothing is changed, and createVault answers the profile question instead.
 */
async function profileOnCreateInElectron(electronApp: ElectronApplication): Promise<boolean> {
  const seeded = await electronApp.evaluate(({ BrowserWindow, ipcMain }, fields) => {
    type Handler = (event: unknown, ...args: unknown[]) => unknown;
    const handlers = (ipcMain as unknown as { _invokeHandlers?: Map<string, Handler> })._invokeHandlers;
    const contents = BrowserWindow.getAllWindows()[0]?.webContents;
    const create = handlers?.get('kk:invoke:vault.create');
    const save = handlers?.get('kk:invoke:profile.save');
    if (!contents || !create || !save) return false;
    contents.ipc.handle('kk:invoke:vault.create', async (event, ...args) => {
      const result = (await create(event, ...args)) as { ok?: boolean } | undefined;
      if (result?.ok === true) {
        contents.ipc.removeHandler('kk:invoke:vault.create');
        const saved = (await save(event, { fields })) as { ok?: boolean } | undefined;
        if (saved?.ok !== true) throw new Error('the synthetic profile was not saved');
      }
      return result;
    });
    return true;
  }, SYNTHETIC_PROFILE);
  return seeded;
}

export const test = base.extend<{ app: AppHandle; syntheticProfile: boolean }>({
  // Each new vault gets SYNTHETIC_PROFILE, unless a spec says `test.use({ syntheticProfile: false })`
  // (the profile's own spec, which needs the question).
  syntheticProfile: [true, { option: true }],
  // `locale` (test.use) sets the browser's language, e.g. en-US as on an English Windows.
  // Depends on `playwright` only (which launches nothing), so the electron project never starts a
  // browser and is skipped before anything runs where no Electron binary exists.
  app: async ({ playwright, locale, syntheticProfile }, use, testInfo) => {
    if (testInfo.project.name === 'electron' && !electronBinary()) {
      testInfo.skip(true, 'no Electron binary on this machine');
    }
    const root = mkdtempSync(join(tmpdir(), 'kk-e2e-'));
    const vaultDir = join(root, 'vault');
    mkdirSync(vaultDir, { mode: 0o700 });
    try {
      if (testInfo.project.name === 'electron') {
        // main honours KK_VAULT_DIR when not packaged (electron/main/main.ts).
        const electronApp: ElectronApplication = await _electron.launch({
          args: [repoRoot],
          env: { ...process.env, KK_VAULT_DIR: vaultDir } as Record<string, string>,
        });
        const firstWindow = await electronApp.firstWindow();
        if (syntheticProfile) await profileOnCreateInElectron(electronApp);
        const handle: AppHandle = {
          page: firstWindow,
          vaultDir,
          async chooseFile(name, content) {
            const path = fileForDialog(root, name, content);
            // As a person choosing in the native dialog: main's dialog answers this once.
            await electronApp.evaluate(({ dialog }, chosen) => {
              const original = dialog.showOpenDialog;
              dialog.showOpenDialog = (async () => {
                dialog.showOpenDialog = original;
                return chosen === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [chosen] };
              }) as typeof dialog.showOpenDialog;
            }, path);
            return path ?? '';
          },
          async answerDialog(chosen) {
            await electronApp.evaluate(({ dialog }, answer) => {
              const open = dialog.showOpenDialog;
              const save = dialog.showSaveDialog;
              const restore = () => {
                dialog.showOpenDialog = open;
                dialog.showSaveDialog = save;
              };
              dialog.showOpenDialog = (async () => {
                restore();
                return answer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] };
              }) as typeof dialog.showOpenDialog;
              dialog.showSaveDialog = (async () => {
                restore();
                return answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer };
              }) as typeof dialog.showSaveDialog;
            }, chosen);
          },
          tempPath: (name) => join(root, name),
          async reopen() {
            // A window reload: renderer memory is gone, the core (and its lock state) stays.
            await handle.page.reload();
          },
        };
        try {
          await use(handle);
        } finally {
          await electronApp.close();
        }
        return;
      }

      const browser = await playwright.chromium.launch(testInfo.project.use.launchOptions);
      const context = await browser.newContext({ viewport: testInfo.project.use.viewport ?? { width: 1200, height: 860 }, locale: locale ?? 'nl-NL' });
      const page = await context.newPage();
      const { child, url, answerDialog } = await startHost(vaultDir);
      const baseUrl = url.split('/#')[0]!;
      const token = url.split('#token=')[1]!;
      const cspErrors: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
      });
      try {
        if (syntheticProfile) await profileOnCreate(page, baseUrl, token);
        await page.goto(url);
        const handle: AppHandle = {
          page,
          vaultDir,
          baseUrl,
          token,
          async chooseFile(name, content) {
            const path = fileForDialog(root, name, content);
            await answerDialog(path);
            return path ?? '';
          },
          answerDialog,
          tempPath: (name) => join(root, name),
          async reopen() {
            await page.goto('about:blank');
            await page.goto(url);
          },
        };
        await use(handle);
        // The app must work under its strict CSP: not one blocked script or style.
        expect(cspErrors, 'CSP violations').toEqual([]);
      } finally {
        // A call still held by profileOnCreate when the test ends (no vault was made) is let go.
        await page.unrouteAll({ behavior: 'ignoreErrors' });
        if (testInfo.status !== testInfo.expectedStatus) {
          await page.screenshot({ path: testInfo.outputPath('failure.png'), fullPage: true }).catch(() => undefined);
        }
        await browser.close();
        child.stdin?.end();
        child.kill('SIGTERM');
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
});

export { expect };

/**
 * Every screen: axe-core (WCAG 2.0/2.1 A and AA) must find nothing, and a screenshot is saved
 * to test-results/screens/<name>.png for people to look at.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    window.scrollTo(0, 0);
  });
  // Screenshot first: short-lived states (a retry countdown) are still on screen.
  mkdirSync(screensDir, { recursive: true });
  await page.screenshot({ path: join(screensDir, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${name}`).toEqual([]);
}

/** Walks the first-run screens; returns the recovery key that was shown once. */
export async function createVault(page: Page, passphrase = TEST_PASSPHRASE): Promise<string> {
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Ketenkluis' })).toBeVisible();
  await page.getByLabel('Wachtwoord', { exact: true }).fill(passphrase);
  await page.getByLabel('Herhaal het wachtwoord').fill(passphrase);
  await page.getByRole('button', { name: 'Kluis maken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uw herstelsleutel' })).toBeVisible();
  const key = (await page.getByTestId('recovery-key').textContent())?.trim() ?? '';
  expect(key.length).toBeGreaterThan(20);
  await page.getByLabel('Ik heb de herstelsleutel veilig bewaard').check();
  await page.getByRole('button', { name: 'Verder naar Ketenkluis' }).click();
  // The fixture gave the vault its synthetic profile (bridge and electron); should it not have
  // been able to, the profile question comes and is answered with the same profile.
  const question = page.getByRole('heading', { level: 1, name: 'Wie werkt er met deze kluis?' });
  await expect(page.getByRole('button', { name: 'Kluis vergrendelen' }).or(question)).toBeVisible();
  if (await question.isVisible()) await fillProfile(page, SYNTHETIC_PROFILE, true);
  await expect(page.getByRole('button', { name: 'Kluis vergrendelen' })).toBeVisible();
  return key;
}

/** Fills the profile form (question or profile screen) and saves it; `thenContinue` passes the fingerprint screen. */
export async function fillProfile(page: Page, profile: { naam: string; functie: string; organisatie: string; regio: string }, thenContinue = false): Promise<void> {
  await page.getByLabel('Uw naam').fill(profile.naam);
  await page.getByLabel('Uw functie').selectOption(profile.functie);
  await page.getByLabel('Uw organisatie').selectOption(profile.organisatie);
  await page.getByLabel('Uw regio').selectOption(profile.regio);
  await page.getByRole('button', { name: /^(Profiel opslaan|Wijzigingen opslaan)$/ }).click();
  if (thenContinue) {
    await expect(page.getByRole('heading', { level: 1, name: 'Uw profiel is opgeslagen' })).toBeVisible();
    await page.getByRole('button', { name: 'Verder naar Ketenkluis' }).click();
  }
}

/** Unlocks from the unlock screen. */
export async function unlock(page: Page, passphrase: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' })).toBeVisible();
  await page.getByLabel('Wachtwoord', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
}

/** Locks with the always-visible button in the frame. */
export async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Kluis vergrendelen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' })).toBeVisible();
}

/**
 * After an action whose outcome the test has already seen: focus is on something a keyboard or
 * screen-reader user can go on from, never dropped to the page body (issue 13). Waits two frames
 * for React's effects, then allows a moment for focus moved once data arrived.
 */
export async function expectFocusKept(page: Page, after: string): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await expect
    .poll(() => page.evaluate(() => (document.activeElement && document.activeElement !== document.body && document.activeElement !== document.documentElement ? document.activeElement.tagName : 'BODY')), {
      message: `focus fell to the page body after: ${after}`,
      timeout: 3000,
    })
    .not.toBe('BODY');
}
