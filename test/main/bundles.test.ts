import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/ipc/contract';

// Builds the three Electron bundles into a temp folder with electron/build.mjs and checks them
// as Electron would load them: the sandboxed preload as one file that may require only
// 'electron', the core host as a separate process speaking the parentPort protocol.
const root = path.resolve(__dirname, '..', '..');
let out: string;
let buildOutput: string;
const read = (name: string) => readFileSync(path.join(out, name), 'utf8');
const requires = (code: string) => [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] ?? ''))].sort();

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'kk-bundles-'));
  const result = spawnSync(process.execPath, ['electron/build.mjs', '--outdir', out], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  buildOutput = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`build failed:\n${buildOutput}`);
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('electron bundles', () => {
  it('contain no test-only bridge code', () => {
    for (const name of ['main.cjs', 'preload.cjs', 'core.cjs']) expect(read(name), name).not.toMatch(/devbridge|bridgeApi/i);
  });

  it('the preload needs nothing but electron (a sandboxed preload cannot require anything else)', () => {
    expect(requires(read('preload.cjs'))).toEqual(['electron']);
  });

  it('main needs only electron and Node built-ins', () => {
    for (const dep of requires(read('main.cjs'))) expect(dep === 'electron' || dep.startsWith('node:'), dep).toBe(true);
  });

  it('the core keeps only its native and data-file dependencies external', () => {
    for (const dep of requires(read('core.cjs'))) {
      expect(dep.startsWith('node:') || ['better-sqlite3-multiple-ciphers', 'pdfkit'].includes(dep), dep).toBe(true);
    }
    expect(read('core.cjs')).not.toMatch(/require\("electron"\)/);
  });

  it('"dependencies" (what the installer ships from node_modules) are exactly the packages the bundles require', () => {
    // Everything else is bundled by esbuild or Vite; listing it would ship it a second time.
    const required = ['main.cjs', 'preload.cjs', 'core.cjs', 'importWorker.cjs'].flatMap((name) => requires(read(name)));
    const fromNodeModules = [...new Set(required.filter((dep) => !dep.startsWith('node:') && dep !== 'electron'))].sort();
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(fromNodeModules);
  });

  it('the preload bundle runs with only electron available and exposes the contract API', () => {
    const exposed: Array<{ key: string; api: Record<string, unknown> }> = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push({ key, api }) },
      ipcRenderer: { invoke: async () => ({ ok: true, value: {} }), on: () => undefined, removeListener: () => undefined },
    };
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return fakeElectron;
      throw new Error(`module not found: ${name}`);
    };
    const module = { exports: {} };
    vm.runInNewContext(read('preload.cjs'), { require: sandboxRequire, module, exports: module.exports, console });
    expect(exposed).toHaveLength(1);
    expect(exposed[0]?.key).toBe('ketenkluis');
    expect(Object.keys(exposed[0]?.api ?? {}).sort()).toEqual([...methodNames, 'on'].sort());
  });

  it('the core bundle serves the host protocol in a separate Node process', () => {
    const vaultDir = path.join(out, 'vault');
    const driver = `
      const { EventEmitter } = require('node:events');
      const port = new EventEmitter();
      const replies = [];
      port.postMessage = (m) => { replies.push(m); if (replies.length === 2) port.emit('message', { data: { kind: 'shutdown' } }); };
      process.parentPort = port;
      process.on('exit', (code) => { process.stdout.write(JSON.stringify({ code, replies })); });
      require(${JSON.stringify(path.join(out, 'core.cjs'))});
      port.emit('message', { data: { kind: 'init', vaultDir: ${JSON.stringify(vaultDir)} } });
      port.emit('message', { data: { kind: 'invoke', id: 1, method: 'vault.status', input: {} } });
      port.emit('message', { data: { kind: 'invoke', id: 2, method: '__proto__', input: {} } });
    `;
    const result = spawnSync(process.execPath, ['-e', driver], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
    });
    expect(result.stderr).toBe('');
    const { code, replies } = JSON.parse(result.stdout) as { code: number; replies: Array<{ id: number; result: unknown }> };
    expect(code).toBe(0);
    const byId = Object.fromEntries(replies.map((r) => [r.id, r.result]));
    expect(byId[1]).toEqual({ ok: true, value: { exists: false, locked: true } });
    expect(byId[2]).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('the core bundle checks an import on its second thread (importWorker.cjs next to core.cjs)', () => {
    const vaultDir = path.join(out, 'vault-import');
    const file = { format: 'ketenkluis.casework', versie: 1, trajecten: [], meldingen: [{ datum: '2026-01-05', kanaal: 'telefoon', anoniem: true, melderType: 'burger', gemeente: 'Rotterdam', vorm: 'arbeidsuitbuiting', minderjarig: false, preventiefGesprek: false }] };
    const importPath = path.join(out, 'bundle-import.json');
    writeFileSync(importPath, JSON.stringify(file));
    // Test-only passphrase, generated per run.
    const passphrase = `bundle test ${Math.random().toString(36).slice(2)} passphrase`;
    const driver = `
      const { EventEmitter } = require('node:events');
      const port = new EventEmitter();
      const replies = [];
      const next = [
        { kind: 'invoke', id: 2, method: 'import.file', input: { path: ${JSON.stringify(importPath)} } },
        { kind: 'shutdown' },
      ];
      port.postMessage = (m) => { replies.push(m); const n = next.shift(); if (n) setImmediate(() => port.emit('message', { data: n })); };
      process.parentPort = port;
      process.on('exit', (code) => { process.stdout.write(JSON.stringify({ code, replies })); });
      require(${JSON.stringify(path.join(out, 'core.cjs'))});
      port.emit('message', { data: { kind: 'init', vaultDir: ${JSON.stringify(vaultDir)} } });
      port.emit('message', { data: { kind: 'invoke', id: 1, method: 'vault.create', input: { passphrase: ${JSON.stringify(passphrase)} } } });
    `;
    const result = spawnSync(process.execPath, ['-e', driver], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), KK_LOG: '1' },
    });
    const { code, replies } = JSON.parse(result.stdout) as { code: number; replies: Array<{ id: number; result: { ok: boolean; value?: unknown } }> };
    expect(code).toBe(0);
    const byId = Object.fromEntries(replies.map((r) => [r.id, r.result]));
    expect(byId[1]?.ok).toBe(true);
    expect(byId[2]).toMatchObject({ ok: true, value: { meldingen: 1, dryRun: false } });
    const events = result.stderr.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { event: string; thread?: string });
    expect(events.filter((e) => e.event === 'import.checked')).toEqual([expect.objectContaining({ thread: 'second' })]);
    expect(events.map((e) => e.event)).not.toContain('import.checker.unavailable');
  });
});
