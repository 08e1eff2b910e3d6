// The development bridge is loopback-only, token-guarded and serves only its own build.
import { request as http } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkScreen, createVault, expect, repoRoot, test } from './fixtures';

/** A raw request, so Host and Origin can be set to what an attacker's page would send. */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = http(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

test('bridge: calls need the token; foreign Host or Origin is refused; no path traversal', async ({ app }) => {
  const base = app.baseUrl!;
  const call = JSON.stringify({ method: 'vault.status', input: {} });
  const json = { 'content-type': 'application/json' };

  const ok = await raw(`${base}/api/invoke`, { method: 'POST', headers: { ...json, authorization: `Bearer ${app.token}` }, body: call });
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { exists: false, locked: true } });

  for (const authorization of [undefined, 'Bearer ', `Bearer ${app.token}x`, `Bearer ${app.token!.slice(1)}`, `Basic ${app.token}`]) {
    const r = await raw(`${base}/api/invoke`, { method: 'POST', headers: { ...json, ...(authorization ? { authorization } : {}) }, body: call });
    expect(r.status, `authorization ${authorization}`).toBe(401);
  }
  const events = await raw(`${base}/api/events`, {});
  expect(events.status).toBe(401);

  // DNS rebinding: the attacker's name arrives in Host; a cross-site page sends its Origin.
  const port = new URL(base).port;
  expect((await raw(`${base}/`, { headers: { host: `evil.example:${port}` } })).status).toBe(403);
  expect((await raw(`${base}/`, { headers: { host: '127.0.0.1' } })).status).toBe(403);
  const crossSite = await raw(`${base}/api/invoke`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${app.token}`, origin: 'http://evil.example' },
    body: call,
  });
  expect(crossSite.status).toBe(403);

  // Only JSON bodies, only small ones, and the contract still decides what is valid.
  const form = await raw(`${base}/api/invoke`, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${app.token}` }, body: call });
  expect(form.status).toBe(415);
  const huge = await raw(`${base}/api/invoke`, { method: 'POST', headers: { ...json, authorization: `Bearer ${app.token}` }, body: 'x'.repeat(2 * 1024 * 1024) });
  expect(huge.status).toBe(413);
  const unknown = await raw(`${base}/api/invoke`, { method: 'POST', headers: { ...json, authorization: `Bearer ${app.token}` }, body: JSON.stringify({ method: '__proto__', input: {} }) });
  expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  // The page cannot name a file for the core to read: import.file is main's alone, here as in the app.
  const hostOnly = await raw(`${base}/api/invoke`, { method: 'POST', headers: { ...json, authorization: `Bearer ${app.token}` }, body: JSON.stringify({ method: 'import.file', input: { path: '/etc/passwd' } }) });
  expect(JSON.parse(hostOnly.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });

  for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/..%5cpackage.json', '/%00index.html', '//etc/passwd']) {
    const r = await raw(`${base}${path}`, {});
    expect(r.status, path).toBe(404);
    expect(r.body).not.toContain('"devDependencies"');
  }
  expect((await raw(`${base}/index.html`, { method: 'POST', body: 'x' })).status).toBe(405);
});

test('bridge: every page carries the strict CSP and the built HTML has no inline script or style', async ({ app }) => {
  const page = await raw(`${app.baseUrl}/`, {});
  expect(page.status).toBe(200);
  const csp = String(page.headers['content-security-policy']);
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(page.headers['x-content-type-options']).toBe('nosniff');

  for (const dir of ['dist/renderer-bridge', 'dist/renderer']) {
    let html: string;
    try {
      html = readFileSync(join(repoRoot, dir, 'index.html'), 'utf8');
    } catch {
      continue; // dist/renderer is built by `npm test`/`npm run build`; the bridge build is required.
    }
    const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs ?? '') || (body ?? '').trim() !== '');
    expect(inlineScripts, `${dir}: inline script`).toEqual([]);
    expect(html, `${dir}: inline style`).not.toMatch(/<style\b|\sstyle=/);
  }
});

test('bridge: the production renderer build contains no bridge code', async () => {
  let files: string[];
  try {
    files = readdirSync(join(repoRoot, 'dist/renderer/assets')).filter((f) => f.endsWith('.js'));
  } catch {
    test.skip(true, 'dist/renderer is not built (npm run build:renderer); `npm test` builds it first');
    return;
  }
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const js = readFileSync(join(repoRoot, 'dist/renderer/assets', file), 'utf8');
    expect(js, file).not.toContain('/api/invoke');
    expect(js, file).not.toContain('#token=');
    expect(js, file).not.toContain('token=');
  }
});

test('bridge: a lock from outside the window (as auto-lock does) reaches the screen through the event stream', async ({ app }) => {
  const { page } = app;
  await createVault(page);
  await page.getByRole('button', { name: 'Instellingen' }).click();
  const r = await raw(`${app.baseUrl}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
    body: JSON.stringify({ method: 'vault.lock', input: {} }),
  });
  expect(JSON.parse(r.body)).toEqual({ ok: true, value: {} });
  await expect(page.getByRole('heading', { level: 1, name: 'Kluis ontgrendelen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kluis vergrendelen' })).toHaveCount(0);
});

test('bridge: refuses to start when NODE_ENV=production', async () => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'kk-prod-'));
  try {
    const r = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['electron/devbridge/host.ts', '--dir', join(dir, 'vault')], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('De ontwikkelbrug draait nooit in productie');
    // The server module refuses on its own too, whoever calls it.
    const direct = spawnSync(
      join(repoRoot, 'node_modules', '.bin', 'tsx'),
      ['-e', `import('./electron/devbridge/server.ts').then((m) => m.startBridge({ vaultDir: ${JSON.stringify(join(dir, 'v2'))}, staticDir: '.' })).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); })`],
      { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8', timeout: 60_000 },
    );
    expect(direct.status).toBe(3);
    expect(direct.stderr).toContain('never runs in production');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bridge: the page opened without its token shows a calm refusal, never the vault', async ({ app }) => {
  const { page } = app;
  await page.goto(`${app.baseUrl}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ketenkluis kan de kluis niet bereiken' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Deze opdracht komt niet van Ketenkluis zelf en is geweigerd.');
  await checkScreen(page, '24-unavailable-without-token');
});

/** Starts a bridge host of its own (no page attached, so every event stream is the test's). */
async function startOwnHost(vaultDir: string) {
  const { spawn } = await import('node:child_process');
  const { createInterface } = await import('node:readline');
  const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['electron/devbridge/host.ts', '--dir', vaultDir], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`bridge host exited (${code})`)));
  });
  const stop = async () => {
    child.stdin?.end();
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
  };
  return { url, base: url.split('/#')[0]!, token: url.split('#token=')[1]!, stop };
}

/** Opens an event stream and keeps it open; resolves with its status once the headers are in. */
function openStream(base: string, token: string) {
  return new Promise<{ status: number; close: () => void }>((resolve, reject) => {
    const req = http(`${base}/api/events`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

test('bridge: at most 4 event streams at once; a fifth gets 429 until one closes', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const root = mkdtempSync(join(tmpdir(), 'kk-streams-'));
  const host = await startOwnHost(join(root, 'vault'));
  const open: Array<{ close: () => void }> = [];
  try {
    for (let i = 0; i < 4; i++) {
      const stream = await openStream(host.base, host.token);
      expect(stream.status, `stream ${i + 1}`).toBe(200);
      open.push(stream);
    }
    const fifth = await openStream(host.base, host.token);
    expect(fifth.status).toBe(429);
    fifth.close();

    open.shift()!.close();
    // The server notices the closed socket; then there is room again.
    await expect.poll(async () => {
      const again = await openStream(host.base, host.token);
      if (again.status === 200) open.push(again);
      else again.close();
      return again.status;
    }).toBe(200);
    // Calls still work while the streams are full.
    const r = await raw(`${host.base}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ method: 'vault.status', input: {} }),
    });
    expect(r.status).toBe(200);
  } finally {
    for (const stream of open) stream.close();
    await host.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

test('bridge: --port that is not a port number is refused with a clear message', async () => {
  const { spawnSync } = await import('node:child_process');
  for (const port of ['abc', '-1', '80.5', '70000', '0x50', ' 8080', '']) {
    const r = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['electron/devbridge/host.ts', '--dir', '/nonexistent/kk-never-created', '--port', port], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, `--port ${JSON.stringify(port)}`).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Ongeldige poort ${JSON.stringify(port)}: geef een geheel getal van 0 tot en met 65535`);
    expect(r.stderr).not.toContain('NaN');
  }
  // --port with nothing after it is refused too, not read as 0.
  const missing = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['electron/devbridge/host.ts', '--dir', '/nonexistent/kk-never-created', '--port'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('Ongeldige poort');
});

test('bridge: launch addresses that are never used are forgotten when they expire', async () => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'kk-launch-'));
  // Drives the real server module: three addresses with a 300 ms lifetime, one used at once.
  const script = `
    const { startBridge } = await import('./electron/devbridge/server.ts');
    const bridge = await startBridge({ vaultDir: ${JSON.stringify(join(dir, 'vault'))}, staticDir: 'dist/renderer-bridge', launchLinkTtlMs: 300 });
    const links = [bridge.launchUrl(), bridge.launchUrl(), bridge.launchUrl()];
    const out = { made: bridge.pendingLaunchLinks };
    out.used = (await fetch(links[0], { redirect: 'manual' })).status;
    out.afterUse = bridge.pendingLaunchLinks;
    await new Promise((r) => setTimeout(r, 600));
    out.afterExpiry = bridge.pendingLaunchLinks;
    out.expired = (await fetch(links[1], { redirect: 'manual' })).status;
    await bridge.close();
    console.log(JSON.stringify(out));
  `;
  try {
    const r = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toEqual({ made: 3, used: 303, afterUse: 2, afterExpiry: 0, expired: 404 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
