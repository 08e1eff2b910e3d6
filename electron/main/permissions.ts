import type { Session } from 'electron';

/**
 * Ketenkluis needs no camera, microphone, location, notifications, clipboard-read, USB, HID,
 * serial or anything else a page can ask for: every request and every check says no.
 */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** URL patterns of every network scheme a page could reach out with. */
export const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/**
 * The UI is served from app:// only and talks through the preload API, so no request ever
 * needs the network. The CSP already forbids it; this cancels it a second time, in main.
 */
export function blockRemoteRequests(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (_details, callback) => callback({ cancel: true }));
}

/** Everything the default session gets before the window opens. */
export function hardenSession(session: Parameters<typeof denyAllPermissions>[0] & Pick<Session, 'webRequest'>): void {
  denyAllPermissions(session);
  blockRemoteRequests(session);
}
