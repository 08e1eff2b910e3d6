// The one lookup of a Chromium-family browser, used by `npm start` (the preview window), the
// Playwright config and `npm test`'s first check. Only `node:` imports and erasable type syntax,
// so test/run-all.mjs can import this file with plain Node 24 (no tsx) and stop in its first second.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The environment variable that names the browser to use; when set, it is the only candidate. */
export const CHROMIUM_ENV = 'KK_CHROMIUM';

/** One line for a person whose machine has no browser the tests or the preview can use: what to install. */
export function noChromiumLine(env: NodeJS.ProcessEnv = process.env): string {
  const install =
    'Install it: Debian/Ubuntu `sudo apt-get install chromium`, Fedora `sudo dnf install chromium`, ' +
    'elsewhere `npx playwright install chromium`';
  return env[CHROMIUM_ENV]
    ? `No Chromium found: ${CHROMIUM_ENV} names no existing program. ${install}, or correct ${CHROMIUM_ENV}.`
    : `No Chromium found. ${install}; or set ${CHROMIUM_ENV} to a Chromium or Chrome program.`;
}

/**
 * Where a Chromium-family browser usually lives on `platform`, most specific first. KK_CHROMIUM,
 * when set, replaces the list (also how a test makes the lookup find nothing).
 */
export function chromiumCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  const chosen = env[CHROMIUM_ENV];
  if (chosen !== undefined && chosen !== '') return [chosen];
  if (platform === 'win32') {
    const roots = [env['ProgramFiles'], env['ProgramFiles(x86)'], env['LOCALAPPDATA']].filter((root): root is string => Boolean(root));
    return [
      ...roots.map((root) => join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map((root) => join(root, 'Chromium', 'Application', 'chrome.exe')),
      ...roots.map((root) => join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
    ];
  }
  if (platform === 'darwin') {
    return ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
}

/** The browser `npx playwright install chromium` downloaded, if Playwright is installed (it may not be). */
function playwrightChromium(): string | null {
  try {
    const playwright = createRequire(import.meta.url)('playwright-core') as { chromium: { executablePath(): string } };
    return playwright.chromium.executablePath();
  } catch {
    return null;
  }
}

export interface ChromiumLookup {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** Replaces the file check (tests use a fake one). */
  exists?: (path: string) => boolean;
  /** The browser Playwright manages, asked only when no usual place holds one. */
  playwrightBrowser?: () => string | null;
}

/** The first Chromium-family browser found on this machine, or null. */
export function findChromium(lookup: ChromiumLookup = {}): string | null {
  const env = lookup.env ?? process.env;
  const exists = lookup.exists ?? existsSync;
  const candidates = chromiumCandidates(lookup.platform ?? process.platform, env);
  const found = candidates.find((path) => exists(path));
  if (found !== undefined) return found;
  // KK_CHROMIUM is a firm choice: never swap in another browser behind the person's back.
  if (env[CHROMIUM_ENV]) return null;
  const managed = (lookup.playwrightBrowser ?? playwrightChromium)();
  return managed !== null && exists(managed) ? managed : null;
}
