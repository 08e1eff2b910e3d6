// `npm ci` on a machine that cannot reach the Electron download: the postinstall says so in one
// line and the install goes on (before, electron's own script failed the whole install).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  allowScripts: Record<string, boolean>;
};

function electronInstalled(): boolean {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path);
  } catch {
    return false;
  }
}

describe('Electron download at install time', () => {
  it("npm never runs electron's own install script; the project's postinstall runs it instead", () => {
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.scripts.postinstall).toBe('node electron/launcher/fetchElectron.mjs');
  });

  it.skipIf(electronInstalled())('a download that cannot happen is one line and exit 0', () => {
    const cache = mkdtempSync(join(tmpdir(), 'kk-electron-cache-'));
    try {
      const r = spawnSync(process.execPath, ['electron/launcher/fetchElectron.mjs'], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 60_000,
        // A closed local port as the download address and an empty cache: fails the same way
        // with or without internet, and never downloads 100 MB from a test.
        env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
      });
      expect(r.status).toBe(0);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Electron was not downloaded \(.+\): npm start opens the development preview in Chromium instead\. To try again: npm run postinstall$/);
      expect(lines[0]).not.toContain(cache);
      expect(electronInstalled()).toBe(false);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
