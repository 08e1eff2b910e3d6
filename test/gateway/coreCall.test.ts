import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { typedCoreCall, type CoreCall, type CoreRequest } from '../../electron/gateway/coreCall';
import type { CoreOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/define';

// Main calls the core with the contract's types (CoreCall), so main.ts and importChoice.ts need
// no casts. The type assertions below are checked by `tsc -b`; the values by running a real core.

let dir: string;
let core: Core;
afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

function realCore(): CoreCall {
  dir = mkdtempSync(join(tmpdir(), 'kk-corecall-'));
  core = createCore({ vaultDir: join(dir, 'vault') });
  return typedCoreCall(core.dispatch);
}

describe('typed core calls', () => {
  it('a call returns the output its method declares, and the real core answers with that output', async () => {
    const call = realCore();
    const status = await call('vault.status', {});
    expectTypeOf(status).toEqualTypeOf<Result<CoreOutput<'vault.status'>>>();
    expect(status).toEqual({ ok: true, value: { exists: false, locked: true } });
    // Read without a cast: this is how the vault locker asks whether there is anything to lock.
    expect(status.ok && status.value.locked).toBe(true);
  });

  it('an input is what a caller passes (defaults may be left out), and a host method is callable', () => {
    expectTypeOf<{ path: string }>().toExtend<CoreRequest<'import.file'>>();
    expectTypeOf<CoreRequest<'import.file'>>().toHaveProperty('opnieuw');
  });

  it('names outside the core contract and wrong inputs do not compile, and the core still refuses them', async () => {
    const call = realCore();
    // @ts-expect-error main's own method: the core does not answer it
    expect(await call('import.chosen', { token: 'x' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    // @ts-expect-error not a method at all
    expect(await call('vault.nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    // @ts-expect-error vault.status takes no input
    expect(await call('vault.status', { passphrase: 'geheim' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
