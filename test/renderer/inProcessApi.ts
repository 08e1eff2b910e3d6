// Test helper: the renderer API over a real core in this process (a real encrypted vault in a
// temp dir), the way the preload or the bridge would provide it: every call takes main's way in
// (windowCalls.ts, with main's real import-file handling). Only the transport is skipped, and
// the file dialog is played by the test (`answerFileDialog`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core/core';
import { methodNames, type KetenkluisApi } from '../../shared/ipc/contract';
import { typedCoreCall } from '../../electron/gateway/coreCall';
import { createVerstrekkingenMain, memoryClipboard } from '../../electron/gateway/verstrekkingenMain';
import { alsMeerdere, createTafelModusMain } from '../../electron/gateway/tafelModusMain';
import { createTafelSamenvoegenMain } from '../../electron/gateway/tafelSamenvoegenMain';
import { createImportChoice } from '../../electron/gateway/importChoice';
import { createBackupChoice } from '../../electron/gateway/backupChoice';
import { createTafelMain } from '../../electron/gateway/tafelMain';
import { createWindowCalls } from '../../electron/gateway/windowCalls';
import type { EventApi, EventName } from '../../shared/ipc/events';
import type { RendererApi } from '../../renderer/platform/api';

export interface InProcessApi {
  api: RendererApi;
  core: Core;
  vaultDir: string;
  /** What the next file dialog answers: a file's absolute path, or null for "cancelled". */
  answerFileDialog(path: string | null): void;
  /** Main forgets the chosen file, as it does when the vault locks. */
  forgetChosenFile(): void;
  dispose(): void;
}

export function inProcessApi(): InProcessApi {
  const root = mkdtempSync(join(tmpdir(), 'kk-renderer-'));
  const vaultDir = join(root, 'vault');
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const core = createCore({
    vaultDir,
    emit: (name, payload) => {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
  });
  const dialogAnswers: Array<string | null> = [];
  const callCore = typedCoreCall(core.dispatch);
  const importChoice = createImportChoice({ showOpenDialog: async () => dialogAnswers.shift() ?? null, forward: callCore });
  const verstrekkingenMain = createVerstrekkingenMain({ forward: callCore, showSaveDialog: async () => dialogAnswers.shift() ?? null, showOpenDialog: async () => dialogAnswers.shift() ?? null, clipboard: memoryClipboard(), print: async () => true });
  const backupChoice = createBackupChoice({ forward: callCore, showSaveDialog: async () => dialogAnswers.shift() ?? null, showOpenDialog: async () => dialogAnswers.shift() ?? null });
  const tafelMain = createTafelMain({ forward: callCore, showSaveDialog: async () => dialogAnswers.shift() ?? null });
  const tafelSamenvoegenMain = createTafelSamenvoegenMain({ forward: callCore, showSaveDialog: async () => dialogAnswers.shift() ?? null, showOpenDialog: async () => dialogAnswers.shift() ?? null });
  const tafelModusMain = createTafelModusMain({ forward: callCore, showOpenFiles: alsMeerdere(async () => dialogAnswers.shift() ?? null), showSaveDialog: async () => dialogAnswers.shift() ?? null });
  const windowCall = createWindowCalls({ forward: callCore, mainHandlers: { ...importChoice.handlers, ...verstrekkingenMain.handlers, ...backupChoice.handlers, ...tafelModusMain.handlers, ...tafelSamenvoegenMain.handlers, ...tafelMain.handlers } });
  const calls = {} as Record<string, (input: unknown) => unknown>;
  for (const name of methodNames) calls[name] = (input: unknown) => windowCall(name, input);
  const on: EventApi['on'] = (name, listener) => {
    const set = listeners.get(name) ?? new Set();
    listeners.set(name, set);
    set.add(listener as (payload: unknown) => void);
    return () => set.delete(listener as (payload: unknown) => void);
  };
  return {
    api: { ...(calls as unknown as KetenkluisApi), on },
    core,
    vaultDir,
    answerFileDialog: (path) => void dialogAnswers.push(path),
    forgetChosenFile: () => importChoice.forget(),
    dispose() {
      core.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Test-only passphrases, synthetic. */
export const PASSPHRASE = 'test-only rustige rivier onder de brug 3';
export const OTHER_PASSPHRASE = 'test-only stille polder in de mist 8';
