import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '..', '..');

type Config = Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  win: { target: string[] };
  mac: { target: string[] };
  linux: { target: string[] };
  afterPack: string;
};
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Config>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as {
  FileMatcher: new (from: string, to: string, expand: (p: string) => string, patterns: string[]) => {
    createFilter(): (file: string, stat: unknown) => boolean;
  };
};
const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
const fuses = require('@electron/fuses') as {
  FuseV1Options: Record<string, number | string>;
  getCurrentFuseWire(pathToElectron: string): Promise<Record<string, number | string>>;
};
type Hook = ((context: unknown) => Promise<void>) & {
  fuseConfig: Record<string, unknown>;
  electronBinaryPath(context: unknown): string;
};
const afterPack = require('../../electron/packaging/flipFuses.cjs') as Hook;

describe('electron-builder.yml', () => {
  let config: Config;
  beforeAll(async () => {
    config = await getConfig(root, 'electron-builder.yml', null);
  });

  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be refused by that validation with a misspelt option (the check can fail)', async () => {
    await expect(validateConfiguration({ ...config, asarUnpak: ['**/*.node'] }, new DebugLogger(false))).rejects.toThrow(/configuration/i);
  });

  it('names the app and packs it into an asar with native modules unpacked', () => {
    expect(config.appId).toBe('nl.ketenkluis.app');
    expect(config.productName).toBe('Ketenkluis');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('ships the built app only, never the test bridge, sources or tests (electron-builder file matcher)', () => {
    const patterns = (config.files as unknown as Array<{ filter: string[] }>)[0]?.filter ?? [];
    const filter = new FileMatcher(root, '/out', (p) => p, patterns).createFilter();
    const file = { isDirectory: () => false, isFile: () => true, isSymbolicLink: () => false };
    const shipped = (relative: string) => filter(path.join(root, relative), file);
    for (const f of ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/core.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc.js']) {
      expect(shipped(f), f).toBe(true);
    }
    for (const f of [
      'dist/renderer-bridge/index.html',
      'dist/renderer-bridge/assets/bridgeApi-abc.js',
      'electron/devbridge/server.ts',
      'electron/main/main.ts',
      'test/main/main.test.ts',
      'dist/electron/main.cjs.map',
      'renderer/App.tsx',
      'README.md',
    ]) {
      expect(shipped(f), f).toBe(false);
    }
  });

  it('builds NSIS and MSI for Windows, dmg for macOS, AppImage and deb for Linux', () => {
    expect(config.win.target).toEqual(['nsis', 'msi']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('flips the fuses in an afterPack hook that exists', () => {
    expect(config.afterPack).toBe('electron/packaging/flipFuses.cjs');
    expect(existsSync(path.join(root, config.afterPack))).toBe(true);
  });
});

describe('fuse hook', () => {
  it('loads as a function and sets exactly the agreed fuses', () => {
    expect(typeof afterPack).toBe('function');
    const byName = Object.fromEntries(
      Object.entries(afterPack.fuseConfig)
        .filter(([key]) => key !== 'version')
        .map(([key, value]) => [fuses.FuseV1Options[Number(key)], value]),
    );
    expect(byName).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
    expect(afterPack.fuseConfig.version).toBe('1');
  });

  it('finds the Electron binary on every platform', () => {
    const context = (electronPlatformName: string) => ({
      appOutDir: '/out',
      electronPlatformName,
      packager: { appInfo: { productFilename: 'Ketenkluis' }, executableName: 'ketenkluis' },
    });
    expect(afterPack.electronBinaryPath(context('win32'))).toBe(path.join('/out', 'Ketenkluis.exe'));
    expect(afterPack.electronBinaryPath(context('darwin'))).toBe(path.join('/out', 'Ketenkluis.app'));
    expect(afterPack.electronBinaryPath(context('linux'))).toBe(path.join('/out', 'ketenkluis'));
  });

  describe('on a synthetic Electron binary', () => {
    // A stand-in binary with Electron's fuse sentinel and a fuse wire of 9 fuses (one more
    // than @electron/fuses knows, as in newer Electron versions), every fuse at its default.
    const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
    const defaults = '101010001'; // RunAsNode on, cookie encryption off, NODE_OPTIONS on, ...
    let dir: string;
    const context = () => ({
      appOutDir: dir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { appInfo: { productFilename: 'Ketenkluis' }, executableName: 'ketenkluis' },
    });
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'kk-fuses-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('flips the fuses and leaves the rest of the binary alone', async () => {
      const before = Buffer.concat([Buffer.from('\x7fELF fake electron binary\0'), Buffer.from(SENTINEL), Buffer.from([1, 9]), Buffer.from(defaults), Buffer.from('\0tail')]);
      const binary = path.join(dir, 'ketenkluis');
      writeFileSync(binary, before);
      await afterPack(context());
      const wire = await fuses.getCurrentFuseWire(binary);
      const state = (name: string) => String.fromCharCode(Number(wire[fuses.FuseV1Options[name] as number]));
      expect(state('RunAsNode')).toBe('0');
      expect(state('EnableCookieEncryption')).toBe('1');
      expect(state('EnableNodeOptionsEnvironmentVariable')).toBe('0');
      expect(state('EnableNodeCliInspectArguments')).toBe('0');
      expect(state('EnableEmbeddedAsarIntegrityValidation')).toBe('1');
      expect(state('OnlyLoadAppFromAsar')).toBe('1');
      expect(state('LoadBrowserProcessSpecificV8Snapshot')).toBe('0');
      expect(state('GrantFileProtocolExtraPrivileges')).toBe('0');
      expect(String.fromCharCode(Number(wire[8]))).toBe('1'); // the fuse we do not configure keeps its default
      const after = readFileSync(binary);
      expect(after.length).toBe(before.length);
      expect(after.subarray(0, 26)).toEqual(before.subarray(0, 26));
      expect(after.subarray(-5)).toEqual(before.subarray(-5));
    });

    it('fails the build when the binary has no fuse wire (never ships unfused)', async () => {
      writeFileSync(path.join(dir, 'ketenkluis'), Buffer.from('not electron at all'));
      await expect(afterPack(context())).rejects.toThrow(/sentinel/i);
    });
  });
});
