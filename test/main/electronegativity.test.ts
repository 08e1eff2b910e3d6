import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const script = path.join(root, 'electron', 'packaging', 'electronegativity.mjs');

interface Report {
  checks: number;
  findings: number;
  explained: number;
  unexplained: Array<{ id: string; file: string }>;
  stale: unknown[];
  parseErrors: unknown[];
  networkAttempts: string[];
}

function runElectronegativity(...args: string[]): { status: number | null; report: Report } {
  const result = spawnSync(process.execPath, [script, '--json', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (result.error) throw result.error;
  return { status: result.status, report: JSON.parse(result.stdout) as Report };
}

describe('Electronegativity', () => {
  it('finds nothing unexplained in electron/, offline', () => {
    const { status, report } = runElectronegativity();
    expect(report.unexplained).toEqual([]);
    expect(report.stale).toEqual([]);
    expect(report.parseErrors).toEqual([]);
    expect(report.networkAttempts).toEqual([]);
    expect(report.checks).toBeGreaterThan(30);
    expect(report.findings).toBe(report.explained);
    expect(status).toBe(0);
  });

  describe('on a deliberately insecure app', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'kk-eneg-'));
      writeFileSync(
        path.join(dir, 'main.js'),
        [
          "const { BrowserWindow, shell } = require('electron');",
          'const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });',
          "win.webContents.on('new-window', (event, url) => shell.openExternal(url));",
          "win.loadURL('http://example.com/');",
        ].join('\n'),
      );
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('fails and names the findings (so the clean run above means something)', () => {
      const { status, report } = runElectronegativity('--input', dir);
      expect(status).toBe(1);
      const ids = report.unexplained.map((f) => f.id);
      expect(ids).toEqual(
        expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']),
      );
      expect(report.networkAttempts).toEqual([]);
    });
  });
});
