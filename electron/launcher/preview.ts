// DEVELOPMENT ONLY. The development preview behind `npm start` when there is no Electron binary:
// the bridge with a real core, and a Chromium app window on a temporary profile.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vaultExists } from '../core/vault/vault';
import { startBridge, type Bridge } from '../devbridge/server';

/** Left in a vault folder the preview starts empty, so a later start knows the vault is its own. */
export const PREVIEW_MARKER = '.ketenkluis-dev-preview';

/** One line, said when KK_VAULT_DIR holds a vault the preview did not create. */
export const FOREIGN_VAULT_WARNING =
  'Let op: KK_VAULT_DIR wijst naar een kluis die niet door de ontwikkelweergave is gemaakt; de ontwikkelweergave is alleen voor nepgegevens.';

/**
 * Makes the vault folder (private) and says whose vault is in it: 'preview' for one the preview
 * started (or an empty folder, which it marks now), 'foreign' for a vault made elsewhere, e.g. the
 * real app's. The preview serves it over loopback HTTP, which is fine for test data only.
 */
export function prepareVaultDir(vaultDir: string): 'preview' | 'foreign' {
  mkdirSync(vaultDir, { recursive: true, mode: 0o700 });
  const marker = join(vaultDir, PREVIEW_MARKER);
  if (vaultExists(vaultDir)) return existsSync(marker) ? 'preview' : 'foreign';
  writeFileSync(marker, 'Deze kluismap is gemaakt door de ontwikkelweergave (alleen nepgegevens).\n', { mode: 0o600 });
  return 'preview';
}

export interface PreviewOptions {
  vaultDir: string;
  /** True when the folder came from KK_VAULT_DIR (only then can it be someone's real vault). */
  vaultDirFromEnv: boolean;
  /** The built bridge renderer. */
  staticDir: string;
  /** The browser to open, or null to print the address instead. */
  browser: string | null;
  /** Writes one line for the person at the terminal. */
  say(line: string): void;
  /** The browser window was closed normally: the caller ends the preview. */
  onBrowserClosed?(): void;
  /** Lifetime of launch addresses (tests use a short one). */
  launchLinkTtlMs?: number;
  /** Added to the browser's arguments (tests run it with --headless=new, as there is no display). */
  extraBrowserArgs?: string[];
}

export interface Preview {
  bridge: Bridge;
  /** The temporary browser profile while it exists, else null. */
  readonly profileDir: string | null;
  /** Closes the browser, removes its profile and stops the bridge. Safe to call twice. */
  stop(): Promise<void>;
}

const BROWSER_STOP_GRACE_MS = 3_000;
/** Chromium's helper processes (crash handler) can outlive it briefly and make the folder again. */
const PROFILE_SETTLE_MS = 500;
/** Removes the folder in argv[1] every 250 ms for 3 s (plain Node, the path as an argument). */
const LATE_PROFILE_REMOVER =
  "const fs=require('node:fs');const dir=process.argv[1];let n=0;const t=setInterval(()=>{fs.rmSync(dir,{recursive:true,force:true});if(++n>=12)clearInterval(t);},250);";

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

// On POSIX the browser gets a process group of its own: its zygote helpers outlive it for a moment
// and make the profile folder again, so the whole group is stopped and awaited before removal.
const ownGroup = process.platform !== 'win32';

/** Sends `signal` to the browser and, on POSIX, to every helper in its process group. */
function signalBrowser(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (ownGroup && child.pid !== undefined) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // Nothing left to signal.
  }
}

/** True once no process of the browser's group is left (at once where there are no groups); false after `ms`. */
async function waitForGroupGone(child: ChildProcess, ms: number): Promise<boolean> {
  if (!ownGroup || child.pid === undefined) return true;
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      process.kill(-child.pid, 0);
    } catch {
      return true;
    }
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Stops the browser and its helpers: politely, then by force. */
async function stopBrowser(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return; // it never started
  signalBrowser(child, 'SIGTERM');
  if (!(await waitForExit(child, BROWSER_STOP_GRACE_MS))) signalBrowser(child, 'SIGKILL');
  if (!(await waitForGroupGone(child, BROWSER_STOP_GRACE_MS))) {
    signalBrowser(child, 'SIGKILL');
    await waitForGroupGone(child, BROWSER_STOP_GRACE_MS);
  }
}

/** Starts the bridge and, when there is a browser, a Chromium app window on a temporary profile. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  if (prepareVaultDir(options.vaultDir) === 'foreign' && options.vaultDirFromEnv) options.say(FOREIGN_VAULT_WARNING);
  const bridge = await startBridge({ vaultDir: options.vaultDir, staticDir: options.staticDir, launchLinkTtlMs: options.launchLinkTtlMs });

  let profilePath: string | null = null;
  let profileRemoved = false;
  let child: ChildProcess | null = null;
  let browserRunning = false;
  let stopping: Promise<void> | null = null;

  // Synchronous, so it can run on process 'exit' too.
  const removeProfileNow = (): void => {
    if (profilePath === null) return;
    rmSync(profilePath, { recursive: true, force: true });
    profileRemoved = true;
  };
  // Removes it, and once more a moment later, in case a helper of the stopped browser wrote again.
  const removeProfile = async (): Promise<void> => {
    if (profilePath === null) return;
    removeProfileNow();
    await new Promise((resolve) => setTimeout(resolve, PROFILE_SETTLE_MS));
    removeProfileNow();
  };
  // However the launcher ends (also without stop). The browser is killed first, or it would
  // write into the profile again.
  const onExit = (): void => {
    const wasRunning = child !== null && browserRunning;
    if (child !== null) signalBrowser(child, 'SIGKILL');
    removeProfileNow();
    // Its helpers die a moment after the browser and may write once more; nothing of ours runs
    // then, so a small detached Node process removes the folder again for a few seconds.
    if (wasRunning && profilePath !== null) {
      spawn(process.execPath, ['-e', LATE_PROFILE_REMOVER, profilePath], { detached: true, stdio: 'ignore' }).unref();
    }
  };
  process.once('exit', onExit);

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      try {
        // The browser and its helpers write into the profile until they have stopped; remove it after.
        if (child !== null) await stopBrowser(child);
      } finally {
        try {
          await removeProfile();
        } finally {
          process.removeListener('exit', onExit);
          await bridge.close();
        }
      }
    })();
    return stopping;
  };

  const preview: Preview = {
    bridge,
    get profileDir() {
      return profileRemoved ? null : profilePath;
    },
    stop,
  };

  if (options.browser === null) {
    // One address, the one printed: nothing else is handed out, so nothing lies around unused.
    options.say(`Open dit adres (één keer geldig) in Chromium of Chrome: ${bridge.launchUrl()}`);
    return preview;
  }

  const profileDir = mkdtempSync(join(tmpdir(), 'ketenkluis-preview-'));
  profilePath = profileDir;
  const args = [
    `--app=${bridge.launchUrl()}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--window-size=1200,860',
    // A page with case data must never be sent to a translation service (renderer/index.html
    // says translate="no" as well).
    '--disable-features=Translate',
    // Hides the English "unsupported command-line flag" bar that --no-sandbox (as root) shows.
    '--test-type',
  ];
  // Chromium refuses to start as root without this; only then is it added.
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
  args.push(...(options.extraBrowserArgs ?? []));

  let fellBack = false;
  const fallBack = (line: string): void => {
    // The browser is gone; its profile is of no use any more once its helpers are gone too. A fresh
    // address (the one given to the browser was not used and expires on its own).
    if (child !== null) void stopBrowser(child).then(removeProfile);
    else void removeProfile();
    if (fellBack || stopping !== null) return;
    fellBack = true;
    options.say(`${line} Open dit adres (één keer geldig) in een browser: ${bridge.launchUrl()}`);
  };
  child = spawn(options.browser, args, { stdio: 'ignore', detached: ownGroup });
  browserRunning = true;
  child.on('error', () => {
    browserRunning = false;
    fallBack('Chromium start niet.');
  });
  child.on('exit', (code) => {
    browserRunning = false;
    if (stopping !== null) return;
    // A browser that cannot open a window (no display) exits at once: then show the address.
    if (code !== 0) fallBack('Chromium is gestopt.');
    else options.onBrowserClosed?.(); // stop() removes the profile
  });
  return preview;
}
