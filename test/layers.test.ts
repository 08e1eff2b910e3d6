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

describe('type-check: shared/ cannot import a runtime package', () => {
  // Inside the repository (so node_modules resolves), in a folder lint ignores.
  const dir = mkdtempSync(join(root, '.tmp-layers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function diagnosticsFor(code: string): string[] {
    const probe = join(dir, 'probe.ts');
    writeFileSync(probe, code);
    const config = ts.readConfigFile(join(root, 'shared/tsconfig.json'), ts.sys.readFile).config;
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, join(root, 'shared'));
    const options = { ...parsed.options, composite: false, noEmit: true, emitDeclarationOnly: false, declaration: false, incremental: false };
    const program = ts.createProgram([probe], options);
    return ts.getPreEmitDiagnostics(program).map((d) => `TS${d.code}`);
  }

  it.each(['electron', 'better-sqlite3-multiple-ciphers', 'react', 'zustand', 'node:fs'])('importing %s fails', (name) => {
    expect(diagnosticsFor(`import * as m from '${name}';\nexport const x = m;\n`).length).toBeGreaterThan(0);
  });

  it('zod, which shared/ may use, type-checks (the probe itself is sound)', () => {
    expect(diagnosticsFor("import { z } from 'zod';\nexport const x = z.string();\n")).toEqual([]);
  });
});
