// `npm ci`'s last step (package.json "postinstall"): download the Electron binary where this machine
// can reach it, and never fail the install where it cannot. package.json's allowScripts keeps npm
// from running electron's own install script, whose failed download would fail the whole `npm ci`;
// this runs that same script and turns a failure into one line. Without the binary, `npm start`
// opens the development preview in Chromium and the Electron tests are skipped.
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 still skips the download (electron's script honours it).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const result = spawnSync(process.execPath, ['install.js'], { cwd: electronDir, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });

if (result.status !== 0) {
  const firstLine = (result.error?.message ?? result.stderr ?? '').trim().split('\n')[0] ?? '';
  // Node quotes the paths in its error messages; a path can carry a person's name.
  const reason = firstLine.replace(/'[^']*'/g, '…').slice(0, 160) || `exit ${result.status ?? result.signal}`;
  console.warn(`Electron was not downloaded (${reason}): npm start opens the development preview in Chromium instead. To try again: npm run postinstall`);
}
