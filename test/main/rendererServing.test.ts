import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '../../electron/main/appProtocol';

// The real production renderer build (npm test builds it before the unit tests) served through
// the app:// handler: every file must be reachable under its own name, with a content type the
// browser accepts under nosniff (a module script served as octet-stream is a blank window).
const root = path.resolve(__dirname, '..', '..');
const rendererDir = path.join(root, 'dist', 'renderer');
const built = existsSync(path.join(rendererDir, 'index.html'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

const EXPECTED_TYPES: Record<string, RegExp> = {
  '.html': /^text\/html/,
  '.js': /^text\/javascript/,
  '.css': /^text\/css/,
  '.woff2': /^font\/woff2$/,
  '.woff': /^font\/woff$/,
  '.svg': /^image\/svg\+xml$/,
  '.png': /^image\/png$/,
};

describe.skipIf(!built)('the built renderer through app:// (needs `npm run build:renderer` first)', () => {
  const handler = createAppProtocolHandler(rendererDir);

  it('serves every file of the build under its own URL with a type the browser accepts', async () => {
    const files = filesUnder(rendererDir);
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const url = `app://ketenkluis/${path.relative(rendererDir, file).split(path.sep).join('/')}`;
      expect(resolveAppPath(rendererDir, url), url).toBe(file);
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(200);
      const expected = EXPECTED_TYPES[path.extname(file)];
      if (expected) expect(response.headers.get('content-type'), url).toMatch(expected);
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(file)), url).toBe(true);
    }
  });

  it('resolves every script and stylesheet the entry page references', async () => {
    const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      const url = new URL(reference, 'app://ketenkluis/index.html').href;
      const response = await handler(new Request(url));
      expect(response.status, reference).toBe(200);
    }
    // No inline script: the CSP (script-src 'self') would block it.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
