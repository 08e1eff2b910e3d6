// What the renderer tests of screens on a real core share: a fresh unlocked vault for the file,
// calls to the core that unwrap their result, an import through main's file dialog, rendering
// within the store, and clicks and changes inside act().
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReactNode } from 'react';
import { act, cleanup, fireEvent, render, type RenderResult } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { AppStore } from '../../../renderer/store/appStore';
import { StoreProvider } from '../../../renderer/store/StoreProvider';
import type { InProcessApi } from '../inProcessApi';
import { useVirtualScrollHeight } from './layoutShim';
import { unlockedStore } from './unlockedStore';

type Unwrapped<T> = { ok: boolean; value?: T; error?: unknown };

/** Calls the core through the renderer API and unwraps the result (test set-up and read-back); a refusal throws. */
export async function callCore<T>(env: InProcessApi, method: string, input: unknown): Promise<T> {
  const result = (await (env.api as unknown as Record<string, (i: unknown) => Promise<Unwrapped<T>>>)[method]!(input)) as Unwrapped<T>;
  if (!result.ok) throw new Error(`${method} refused: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A test file's vault on a real core, its store, and what the tests do with them. */
export interface ScreenVault {
  readonly env: InProcessApi;
  readonly store: AppStore;
  call<T>(method: string, input: unknown): Promise<T>;
  /** Writes `file` beside the vault and imports it as the app does (main's dialog chooses it). */
  importFile<T>(name: string, file: unknown): Promise<T>;
  /** Renders `ui` within the store. */
  withStore(ui: ReactNode): RenderResult;
}

/**
 * Registers the file's hooks: before all its tests a fresh, unlocked vault (removed after
 * all), the virtual lists' height (unless `virtualLists` is false), and the screen cleared after
 * each test. A file's own `beforeAll` registered after this runs with the vault open.
 */
export function screenVault({ virtualLists = true }: { virtualLists?: boolean } = {}): ScreenVault {
  let opened: { env: InProcessApi; store: AppStore } | undefined;
  const get = () => {
    if (!opened) throw new Error('the vault opens in beforeAll');
    return opened;
  };
  beforeAll(async () => {
    opened = await unlockedStore();
  });
  afterAll(() => opened?.env.dispose());
  if (virtualLists) useVirtualScrollHeight();
  afterEach(() => cleanup());
  const vault: ScreenVault = {
    get env() {
      return get().env;
    },
    get store() {
      return get().store;
    },
    call: (method, input) => callCore(get().env, method, input),
    async importFile<T>(name: string, file: unknown) {
      const path = join(vault.env.vaultDir, '..', name);
      writeFileSync(path, JSON.stringify(file));
      vault.env.answerFileDialog(path);
      const { file: chosen } = await vault.call<{ file: { token: string } }>('import.chooseFile', {});
      return vault.call<T>('import.chosen', { token: chosen.token });
    },
    withStore: (ui) => render(<StoreProvider store={vault.store}>{ui}</StoreProvider>),
  };
  return vault;
}

/** Clicks `element` and lets React finish what follows. */
export async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}

/** Types `value` into a field (or chooses it in a select) and lets React finish what follows. */
export async function change(element: HTMLElement, value: string): Promise<void> {
  await act(async () => {
    fireEvent.change(element, { target: { value } });
  });
}
