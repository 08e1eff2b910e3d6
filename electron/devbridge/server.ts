// DEVELOPMENT AND TEST ONLY. Never bundled into the app (electron/build.mjs does not reach it,
// electron-builder.yml excludes it, and eslint forbids importing it from main or the renderer).
//
// Serves the bridge build of the renderer and relays contract calls to a real core in this
// process, over loopback, behind a one-time random token. The page plays the part the preload
// plays in Electron; the core validates every call exactly as it does there.
import { randomBytes } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { KkError } from '../../shared/errors';
import { isEventName } from '../../shared/ipc/events';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { createCore, type Core } from '../core/core';
import { typedCoreCall } from '../gateway/coreCall';
import { createImportChoice, type ShowOpenDialog } from '../gateway/importChoice';
import { createBackupChoice } from '../gateway/backupChoice';
import { createTafelMain } from '../gateway/tafelMain';
import { createVerstrekkingenMain, memoryClipboard } from '../gateway/verstrekkingenMain';
import { createTafelSamenvoegenMain } from '../gateway/tafelSamenvoegenMain';
import { alsMeerdere, createTafelModusMain } from '../gateway/tafelModusMain';
import { tokensMatch } from '../gateway/tokens';
import { createWindowCalls } from '../gateway/windowCalls';

/** Largest accepted request body; contract inputs are small (passphrases are capped at 4096). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Open event streams at once; one page needs one. More are refused with 429 (each one holds a socket). */
export const MAX_EVENT_STREAMS = 4;
/** How long a launch address stays valid; an unused one is forgotten after this. */
export const LAUNCH_LINK_TTL_MS = 60_000;

export interface BridgeOptions {
  /** The folder of the vault (created on first run by the core). */
  vaultDir: string;
  /** The built bridge renderer (`dist/renderer-bridge`). */
  staticDir: string;
  /** 0 (default) picks a free port; anything but a whole number 0–65535 is refused. */
  port?: number;
  /** Lifetime of a launch address (default LAUNCH_LINK_TTL_MS; shorter in tests). */
  launchLinkTtlMs?: number;
  /**
   * Plays main's file dialog (there is no native one here). Default: nothing is chosen. The
   * host answers it from its stdin, so only the process that started the bridge can pick a file.
   */
  showOpenDialog?: ShowOpenDialog;
}

export interface Bridge {
  /** The address to open, with the token in the fragment (never sent to the server by browsers). */
  url: string;
  /**
   * A single-use address (valid one minute) that redirects to `url`. For handing to a browser
   * on its command line, which other local users can read: once used it is worthless.
   */
  launchUrl(): string;
  /** Launch addresses handed out and neither used nor expired yet. */
  readonly pendingLaunchLinks: number;
  port: number;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
};

function baseHeaders(): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy({ allowSelfConnect: true }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'cache-control': 'no-store',
  };
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...baseHeaders(), 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}


function bearer(req: IncomingMessage): string {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : '';
}

/**
 * Only loopback names with our port are accepted in Host, and only our own origin in Origin:
 * a page on another site that rebinds its DNS name to 127.0.0.1 sends its own name and is refused.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/**
 * Maps a request path to a file inside `root`, or null. Refuses `..`, encoded separators, NUL,
 * backslashes and anything that resolves outside the root (also through symlinks, checked later).
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /%2f|%5c/i.test(urlPath)) return null;
  if (decoded.split('/').some((part) => part === '..' || part === '.')) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (rel === '' || isAbsolute(rel)) return null;
  const full = resolve(root, rel);
  const inside = relative(root, full);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return full;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) throw new KkError('INVALID_INPUT', 'Body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new KkError('INVALID_INPUT', 'Body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the bridge. Refuses to run when NODE_ENV is production. */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The development bridge never runs in production (NODE_ENV=production).');
  }
  const requestedPort = options.port ?? 0;
  if (!isValidPort(requestedPort)) throw new RangeError('The bridge port must be a whole number from 0 to 65535');
  const launchLinkTtlMs = options.launchLinkTtlMs ?? LAUNCH_LINK_TTL_MS;
  const token = randomBytes(32).toString('base64url');
  const staticRoot = await realpath(options.staticDir);
  const streams = new Set<ServerResponse>();

  const core: Core = createCore({
    vaultDir: options.vaultDir,
    emit: (name, payload) => {
      if (!isEventName(name)) return;
      const line = `data: ${JSON.stringify({ name, payload })}\n\n`;
      for (const res of streams) res.write(line);
    },
  });

  // The window's calls take the same way as in the app (windowCalls.ts): contract first, then
  // main's own answer or the core's. The import file is chosen "in main", never by the page.
  const callCore = typedCoreCall(core.dispatch);
  const importChoice = createImportChoice({
    showOpenDialog: options.showOpenDialog ?? (async () => null),
    forward: callCore,
  });
  // Disclosures: the save and open dialogs take the same scripted answers; the clipboard is in
  // memory and a print prints nothing (there is no printer here); the core's gate decides as in the app.
  const verstrekkingenMain = createVerstrekkingenMain({
    forward: callCore,
    showSaveDialog: options.showOpenDialog ?? (async () => null),
    showOpenDialog: options.showOpenDialog ?? (async () => null),
    clipboard: memoryClipboard(),
    print: async () => true,
  });
  // The combine step: the save and the open dialog take the same scripted answers.
  const tafelSamenvoegenMain = createTafelSamenvoegenMain({ showSaveDialog: options.showOpenDialog ?? (async () => null), showOpenDialog: options.showOpenDialog ?? (async () => null), forward: callCore });
  // Backups: the save and the open dialog take the same scripted answers too.
  const backupChoice = createBackupChoice({ showSaveDialog: options.showOpenDialog ?? (async () => null), showOpenDialog: options.showOpenDialog ?? (async () => null), forward: callCore });
  // Summaries for the Regionale Tafel: the save dialog takes the same scripted answers.
  const tafelMain = createTafelMain({ showSaveDialog: options.showOpenDialog ?? (async () => null), forward: callCore });
  // Tafel mode: the open dialog (one file per scripted answer) and the save dialog take the same scripted answers.
  const tafelModusMain = createTafelModusMain({ showOpenFiles: alsMeerdere(options.showOpenDialog ?? (async () => null)), showSaveDialog: options.showOpenDialog ?? (async () => null), forward: callCore });
  const windowCall = createWindowCalls({
    forward: async (method, input) => {
      if (method === 'vault.lock') importChoice.forget();
      if (method === 'vault.lock') backupChoice.forget();
      if (method === 'vault.lock') verstrekkingenMain.forget();
      return callCore(method, input);
    },
    mainHandlers: { ...importChoice.handlers, ...verstrekkingenMain.handlers, ...backupChoice.handlers, ...tafelSamenvoegenMain.handlers, ...tafelMain.handlers, ...tafelModusMain.handlers },
  });

  let port = 0;
  // Each unused launch address is forgotten when it expires (its timer), not kept until the end.
  const launchNonces = new Map<string, { expires: number; timer: ReturnType<typeof setTimeout> }>();
  const forgetLaunchLink = (nonce: string): void => {
    const entry = launchNonces.get(nonce);
    if (!entry) return;
    clearTimeout(entry.timer);
    launchNonces.delete(nonce);
  };

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', undefined, { allow: 'GET, HEAD' });
    const file = resolveStaticPath(staticRoot, pathname);
    if (!file) return send(res, 404, 'Not found');
    try {
      const real = await realpath(file);
      if (real !== staticRoot && !real.startsWith(staticRoot + sep)) return send(res, 404, 'Not found');
      const info = await stat(real);
      if (!info.isFile()) return send(res, 404, 'Not found');
      const body = await readFile(real);
      const type = contentTypes[extname(real)] ?? 'application/octet-stream';
      if (req.method === 'HEAD') {
        res.writeHead(200, { ...baseHeaders(), 'content-type': type, 'content-length': String(body.length) });
        res.end();
        return;
      }
      send(res, 200, body, type);
    } catch {
      send(res, 404, 'Not found');
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) return send(res, 403, 'Forbidden host');
    if (!isAllowedOrigin(req.headers.origin, port)) return send(res, 403, 'Forbidden origin');
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';

    if (pathname.startsWith('/launch/')) {
      const nonce = pathname.slice('/launch/'.length);
      const entry = launchNonces.get(nonce);
      forgetLaunchLink(nonce);
      if (req.method !== 'GET' || entry === undefined || entry.expires < Date.now()) return send(res, 404, 'Not found');
      return send(res, 303, '', undefined, { location: `/#token=${token}` });
    }

    if (pathname.startsWith('/api/')) {
      if (!tokensMatch(token, bearer(req))) return send(res, 401, 'Unauthorized', undefined, { 'www-authenticate': 'Bearer' });
      if (pathname === '/api/invoke') {
        if (req.method !== 'POST') return send(res, 405, 'Method not allowed', undefined, { allow: 'POST' });
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only');
        let body: unknown;
        try {
          body = JSON.parse(await readBody(req));
        } catch (error) {
          const tooLarge = error instanceof KkError;
          const body = JSON.stringify({
            ok: false,
            error: { code: 'INVALID_INPUT', message: tooLarge ? 'Request too large' : 'Body is not JSON' },
          });
          if (!tooLarge) return send(res, 400, body, 'application/json; charset=utf-8');
          // Answer, then discard the rest until the connection closes (no reset mid-upload).
          send(res, 413, body, 'application/json; charset=utf-8', { connection: 'close' });
          req.resume();
          return;
        }
        const call = (body && typeof body === 'object' ? body : {}) as { method?: unknown; input?: unknown };
        // windowCall validates method and input against the window's contract and never throws.
        return sendJson(res, 200, await windowCall(call.method, call.input));
      }
      if (pathname === '/api/events') {
        if (req.method !== 'GET') return send(res, 405, 'Method not allowed', undefined, { allow: 'GET' });
        if (streams.size >= MAX_EVENT_STREAMS) return send(res, 429, 'Too many event streams', undefined, { 'retry-after': '5' });
        res.writeHead(200, { ...baseHeaders(), 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        res.on('error', () => streams.delete(res));
        return;
      }
      return send(res, 404, 'Not found');
    }
    return serveStatic(req, res, pathname);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(requestedPort, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    launchUrl() {
      const nonce = randomBytes(24).toString('base64url');
      const timer = setTimeout(() => forgetLaunchLink(nonce), launchLinkTtlMs);
      timer.unref(); // an unused address never keeps the process alive
      launchNonces.set(nonce, { expires: Date.now() + launchLinkTtlMs, timer });
      return `http://127.0.0.1:${port}/launch/${nonce}`;
    },
    get pendingLaunchLinks() {
      return launchNonces.size;
    },
    async close() {
      for (const nonce of [...launchNonces.keys()]) forgetLaunchLink(nonce);
      for (const res of streams) res.end();
      streams.clear();
      await new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      core.close();
    },
  };
}

/** True for a TCP port the bridge can listen on (0 = any free port). */
export function isValidPort(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 65_535;
}

/**
 * Reads a `--port` value: digits only (no sign, no decimals, no hex, no blanks), at most 65535.
 * Returns null for anything else, so the caller can say what is wrong instead of using NaN.
 */
export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const value = Number(text);
  return isValidPort(value) ? value : null;
}

/** Where the bridge build of the renderer lands (see renderer/vite.config.ts). */
export function defaultStaticDir(repoRoot: string): string {
  return join(repoRoot, 'dist', 'renderer-bridge');
}
