import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createAppProtocolHandler,
  handleAppProtocol,
  privilegedSchemes,
  registerAppScheme,
  resolveAppPath,
} from '../../electron/main/appProtocol';
import { contentSecurityPolicy } from '../../shared/security/csp';

const ROOT = '/opt/ketenkluis/dist/renderer';

describe('resolveAppPath', () => {
  it.each([
    ['app://ketenkluis/', 'index.html'],
    ['app://ketenkluis', 'index.html'],
    ['app://ketenkluis/index.html', 'index.html'],
    ['app://ketenkluis/index.html?lang=nl#/trajecten', 'index.html'],
    ['app://ketenkluis/assets/index-B2x_Kq9-.js', 'assets/index-B2x_Kq9-.js'],
    ['app://ketenkluis/assets/fira-sans-400.woff2', 'assets/fira-sans-400.woff2'],
    ['app://ketenkluis/assets/logo%2Dklein.svg', 'assets/logo-klein.svg'],
  ])('serves %s from inside the renderer folder', (url, relative) => {
    expect(resolveAppPath(ROOT, url)).toBe(path.join(ROOT, relative));
  });

  const hostile = [
    // traversal, plain and encoded in every way
    'app://ketenkluis/../secret.txt',
    'app://ketenkluis/assets/../../secret.txt',
    'app://ketenkluis/%2e%2e/secret.txt',
    'app://ketenkluis/%2E%2E/secret.txt',
    'app://ketenkluis/.%2e/secret.txt',
    'app://ketenkluis/%2e./secret.txt',
    'app://ketenkluis/..%2fsecret.txt',
    'app://ketenkluis/..%2Fsecret.txt',
    'app://ketenkluis/..%5csecret.txt',
    'app://ketenkluis/assets%2f..%2f..%2fsecret.txt',
    'app://ketenkluis/%252e%252e/secret.txt',
    'app://ketenkluis/./index.html',
    'app://ketenkluis/%2e/index.html',
    // backslashes
    'app://ketenkluis/assets\\..\\..\\secret.txt',
    'app://ketenkluis/..\\secret.txt',
    // NUL and control characters
    'app://ketenkluis/index.html%00.js',
    'app://ketenkluis/%00',
    'app://ketenkluis/index.html\u0000',
    'app://ketenkluis/a%0Ab.js',
    // absolute paths, drive letters, UNC, alternate data streams
    'app://ketenkluis//etc/passwd',
    'app://ketenkluis/%2fetc%2fpasswd',
    'app://ketenkluis/C:/Windows/win.ini',
    'app://ketenkluis/C%3A%5CWindows%5Cwin.ini',
    'app://ketenkluis/%5c%5cserver%5cshare',
    'app://ketenkluis/index.html:secret',
    // hidden files, Windows devices, directory listings
    'app://ketenkluis/.env',
    'app://ketenkluis/assets/.htaccess',
    'app://ketenkluis/con',
    'app://ketenkluis/NUL.js',
    'app://ketenkluis/assets/COM1.txt',
    'app://ketenkluis/assets/',
    // malformed encoding, odd characters
    'app://ketenkluis/%',
    'app://ketenkluis/%zz.js',
    'app://ketenkluis/a b.js',
    'app://ketenkluis/a%20b.js',
    'app://ketenkluis/%C0%AE%C0%AE/secret.txt',
    // foreign origins
    'app://evil/index.html',
    'app://ketenkluis.evil/index.html',
    'app://ketenkluis@evil/index.html',
    'app://user@ketenkluis/index.html',
    'app://ketenkluis:8080/index.html',
    'https://ketenkluis/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '',
    `app://ketenkluis/${'a'.repeat(5000)}.js`,
  ];
  it.each(hostile)('refuses %j', (url) => {
    expect(resolveAppPath(ROOT, url)).toBeNull();
  });

  it('applies the same rules with Windows paths', () => {
    const winRoot = 'C:\\Program Files\\Ketenkluis\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppPath(winRoot, 'app://ketenkluis/assets/app.js', path.win32)).toBe(`${winRoot}\\assets\\app.js`);
    for (const url of hostile) expect(resolveAppPath(winRoot, url, path.win32)).toBeNull();
  });

  const token = fc.constantFrom(
    '..', '.', '%2e', '%2E', '%2e%2e', '%2E%2e', '.%2e', '%2f', '%2F', '%5c', '\\', '/', '//', '%00', '\u0000',
    'assets', 'index.html', 'app.js', 'C:', '%3a', ':', '~', '%252e', ' ', '%20', 'etc', 'passwd', '%', '?', '#', '@', 'con',
  );
  const isInside = (root: string, p: string, api: typeof path) => {
    const rel = api.relative(root, p);
    return rel !== '' && !rel.startsWith('..') && !api.isAbsolute(rel);
  };

  it('never resolves outside the root for any mix of hostile pieces (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), fc.constantFrom(path.posix, path.win32), (pieces, api) => {
        const root = api === path.win32 ? 'C:\\kk\\renderer' : '/kk/renderer';
        const resolved = resolveAppPath(root, `app://ketenkluis/${pieces.join('')}`, api);
        if (resolved === null) return;
        expect(isInside(root, resolved, api)).toBe(true);
        // Anything that decodes to a dot segment must have been refused.
        const pathPart = pieces.join('').split(/[?#]/)[0] ?? '';
        expect(pathPart.split('/').some((s) => { try { return ['.', '..'].includes(decodeURIComponent(s)); } catch { return false; } })).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('never resolves outside the root for arbitrary strings (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (tail) => {
        const resolved = resolveAppPath('/kk/renderer', `app://ketenkluis/${tail}`);
        if (resolved !== null) expect(isInside('/kk/renderer', resolved, path.posix)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('app protocol handler', () => {
  let base: string;
  let root: string;
  let handler: (request: Request) => Promise<Response>;
  const csp = contentSecurityPolicy({ allowSelfConnect: false });
  const request = (url: string, method = 'GET') => ({ url, method }) as Request;

  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), 'kk-protocol-'));
    root = path.join(base, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Ketenkluis</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("kk")');
    writeFileSync(path.join(root, 'assets', 'data.bin'), 'x');
    writeFileSync(path.join(base, 'secret.txt'), 'TEST-ONLY SECRET OUTSIDE THE ROOT');
    symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
    handler = createAppProtocolHandler(root);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves the entry page with the CSP and nosniff headers', async () => {
    const response = await handler(request('app://ketenkluis/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Ketenkluis</title>');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('serves scripts as JavaScript and unknown kinds as opaque bytes', async () => {
    const js = await handler(request('app://ketenkluis/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const bin = await handler(request('app://ketenkluis/assets/data.bin'));
    expect(bin.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('answers HEAD without a body', async () => {
    const response = await handler(request('app://ketenkluis/index.html', 'HEAD'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(response.headers.get('content-security-policy')).toBe(csp);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405 and still sends the CSP', async (method) => {
    const response = await handler(request('app://ketenkluis/index.html', method));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(response.headers.get('content-security-policy')).toBe(csp);
  });

  it.each([
    'app://ketenkluis/../secret.txt',
    'app://ketenkluis/%2e%2e/secret.txt',
    'app://ketenkluis/assets/%2e%2e/%2e%2e/secret.txt',
    'app://ketenkluis/assets\\..\\..\\secret.txt',
    'app://ketenkluis/assets/missing.js',
  ])('gives 404 with the CSP for %s and never the secret', async (url) => {
    const response = await handler(request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('does not follow a symbolic link out of the renderer folder', async () => {
    const response = await handler(request('app://ketenkluis/assets/link.txt'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('serves the app for a client-side route without a file extension', async () => {
    const response = await handler(request('app://ketenkluis/trajecten'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Ketenkluis</title>');
  });

  it('works with a real Request object as Electron passes it', async () => {
    const response = await handler(new Request('app://ketenkluis/assets/app.js'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log("kk")');
  });
});

describe('scheme registration', () => {
  it('registers app:// as standard and secure, without CSP bypass, CORS or service workers', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith(privilegedSchemes);
    expect(privilegedSchemes).toHaveLength(1);
    expect(privilegedSchemes[0]).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, bypassCSP: false, corsEnabled: false, allowServiceWorkers: false },
    });
  });

  it('handles the app scheme with the guarded handler', async () => {
    const protocol = { handle: vi.fn() };
    handleAppProtocol(protocol, '/nonexistent/renderer');
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handle = protocol.handle.mock.calls[0]?.[1] as (r: Request) => Promise<Response>;
    const response = await handle({ url: 'app://ketenkluis/../x', method: 'GET' } as Request);
    expect(response.status).toBe(404);
  });
});
