/**
 * Where the Ketenkluis UI lives. The renderer is served only from this origin (see
 * appProtocol.ts); the relay trusts only frames whose URL starts with APP_URL_PREFIX.
 */
export const APP_SCHEME = 'app';
/** The one host of the app scheme. */
export const APP_HOST = 'ketenkluis';
/** Every trusted page URL starts with this prefix (the trailing slash matters). */
export const APP_URL_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;
/** The page the window loads (and reloads on lock). */
export const APP_ENTRY_URL = `${APP_URL_PREFIX}index.html`;

/** True when `url` is a page of our own UI. A plain prefix test: no parsing tricks. */
export function isAppUrl(url: unknown): url is string {
  return typeof url === 'string' && url.startsWith(APP_URL_PREFIX);
}
