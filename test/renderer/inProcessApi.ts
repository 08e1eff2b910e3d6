// Test helper: the renderer API over a real core in this process (a real encrypted vault in a
// temp dir), the way the preload or the bridge would provide it. Only the transport is skipped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core/core';
import { methodNames, type KetenkluisApi } from '../../shared/ipc/contract';
import type { EventApi, EventName } from '../../shared/ipc/events';
import type { RendererApi } from '../../renderer/platform/api';

export interface InProcessApi {
  api: RendererApi;
  core: Core;
  vaultDir: string;
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
  const calls = {} as Record<string, (input: unknown) => unknown>;
  for (const name of methodNames) calls[name] = (input: unknown) => core.dispatch(name, input);
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
    dispose() {
      core.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Test-only passphrases, synthetic. */
export const PASSPHRASE = 'test-only rustige rivier onder de brug 3';
export const OTHER_PASSPHRASE = 'test-only stille polder in de mist 8';
