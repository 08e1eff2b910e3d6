import { describe, expect, it, vi } from 'vitest';
import { blockRemoteRequests, denyAllPermissions, hardenSession, REMOTE_URL_PATTERNS } from '../../electron/main/permissions';

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type DeviceHandler = (details: unknown) => boolean;
type BeforeRequest = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

function fakeSession() {
  const s = {
    request: null as RequestHandler | null,
    check: null as CheckHandler | null,
    device: null as DeviceHandler | null,
    beforeRequest: null as { filter: { urls: string[] }; listener: BeforeRequest } | null,
    setPermissionRequestHandler: vi.fn((h: RequestHandler) => (s.request = h)),
    setPermissionCheckHandler: vi.fn((h: CheckHandler) => (s.check = h)),
    setDevicePermissionHandler: vi.fn((h: DeviceHandler) => (s.device = h)),
    webRequest: { onBeforeRequest: vi.fn((filter: { urls: string[] }, listener: BeforeRequest) => (s.beforeRequest = { filter, listener })) },
  };
  return s;
}

const PERMISSIONS = [
  'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection', 'media',
  'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'pointerLock', 'keyboardLock', 'openExternal', 'speaker-selection',
  'storage-access', 'top-level-storage-access', 'window-management', 'unknown', 'fileSystem', 'hid', 'serial', 'usb', 'bluetooth',
];

describe('denyAllPermissions', () => {
  it.each(PERMISSIONS)('denies a request for %s from our own page', (permission) => {
    const session = fakeSession();
    denyAllPermissions(session as never);
    const callback = vi.fn();
    session.request?.({}, permission, callback, { requestingUrl: 'app://ketenkluis/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.check?.({}, permission, 'app://ketenkluis', {})).toBe(false);
  });

  it('denies USB, HID, serial and Bluetooth devices', () => {
    const session = fakeSession();
    denyAllPermissions(session as never);
    for (const deviceType of ['usb', 'hid', 'serial', 'bluetooth']) {
      expect(session.device?.({ deviceType, origin: 'app://ketenkluis', device: {} })).toBe(false);
    }
  });
});

describe('blockRemoteRequests', () => {
  it('cancels every http, https, websocket and ftp request', () => {
    const session = fakeSession();
    blockRemoteRequests(session as never);
    expect(session.beforeRequest?.filter.urls).toEqual(REMOTE_URL_PATTERNS);
    for (const url of ['https://evil.example/x.js', 'http://127.0.0.1:9999/', 'wss://evil.example/socket']) {
      const callback = vi.fn();
      session.beforeRequest?.listener({ url }, callback);
      expect(callback).toHaveBeenCalledWith({ cancel: true });
    }
  });
});

describe('hardenSession', () => {
  it('installs all handlers', () => {
    const session = fakeSession();
    hardenSession(session as never);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(session.setDevicePermissionHandler).toHaveBeenCalledTimes(1);
    expect(session.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
  });
});
