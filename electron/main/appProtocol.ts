import { promises as fsp } from 'node:fs';
import nodePath from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { APP_HOST, APP_SCHEME } from '../gateway/appOrigin';

/**
 * The app scheme's privileges. `standard` + `secure` give the UI a real origin and a secure
 * context; everything that would widen what the scheme may do stays off.
 */
export const privilegedSchemes: CustomScheme[] = [
  {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      bypassCSP: false,
      corsEnabled: false,
      allowServiceWorkers: false,
      stream: false,
      codeCache: false,
    },
  },
];

/** Must run before the app is ready (Electron refuses it later). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged(privilegedSchemes);
}

/** The path API used to resolve files; node:path by default, path.win32 in tests of Windows rules. */
export type PathApi = Pick<typeof nodePath, 'resolve' | 'sep' | 'isAbsolute'>;

const MAX_URL_LENGTH = 2048;
// A file name segment we are willing to serve: letters, digits and a few separators. The
// built renderer only has such names (vite's hashed assets), so anything else is refused.
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.@~+-]*$/;
// Windows opens these as devices in any folder ('dist/renderer/con.js' is the console).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * Maps an `app://ketenkluis/...` URL to an absolute file path inside `rootDir`, or null when
 * the URL is foreign or hostile. Pure: no file system access.
 *
 * Refused: other schemes or hosts, user info or ports, `..` and `.` segments (plain or
 * percent-encoded), encoded slashes, backslashes, NUL and other control characters, drive
 * letters and colons, hidden files, and anything that would still resolve outside the root.
 * The raw URL text is inspected, not only the parsed one: the URL parser silently folds
 * `..` away, and we want such a request refused, not quietly rewritten.
 */
export function resolveAppPath(rootDir: string, requestUrl: string, pathApi: PathApi = nodePath): string | null {
  if (typeof requestUrl !== 'string' || requestUrl.length > MAX_URL_LENGTH) return null;
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (!requestUrl.toLowerCase().startsWith(prefix)) return null;
  const rest = requestUrl.slice(prefix.length);
  if (rest !== '' && !/^[/?#]/.test(rest)) return null; // e.g. app://ketenkluis.evil/ or app://ketenkluis:80/
  const rawPath = rest.split(/[?#]/, 1)[0] ?? '';

  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;

  if (rawPath !== '' && !rawPath.startsWith('/')) return null;
  // '' and '/' are the entry page; otherwise no empty segment ('//x', 'x/'): no absolute
  // paths smuggled in after the host, and no directory listings.
  const rawSegments = rawPath === '' || rawPath === '/' ? ['index.html'] : rawPath.slice(1).split('/');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    if (raw === '' || raw.includes('\\')) return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding
    }
    // Refuses '..', '.', hidden files, '/', '\\', ':', NUL and other controls, spaces, '%'.
    if (!SAFE_SEGMENT.test(decoded) || WINDOWS_DEVICE.test(decoded)) return null;
    segments.push(decoded);
  }

  const root = pathApi.resolve(rootDir);
  const resolved = pathApi.resolve(root, ...segments);
  // Belt and braces: whatever happened above, never leave the root.
  if (!resolved.startsWith(root + pathApi.sep)) return null;
  return resolved;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The content type for a file name; unknown kinds are served as opaque bytes (with nosniff). */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[nodePath.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every response of the app scheme, errors included. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ allowSelfConnect: false }),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/** File access the handler needs; real fs by default, injectable for tests of failures. */
export interface AppFileSystem {
  readFile(filePath: string): Promise<Uint8Array>;
  realpath(filePath: string): Promise<string>;
}

const nodeFileSystem: AppFileSystem = {
  readFile: (filePath) => fsp.readFile(filePath),
  realpath: (filePath) => fsp.realpath(filePath),
};

function plain(status: number, text: string, method: string): Response {
  const headers = { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' };
  return new Response(method === 'HEAD' ? null : text, { status, headers });
}

/**
 * The request handler of the app scheme: GET and HEAD of files under `rootDir` only.
 * An extension-less path that is not a file gets index.html, so a reload on a client-side
 * route still shows the app; anything else that is missing is a 404.
 */
export function createAppProtocolHandler(
  rootDir: string,
  options: { fileSystem?: AppFileSystem; pathApi?: PathApi } = {},
): (request: Request) => Promise<Response> {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const pathApi = options.pathApi ?? nodePath;
  const root = pathApi.resolve(rootDir);
  return async (request) => {
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      const response = plain(405, 'Method not allowed', method);
      response.headers.set('Allow', 'GET, HEAD');
      return response;
    }
    const filePath = resolveAppPath(root, request.url, pathApi);
    if (filePath === null) return plain(404, 'Not found', method);
    const served = (await readInsideRoot(fileSystem, root, filePath, pathApi)) ??
      (nodePath.extname(filePath) === '' ? await readInsideRoot(fileSystem, root, pathApi.resolve(root, 'index.html'), pathApi) : null);
    if (served === null) return plain(404, 'Not found', method);
    const headers = { ...securityHeaders(), 'Content-Type': contentTypeFor(served.path) };
    return new Response(method === 'HEAD' ? null : (served.bytes as Uint8Array<ArrayBuffer>), { status: 200, headers });
  };
}

async function readInsideRoot(
  fileSystem: AppFileSystem,
  root: string,
  filePath: string,
  pathApi: PathApi,
): Promise<{ path: string; bytes: Uint8Array } | null> {
  try {
    // A symbolic link inside the root must not lead outside it.
    const [realRoot, realFile] = await Promise.all([fileSystem.realpath(root), fileSystem.realpath(filePath)]);
    if (!realFile.startsWith(realRoot + pathApi.sep)) return null;
    return { path: filePath, bytes: await fileSystem.readFile(realFile) };
  } catch {
    return null; // missing, a directory, unreadable: all the same to the page
  }
}

/** Serves the built renderer on `app://ketenkluis/`. Call after the app is ready. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
