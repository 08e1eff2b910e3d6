// The one Chromium lookup behind `npm start`, the Playwright config and `npm test`, and `npm test`
// stopping at once, with what to install, on a machine without a browser.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ENV, chromiumCandidates, findChromium, noChromiumLine } from '../../electron/launcher/chromium';

const repoRoot = join(__dirname, '..', '..');
const none = () => null;

describe('findChromium', () => {
  it('takes the first usual place that holds a browser, in order', () => {
    const present = new Set(['/usr/bin/google-chrome', '/snap/bin/chromium']);
    expect(findChromium({ platform: 'linux', env: {}, exists: (p) => present.has(p), playwrightBrowser: none })).toBe('/usr/bin/google-chrome');
  });

  it("falls back to the browser Playwright downloaded, and only when it is really there", () => {
    const managed = () => '/home/x/.cache/ms-playwright/chromium/chrome';
    expect(findChromium({ platform: 'linux', env: {}, exists: (p) => p === managed(), playwrightBrowser: managed })).toBe(managed());
    expect(findChromium({ platform: 'linux', env: {}, exists: () => false, playwrightBrowser: managed })).toBeNull();
  });

  it('uses KK_CHROMIUM alone: its program if it exists, else nothing (no other browser behind the back)', () => {
    const env = { [CHROMIUM_ENV]: '/opt/my/chrome' };
    expect(chromiumCandidates('linux', env)).toEqual(['/opt/my/chrome']);
    expect(findChromium({ platform: 'linux', env, exists: (p) => p === '/opt/my/chrome', playwrightBrowser: none })).toBe('/opt/my/chrome');
    const everywhere = () => true;
    expect(findChromium({ platform: 'linux', env: { [CHROMIUM_ENV]: '/nowhere' }, exists: (p) => p !== '/nowhere' && everywhere(), playwrightBrowser: () => '/pw/chrome' })).toBeNull();
  });

  it('knows the usual places on Windows (Chrome, Chromium, Edge) and macOS', () => {
    const win = chromiumCandidates('win32', { ProgramFiles: 'C:\\PF', LOCALAPPDATA: 'C:\\U\\AppData\\Local' });
    expect(win[0]).toContain('chrome.exe');
    expect(win.some((p) => p.endsWith('msedge.exe'))).toBe(true);
    expect(chromiumCandidates('darwin', {})).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('says in one line what to install', () => {
    for (const env of [{}, { [CHROMIUM_ENV]: '/nowhere' }]) {
      const line = noChromiumLine(env);
      expect(line).not.toContain('\n');
      expect(line).toContain('apt-get install chromium');
      // No path: the one given may carry a person's name.
      expect(line).not.toContain('/nowhere');
    }
  });
});

describe('npm test without a browser', () => {
  it('stops before any build with that one line and a non-zero exit', () => {
    const r = spawnSync(process.execPath, ['test/run-all.mjs'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, [CHROMIUM_ENV]: join(repoRoot, 'no-such-browser') },
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([noChromiumLine({ [CHROMIUM_ENV]: 'set' })]);
    // It stops first: no step started (the type-check alone takes a minute). Not timed: a
    // timed test flakes on a busy machine, and 'before any step' is what a person notices.
    expect(r.stdout).not.toContain('===');
  });
});
