import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createEventForwarder, isTrustedSender, registerIpcRelay, relayCall, type RelayDependencies, type TrustedWindow } from '../../electron/main/ipcRelay';
import { EVENT_CHANNEL, invokeChannel } from '../../shared/ipc/channels';
import { contract, isMainMethod, methodNames, type CoreMethodName } from '../../shared/ipc/contract';
import { typedCoreCall } from '../../electron/gateway/coreCall';
import { createWindowCalls, type MainHandlers } from '../../electron/gateway/windowCalls';
import type { Result } from '../../shared/ipc/define';
import { validateCall } from '../../shared/ipc/validate';
import { FakeIpcMain, fakeFrame, fakeWindow } from './fakes';

const okEmpty: Result<unknown> = { ok: true, value: {} };

const noImport = { dryRun: true, clienten: 0, trajecten: 0, meldingen: 0, journaal: 0, taken: 0, toestemmingen: 0 };

function setup(forwardResult: (method: CoreMethodName, input: unknown) => Result<unknown> = () => okEmpty) {
  const window = fakeWindow();
  const forward = vi.fn(async (method: CoreMethodName, input: unknown) => forwardResult(method, input));
  // Main's own answers (the file dialog); importChoice.test.ts tests the real ones.
  const mainHandlers = {
    'import.chooseFile': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { file: null } })),
    'import.chosen': vi.fn(async (_input: unknown) => ({ ok: true as const, value: noImport })),
    'verstrekkingen.savePackage': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { opgeslagen: false as const } })),
    'verstrekkingen.print': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { afgedrukt: false } })),
    'verstrekkingen.copyField': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { gekopieerd: true as const, wisNaSeconden: 30 } })),
    'verstrekkingen.kopieerWachtwoord': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { gekopieerd: true as const, wisNaSeconden: 30 } })),
    'verstrekkingen.vergeetWachtwoord': vi.fn(async (_input: unknown) => ({ ok: true as const, value: {} })),
    'verstrekkingen.exportRegister': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { opgeslagen: false, rijen: 0 } })),
    'stappenplan.import': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { versie: null } })),
    'backup.save': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { backup: null } })),
    'backup.chooseRestoreFile': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { file: null } })),
    'backup.restore': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { bewaardAls: null } })),
    'tafelModus.import': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { geannuleerd: true, uitkomsten: [] } })),
    'tafelModus.savePdf': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { opgeslagen: false } })),
    'tafelSamenvoegen.bewaarOntvangstsleutel': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { opgeslagen: false } })),
    'tafelSamenvoegen.kiesOntvanger': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { gekozen: false, ontvanger: null } })),
    'tafelSamenvoegen.maakTelbestand': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { opgeslagen: false } })),
    'tafelSamenvoegen.leesTelbestand': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { gekozen: false as const } })),
    'tafel.save': vi.fn(async (_input: unknown) => ({ ok: true as const, value: { opgeslagen: false as const, reden: 'geannuleerd' as const } })),
  } satisfies MainHandlers;
  const deps: RelayDependencies = { getWindow: () => window as unknown as TrustedWindow, call: createWindowCalls({ forward: typedCoreCall(forward), mainHandlers }) };
  const trusted = { sender: window.webContents, senderFrame: window.webContents.mainFrame } as never;
  return { window, forward, mainHandlers, deps, trusted };
}

describe('sender check', () => {
  it('accepts the main frame of our window showing our UI', () => {
    const { window, trusted } = setup();
    expect(isTrustedSender(trusted, window as unknown as TrustedWindow)).toBe(true);
  });

  const cases: Array<[string, (w: ReturnType<typeof fakeWindow>) => { sender: unknown; senderFrame: unknown }]> = [
    ['a subframe of our window', (w) => ({ sender: w.webContents, senderFrame: fakeFrame('app://ketenkluis/index.html', { routingId: 2, parent: w.webContents.mainFrame }) })],
    ['a main frame showing a foreign https page', (w) => {
      w.webContents.mainFrame.url = 'https://evil.example/';
      return { sender: w.webContents, senderFrame: w.webContents.mainFrame };
    }],
    ['a look-alike app host', (w) => {
      w.webContents.mainFrame.url = 'app://ketenkluis.evil/index.html';
      return { sender: w.webContents, senderFrame: w.webContents.mainFrame };
    }],
    ['a file:// page', (w) => {
      w.webContents.mainFrame.url = 'file:///tmp/evil.html';
      return { sender: w.webContents, senderFrame: w.webContents.mainFrame };
    }],
    ['another web contents', (w) => {
      const other = fakeWindow();
      return { sender: other.webContents, senderFrame: w.webContents.mainFrame };
    }],
    ['a frame from another renderer process', (w) => ({ sender: w.webContents, senderFrame: fakeFrame('app://ketenkluis/index.html', { processId: 99 }) })],
    ['a frame that is gone', (w) => ({ sender: w.webContents, senderFrame: null })],
  ];

  it.each(cases)('refuses %s with FORBIDDEN_SENDER, before the core sees anything', async (_name, makeEvent) => {
    const { window, forward, deps } = setup();
    const event = makeEvent(window);
    const result = await relayCall('vault.status', event as never, [{}], deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('refuses every call while there is no window, or the window is destroyed', async () => {
    const { window, forward, trusted } = setup();
    const call = createWindowCalls({ forward: typedCoreCall(forward), mainHandlers: setup().mainHandlers });
    expect(await relayCall('vault.status', trusted, [{}], { getWindow: () => null, call })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    window.webContents.destroyed = true;
    expect(await relayCall('vault.status', trusted, [{}], { getWindow: () => window as never, call })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('checks the sender before the payload (a foreign frame learns nothing about the contract)', async () => {
    const { window, forward, deps } = setup();
    const result = await relayCall('vault.unlock', { sender: window.webContents, senderFrame: null } as never, [{ wrong: true }], deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(forward).not.toHaveBeenCalled();
  });
});

describe('relayCall', () => {
  it('forwards a valid call and returns the core result', async () => {
    const { forward, deps, trusted } = setup(() => ({ ok: true, value: { exists: true, locked: false } }));
    expect(await relayCall('vault.status', trusted, [{}], deps)).toEqual({ ok: true, value: { exists: true, locked: false } });
    expect(forward).toHaveBeenCalledWith('vault.status', {});
  });

  it.each([
    ['vault.unlock', [{}]],
    ['vault.unlock', [{ passphrase: '' }]],
    ['vault.unlock', [{ passphrase: 'x', extra: 'field' }]],
    ['vault.unlock', [{ passphrase: 12345 }]],
    ['vault.unlock', ['a string']],
    ['vault.unlock', [null]],
    ['vault.unlock', []],
    ['vault.create', [{ passphrase: 'x'.repeat(5000) }]],
    ['settings.update', [{ autoLockMinutes: 0 }]],
    ['settings.update', [{ autoLockMinutes: 2.5 }]],
    ['settings.update', [{ language: 'de' }]],
    ['vault.status', [{ sneaky: 1 }]],
    ['vault.status', [{}, 'second argument']],
  ])('refuses %s with %j as INVALID_INPUT before the core sees it', async (method, args) => {
    const { forward, deps, trusted } = setup();
    const result = await relayCall(method, trusted, args as unknown[], deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('never echoes the refused value in the error', async () => {
    const { deps, trusted } = setup();
    const result = await relayCall('vault.unlock', trusted, [{ passphrase: 42, note: 'Jansen, Piet (TEST-ONLY NAME)' }], deps);
    expect(JSON.stringify(result)).not.toContain('Jansen');
  });

  it('answers a main method in main: the core is not asked, and the window never names a path', async () => {
    const { forward, mainHandlers, deps, trusted } = setup();
    expect(await relayCall('import.chooseFile', trusted, [{}], deps)).toEqual({ ok: true, value: { file: null } });
    const token = 'A'.repeat(43);
    expect(await relayCall('import.chosen', trusted, [{ token, dryRun: true }], deps)).toEqual({ ok: true, value: noImport });
    expect(mainHandlers['import.chosen']).toHaveBeenCalledWith({ token, dryRun: true, opnieuw: false });
    expect(await relayCall('import.chosen', trusted, [{ token, path: '/etc/passwd' }], deps)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await relayCall('import.chosen', trusted, [{ token: '../../etc/passwd' }], deps)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('refuses the host-only import.file from the window as an unknown method: a page cannot make the core read a path', async () => {
    const { forward, deps, trusted } = setup();
    expect(await relayCall('import.file', trusted, [{ path: '/etc/passwd' }], deps)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(forward).not.toHaveBeenCalled();
  });

  it('checks what main itself answers against the contract too', async () => {
    const { mainHandlers, deps, trusted } = setup();
    mainHandlers['import.chooseFile'].mockResolvedValueOnce({ ok: true, value: { file: { token: 'x', name: 'a.json', size: 1, path: '/home/someone/a.json' } } } as never);
    const result = await relayCall('import.chooseFile', trusted, [{}], deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('/home');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'vault', 'vault.status ', 'VAULT.STATUS', '', 'kk:invoke:vault.status'])(
    'refuses the unknown method %j',
    async (method) => {
      const { forward, deps, trusted } = setup();
      expect(await relayCall(method, trusted, [{}], deps)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(forward).not.toHaveBeenCalled();
    },
  );

  it('turns a result that breaks the contract into INTERNAL (a broken core cannot leak extra fields)', async () => {
    const { deps, trusted } = setup(() => ({ ok: true, value: { exists: 'yes', locked: false } }) as never);
    expect(await relayCall('vault.status', trusted, [{}], deps)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('strips nothing silently: a result with an unknown error code becomes INTERNAL', async () => {
    const { deps, trusted } = setup(() => ({ ok: false, error: { code: 'SQLITE_CORRUPT', message: 'SELECT * FROM ...' } }) as never);
    const result = await relayCall('vault.status', trusted, [{}], deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('SELECT');
  });

  it('passes the core error envelope through', async () => {
    const { deps, trusted } = setup(() => ({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase', retryAfterSeconds: 2 } }));
    expect(await relayCall('vault.unlock', trusted, [{ passphrase: 'TEST-ONLY wrong' }], deps)).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase', retryAfterSeconds: 2 },
    });
  });

  it('turns a throwing forwarder into INTERNAL without its message', async () => {
    const { deps, trusted } = setup(() => {
      throw new Error('disk path /home/someone/vault');
    });
    const result = await relayCall('vault.status', trusted, [{}], deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('/home');
  });
});

describe('relay fuzz (fast-check)', () => {
  const hostileMethod = fc.oneof(
    fc.constantFrom(...methodNames),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'prototype', '__defineGetter__', 'hasOwnProperty', 'isPrototypeOf', 'valueOf', 'then'),
    fc.string(),
    fc.anything(),
  );
  const keys = fc.constantFrom('passphrase', 'current', 'next', 'recoveryKey', 'autoLockMinutes', 'language', '__proto__', 'constructor', 'prototype', 'toString');
  const hostilePayload = fc.oneof(
    fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }),
    fc.dictionary(keys, fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constantFrom('nl', 'en', 'de'), fc.anything())),
    fc.string({ maxLength: 10_000 }),
    fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
    fc.constant(JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown),
  );
  const argLists = fc.oneof(hostilePayload.map((p) => [p]), fc.array(hostilePayload, { maxLength: 3 }));
  // Calls shaped after the contract (right field names, plausible values), so that a fair share
  // is valid and the "forwarded input is valid" half of the property is really exercised.
  const fieldValue = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: -5, max: 300 }), fc.constantFrom('nl', 'en', 'de'), fc.boolean());
  const shapedCall = fc.constantFrom(...methodNames).chain((method) => {
    const shape = (contract[method].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    const fields = Object.keys(shape);
    const payload = fields.length === 0 ? fc.constant({}) : fc.dictionary(fc.constantFrom(...fields, 'extra'), fieldValue, { maxKeys: fields.length + 1 });
    return fc.tuple(fc.constant<unknown>(method), payload.map((p) => [p] as unknown[]));
  });
  const anyCall = fc.oneof(fc.tuple(hostileMethod, argLists), shapedCall);

  it('never crashes, never forwards anything invalid, never pollutes prototypes (20 000 calls)', async () => {
    let forwarded = 0;
    await fc.assert(
      fc.asyncProperty(anyCall, fc.boolean(), async ([method, args], trustedSender) => {
        const { window, forward, mainHandlers, deps, trusted } = setup();
        const answeredInMain = () => Object.values(mainHandlers).reduce((n, handler) => n + handler.mock.calls.length, 0);
        const event = trustedSender ? trusted : ({ sender: window.webContents, senderFrame: fakeFrame('https://evil.example/') } as never);
        const result = await relayCall(method, event, args, deps);
        expect(typeof result.ok).toBe('boolean');

        let expected: ReturnType<typeof validateCall> | null = null;
        if (trustedSender && args.length <= 1) {
          try {
            expected = validateCall(method, args[0]);
          } catch {
            expected = null;
          }
        }
        if (expected === null) {
          expect(result.ok).toBe(false);
          expect(forward).not.toHaveBeenCalled();
          expect(answeredInMain()).toBe(0);
        } else if (isMainMethod(expected.method)) {
          expect(forward).not.toHaveBeenCalled();
          expect(answeredInMain()).toBe(1);
          expect(contract[expected.method].input.safeParse(mainHandlers[expected.method].mock.calls[0]?.[0]).success).toBe(true);
        } else {
          expect(forward).toHaveBeenCalledTimes(1);
          expect(answeredInMain()).toBe(0);
          forwarded += 1;
          const [forwardedMethod, forwardedInput] = forward.mock.calls[0]!;
          expect(forwardedMethod).toBe(expected.method);
          expect(contract[forwardedMethod as typeof expected.method].input.safeParse(forwardedInput).success).toBe(true);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 20_000 },
    );
    // Both branches must really be exercised, not only the refusals.
    expect(forwarded).toBeGreaterThan(200);
  }, 120_000);
});

describe('registerIpcRelay', () => {
  it('registers exactly one handler per contract method and nothing else', () => {
    const ipcMain = new FakeIpcMain();
    registerIpcRelay(ipcMain as never, setup().deps);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methodNames.map(invokeChannel).sort());
  });

  it('leaves unknown channels without a handler, so Electron rejects them', async () => {
    const ipcMain = new FakeIpcMain();
    const { deps, trusted } = setup();
    registerIpcRelay(ipcMain as never, deps);
    for (const name of ['__proto__', 'constructor', 'toString', 'vault.destroy', 'send', 'import.file']) {
      await expect(ipcMain.invoke(`kk:invoke:${name}`, trusted, {})).rejects.toThrow(/No handler/);
    }
  });

  it('relays an invoke on a registered channel with the method bound to that channel', async () => {
    const ipcMain = new FakeIpcMain();
    const { deps, trusted, forward } = setup(() => ({ ok: true, value: { autoLockMinutes: 5, language: 'nl' } }));
    registerIpcRelay(ipcMain as never, deps);
    expect(await ipcMain.invoke(invokeChannel('settings.get'), trusted, {})).toEqual({ ok: true, value: { autoLockMinutes: 5, language: 'nl' } });
    expect(forward).toHaveBeenCalledWith('settings.get', {});
  });

  it('removes its handlers again', () => {
    const ipcMain = new FakeIpcMain();
    const unregister = registerIpcRelay(ipcMain as never, setup().deps);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('createEventForwarder', () => {
  it('sends a known event with a valid payload on the event channel', () => {
    const window = fakeWindow();
    const forward = createEventForwarder(() => window as never);
    expect(forward('vault.locked', { reason: 'idle' })).toBe(true);
    expect(window.webContents.sent).toEqual([{ channel: EVENT_CHANNEL, args: [{ name: 'vault.locked', payload: { reason: 'idle' } }] }]);
  });

  it.each([
    ['an unknown name', 'vault.opened', {}],
    ['a prototype name', '__proto__', {}],
    ['a non-string name', 42, {}],
    ['a payload that does not parse', 'vault.locked', { reason: 'because' }],
    ['a payload that is not an object', 'vault.locked', 'not an object'],
    ['progress with a negative count', 'import.progress', { stage: 'inlezen', done: -1 }],
    ['progress of an unknown stage', 'import.progress', { stage: 'wissen', done: 1 }],
    ['a late outcome that is no result envelope', 'import.finished', { trajecten: 5 }],
  ])('drops %s', (_what, name, payload) => {
    const window = fakeWindow();
    const forward = createEventForwarder(() => window as never);
    expect(forward(name, payload)).toBe(false);
    expect(window.webContents.sent).toEqual([]);
  });

  it('sends the progress and the late outcome of an import (long work) to the window', () => {
    const window = fakeWindow();
    const forward = createEventForwarder(() => window as never);
    expect(forward('import.progress', { stage: 'lezen', done: 10, total: 100 })).toBe(true);
    expect(forward('import.finished', { ok: true, value: { ...noImport, dryRun: false } })).toBe(true);
    expect(forward('import.finished', { ok: false, error: { code: 'CORE_STOPPED', message: 'stopped' } })).toBe(true);
    expect(window.webContents.sent.map((s) => (s.args[0] as { name: string }).name)).toEqual(['import.progress', 'import.finished', 'import.finished']);
  });

  it('does nothing without a live window', () => {
    const window = fakeWindow();
    window.webContents.destroyed = true;
    expect(createEventForwarder(() => window as never)('vault.locked', { reason: 'user' })).toBe(false);
    expect(createEventForwarder(() => null)('vault.locked', { reason: 'user' })).toBe(false);
  });
});
