import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoreToMainMessage, MainToCoreMessage, MAX_HOST_NAME_LENGTH, ReplyResult } from '../../shared/ipc/hostProtocol';

describe('host protocol (one definition for main and core)', () => {
  it('accepts exactly the five message kinds, each in its own direction', () => {
    expect(MainToCoreMessage.safeParse({ kind: 'init', vaultDir: '/v' }).success).toBe(true);
    expect(MainToCoreMessage.safeParse({ kind: 'invoke', id: 1, method: 'vault.status', input: {} }).success).toBe(true);
    expect(MainToCoreMessage.safeParse({ kind: 'shutdown' }).success).toBe(true);
    expect(CoreToMainMessage.safeParse({ kind: 'reply', id: 1, result: { ok: true, value: {} } }).success).toBe(true);
    expect(CoreToMainMessage.safeParse({ kind: 'event', name: 'vault.locked', payload: { reason: 'user' } }).success).toBe(true);
    expect(CoreToMainMessage.safeParse({ kind: 'progress', id: 1, name: 'import.progress', payload: { stage: 'inlezen', done: 3 } }).success).toBe(true);
    expect(MainToCoreMessage.safeParse({ kind: 'progress', id: 1, name: 'import.progress', payload: {} }).success).toBe(false);
    // A core message is never a main message and the other way round.
    expect(MainToCoreMessage.safeParse({ kind: 'reply', id: 1, result: { ok: true, value: {} } }).success).toBe(false);
    expect(CoreToMainMessage.safeParse({ kind: 'invoke', id: 1, method: 'vault.status', input: {} }).success).toBe(false);
  });

  it('refuses extra fields, bad ids, empty or overlong names and an empty vault folder', () => {
    for (const bad of [
      { kind: 'shutdown', force: true },
      { kind: 'init', vaultDir: '' },
      { kind: 'init', vaultDir: '/v', other: '/w' },
      { kind: 'invoke', id: -1, method: 'vault.status', input: {} },
      { kind: 'invoke', id: 1.5, method: 'vault.status', input: {} },
      { kind: 'invoke', id: '1', method: 'vault.status', input: {} },
      { kind: 'invoke', id: Number.MAX_SAFE_INTEGER + 2, method: 'vault.status', input: {} },
      { kind: 'invoke', id: 1, method: '', input: {} },
      { kind: 'invoke', id: 1, method: 'x'.repeat(MAX_HOST_NAME_LENGTH + 1), input: {} },
      { kind: 'call', id: 1, method: 'vault.status', input: {} },
      // What an inherited field turns into after the port's structured clone: nothing.
      structuredClone({ __proto__: { kind: 'shutdown' } }),
    ]) expect(MainToCoreMessage.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    for (const bad of [
      { kind: 'event', name: '', payload: {} },
      { kind: 'progress', name: 'import.progress', payload: {} }, // progress belongs to a call
      { kind: 'reply', id: 1, result: {}, extra: 1 },
      { kind: 'result', id: 1, result: { ok: true, value: {} } },
    ]) expect(CoreToMainMessage.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('a reply result is a value or an error with a known code, nothing else', () => {
    expect(ReplyResult.safeParse({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'x' } }).success).toBe(true);
    expect(ReplyResult.safeParse({ ok: false, error: { code: 'NOT_A_CODE', message: 'x' } }).success).toBe(false);
    expect(ReplyResult.safeParse({ ok: true, value: undefined }).success).toBe(true); // the dispatcher checked the value
    expect(ReplyResult.safeParse({ ok: true }).success).toBe(false);
    expect(ReplyResult.safeParse({ ok: true, value: 1, error: {} }).success).toBe(false);
    expect(ReplyResult.safeParse({ value: 1 }).success).toBe(false);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        MainToCoreMessage.safeParse(value);
        CoreToMainMessage.safeParse(value);
        ReplyResult.safeParse(value);
      }),
      { numRuns: 2_000 },
    );
  });
});
