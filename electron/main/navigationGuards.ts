import type { App, WebContents } from 'electron';
import { log } from '../gateway/mainLog';

/**
 * Hosts whose https links may open in the person's own browser. Kept tiny on purpose:
 * the government pages with the handreiking and the law texts the stappenplan cites.
 */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = Object.freeze(['www.rijksoverheid.nl', 'wetten.overheid.nl']);

/**
 * True only for a plain https URL on an allow-listed host: no user info, no port, no other
 * scheme (file:, javascript:, smb:, a custom protocol handler...), no look-alike host.
 */
export function isAllowedExternalUrl(url: unknown, allowList: readonly string[] = EXTERNAL_HOST_ALLOW_LIST): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  if (!url.toLowerCase().startsWith('https://')) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  return allowList.includes(parsed.hostname);
}

/** What the guards need from the outside world. */
export interface GuardDependencies {
  /** `shell.openExternal`; called only with allow-listed URLs. */
  openExternal(url: string): Promise<void> | void;
}

/** The subset of WebContents the guards touch (kept small so tests can fake it honestly). */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

function openIfAllowed(url: string, deps: GuardDependencies): void {
  if (!isAllowedExternalUrl(url)) {
    log.warn('navigation.refused', {});
    return;
  }
  void Promise.resolve(deps.openExternal(url)).catch(() => log.warn('navigation.open_external_failed', {}));
}

/**
 * Locks one web contents in place: it never navigates (the UI is a single page and changes
 * routes in-page), never follows a redirect, never attaches a webview and never opens a
 * window. An allow-listed https link goes to the person's browser instead.
 */
export function guardWebContents(contents: GuardedContents, deps: GuardDependencies): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openIfAllowed(url, deps);
  });
  contents.on('will-frame-navigate', (event) => {
    // Also covers subframes (none are expected; CSP has frame-src 'none').
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, deps);
    return { action: 'deny' };
  });
}

/** Guards every web contents the app ever creates, including ones we did not ask for. */
export function guardAllWebContents(app: Pick<App, 'on'>, deps: GuardDependencies): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, deps));
}
