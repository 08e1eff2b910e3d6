// `npm start`. With an Electron binary: build and start the app. Without one (as on machines
// where it cannot be downloaded): say so in one line and start the development preview —
// the same renderer in a Chromium app window, against a real core through the loopback bridge.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, platform } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', platform() === 'win32' ? `${name}.cmd` : name);

/** The Electron executable if the npm package installed one, else null. */
export function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The development vault: KK_VAULT_DIR, else a per-user folder apart from the real app's data. */
export function devVaultDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KK_VAULT_DIR) return env.KK_VAULT_DIR;
  const home = homedir();
  const base =
    platform() === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform() === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_DATA_HOME ?? join(home, '.local', 'share'));
  return join(base, 'ketenkluis-dev', 'vault');
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function startElectron(electron: string): void {
  run(bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  run(process.execPath, ['electron/build.mjs']);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron, ['.'], { cwd: repoRoot, stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** The vault folder as the person can find it: home as `~`, and no path when they chose it with KK_VAULT_DIR. */
function vaultFolderLine(vaultDir: string, fromEnv: boolean): string {
  if (fromEnv) return 'Kluismap: de map uit KK_VAULT_DIR.';
  const home = homedir();
  return `Kluismap: ${vaultDir.startsWith(home + sep) ? `~${vaultDir.slice(home.length)}` : vaultDir}`;
}

async function runPreview(): Promise<void> {
  const vaultDir = devVaultDir();
  const vaultDirFromEnv = Boolean(process.env.KK_VAULT_DIR);
  console.log('Electron is hier niet beschikbaar; de ontwikkelweergave start in Chromium.');
  console.log(vaultFolderLine(vaultDir, vaultDirFromEnv));
  // The preview serves the vault over loopback HTTP to an ordinary browser: fine for test data only.
  console.log('Alleen voor nepgegevens: zet hier geen echte gegevens van cliënten in.');
  run(bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--mode', 'bridge', '--logLevel', 'warn']);
  // Imported here so the Electron path never loads the bridge or the core.
  const { startPreview } = await import('./preview');
  const { defaultStaticDir } = await import('../devbridge/server');
  const end = (code = 0) => void preview.stop().finally(() => process.exit(code));
  const preview = await startPreview({
    vaultDir,
    vaultDirFromEnv,
    staticDir: defaultStaticDir(repoRoot),
    // KK_PREVIEW_NO_BROWSER=1 (used by the launcher's own test): print the address, open nothing.
    browser: process.env.KK_PREVIEW_NO_BROWSER === '1' ? null : findChromium(),
    say: (line) => console.log(line),
    onBrowserClosed: () => end(),
  });
  // Closing the window ends the preview only when the preview opened that window itself.
  console.log(preview.profileDir !== null ? 'Stoppen: sluit het venster, of druk hier op Ctrl+C.' : 'Stoppen: druk hier op Ctrl+C.');
  // `on`, not `once`: tsx may pass a signal on twice, and a second one must not kill us mid-cleanup.
  process.on('SIGINT', () => end());
  process.on('SIGTERM', () => end());
}

const electron = electronBinary();
if (electron) startElectron(electron);
else await runPreview();
