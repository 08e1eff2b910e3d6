import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

// The layer rules of ARCHITECTURE.md, tried the way a mistake would be made: a probe file in the
// folder it claims to be in, checked by the project's own lint config and tsconfig.

const root = resolve(__dirname, '..');
const eslint = new ESLint({ cwd: root });

async function lintMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('lint: layer rules also see dynamic loads', () => {
  it.each([
    ['renderer/features/x.ts', "export const f = () => import('fs/promises');"],
    ['renderer/features/x.ts', "export const f = (name: string) => import(name);"],
    ['shared/x.ts', "export const f = () => import('node:fs');"],
    ['shared/x.ts', "export const f = () => require('electron');"],
    ['electron/preload/x.ts', "export const f = () => import('node:child_process');"],
  ])('%s: %s is refused', async (file, code) => {
    const messages = await lintMessages(code, file);
    expect(messages.some((m) => m.startsWith('Bad layering'))).toBe(true);
  });

  it('a relative dynamic import (code splitting) is allowed in the renderer', async () => {
    expect(await lintMessages("export const f = () => import('./Screen');", 'renderer/features/x.ts')).toEqual([]);
  });

  it('static imports across layers are refused as before', async () => {
    expect((await lintMessages("import { app } from 'electron';\nexport const a = app;", 'shared/x.ts')).some((m) => m.includes('Bad layering'))).toBe(true);
  });
});

describe('lint: electron/gateway runs without Electron, and plain Node code never reaches into electron/main', () => {
  it.each([
    ['electron/gateway/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/gateway/x.ts', "import type { IpcMain } from 'electron';\nexport type I = IpcMain;"],
    ['electron/gateway/x.ts', "export const f = () => import('electron');"],
    ['electron/gateway/x.ts', "export const f = () => require('electron');"],
    ['electron/gateway/x.ts', "import { createAutoLock } from '../main/autoLock';\nexport const a = createAutoLock;"],
    ['electron/devbridge/x.ts', "import { createAutoLock } from '../main/autoLock';\nexport const a = createAutoLock;"],
  ])('%s: %s is refused', async (file, code) => {
    const messages = await lintMessages(code, file);
    expect(messages.some((m) => m.includes('Bad layering'))).toBe(true);
  });

  it.each([
    ['electron/devbridge/x.ts', "import { createWindowCalls } from '../gateway/windowCalls';\nexport const a = createWindowCalls;"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { log } from '../gateway/mainLog';\nexport const a = [app, log];"],
    ['electron/gateway/x.ts', "import { stat } from 'node:fs/promises';\nexport const a = stat;"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await lintMessages(code, file)).toEqual([]);
  });
});

describe('type-check: a folder cannot import a package its runtime does not have', () => {
  // Inside the repository (so node_modules resolves), in a folder lint ignores.
  const dir = mkdtempSync(join(root, '.tmp-layers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Type-checks `code` as if it were a file of `folder`, with that folder's tsconfig. */
  function diagnosticsFor(folder: string, code: string): string[] {
    const probe = join(dir, 'probe.ts');
    writeFileSync(probe, code);
    const config = ts.readConfigFile(join(root, folder, 'tsconfig.json'), ts.sys.readFile).config;
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, join(root, folder));
    const options = { ...parsed.options, composite: false, noEmit: true, emitDeclarationOnly: false, declaration: false, incremental: false };
    const program = ts.createProgram([probe], options);
    return ts.getPreEmitDiagnostics(program).map((d) => `TS${d.code}`);
  }

  it.each(['electron', 'better-sqlite3-multiple-ciphers', 'react', 'zustand', 'node:fs'])('shared/: importing %s fails', (name) => {
    expect(diagnosticsFor('shared', `import * as m from '${name}';\nexport const x = m;\n`).length).toBeGreaterThan(0);
  });

  it('shared/: zod, which it may use, type-checks (the probe itself is sound)', () => {
    expect(diagnosticsFor('shared', "import { z } from 'zod';\nexport const x = z.string();\n")).toEqual([]);
  });

  it.each([
    "import * as m from 'electron';\nexport const x = m;\n",
    "import type { IpcMain } from 'electron';\nexport type I = IpcMain;\n",
    "export const f = () => import('electron');\n",
  ])('electron/gateway: %s fails', (code) => {
    expect(diagnosticsFor('electron/gateway', code).length).toBeGreaterThan(0);
  });

  it('electron/gateway: Node and zod, which it may use, type-check (the probe itself is sound)', () => {
    expect(diagnosticsFor('electron/gateway', "import { stat } from 'node:fs/promises';\nimport { z } from 'zod';\nexport const x = [stat, z.string()];\n")).toEqual([]);
  });

  it('electron/main: electron type-checks there (the gateway rule is the gateway\'s alone)', () => {
    expect(diagnosticsFor('electron/main', "import type { IpcMain } from 'electron';\nexport type I = IpcMain;\n")).toEqual([]);
  });
});
