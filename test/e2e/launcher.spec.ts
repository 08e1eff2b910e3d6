// `npm start` without an Electron binary: one plain line, then the development preview on the
// real first-run screen. (Where a binary exists, npm start runs Electron and this is skipped.)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { checkScreen, expect, repoRoot, test } from './fixtures';

function hasElectron(): boolean {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path);
  } catch {
    return false;
  }
}

test('npm start falls back to the preview and a newcomer lands on the first-run screen', async ({ page }) => {
  test.skip(hasElectron(), 'npm start runs the real Electron app on this machine');
  test.setTimeout(120_000);
  const root = mkdtempSync(join(tmpdir(), 'kk-start-'));
  const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['electron/launcher/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, KK_VAULT_DIR: join(root, 'vault'), KK_PREVIEW_NO_BROWSER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const lines: string[] = [];
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed: ${lines.join(' | ')}`)), 100_000);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        lines.push(line);
        const match = /(http:\/\/127\.0\.0\.1:\d+\/launch\/\S+)/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`npm start exited (${code}): ${lines.join(' | ')}`)));
    });
    expect(lines[0]).toBe('Electron is hier niet beschikbaar; de ontwikkelweergave start in Chromium.');

    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Ketenkluis' })).toBeVisible();
    // The token moved from the address bar into memory only.
    expect(page.url()).not.toContain('token');
    await checkScreen(page, '00-npm-start-first-run');

    // The launch address works once: someone who read it from the process list gets nothing.
    const again = await page.request.get(url, { maxRedirects: 0 });
    expect(again.status()).toBe(404);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(root, { recursive: true, force: true });
  }
});
