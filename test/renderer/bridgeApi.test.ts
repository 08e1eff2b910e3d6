// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/ipc/contract';
import { createBridgeApi, takeTokenFromLocation } from '../../renderer/platform/bridgeApi';

describe('bridge API (development and tests only)', () => {
  it('takes the token from the fragment and removes it from the address bar', () => {
    history.replaceState(null, '', '/index.html#token=abcdefghijklmnopqrstuvwxyz012345');
    expect(takeTokenFromLocation()).toBe('abcdefghijklmnopqrstuvwxyz012345');
    expect(window.location.hash).toBe('');
    expect(window.location.href).not.toContain('token');
  });

  it('refuses a malformed token', () => {
    history.replaceState(null, '', '/#token=<script>');
    expect(takeTokenFromLocation()).toBeNull();
    expect(window.location.hash).toBe('');
  });

  it('exposes exactly one function per contract method plus on', () => {
    const api = createBridgeApi('x'.repeat(32), 'http://127.0.0.1:9');
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => api.on('not.an.event' as never, () => undefined)).toThrow();
  });

  it('without a token every call returns FORBIDDEN_SENDER as data, never throws', async () => {
    const api = createBridgeApi(null);
    expect(await api['vault.status']({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('an unreachable bridge gives INTERNAL as data', async () => {
    const api = createBridgeApi('y'.repeat(32), 'http://127.0.0.1:9');
    expect(await api['vault.status']({})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
