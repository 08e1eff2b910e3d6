import path from 'node:path';

/** Where the built pieces live inside the app (the asar in a packaged build). */
export interface BundlePaths {
  rendererDir: string;
  preload: string;
  coreEntry: string;
}

/** The built files, relative to `app.getAppPath()` (the folder or asar with package.json). */
export function bundlePaths(appRoot: string): BundlePaths {
  return {
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    preload: path.join(appRoot, 'dist', 'electron', 'preload.cjs'),
    coreEntry: path.join(appRoot, 'dist', 'electron', 'core.cjs'),
  };
}

/**
 * The vault folder: `<userData>/vault`. Developers may point KK_VAULT_DIR elsewhere; a packaged
 * build ignores it, so nobody can redirect a real vault with an environment variable.
 */
export function vaultDirFor(isPackaged: boolean, userDataDir: string, env: Record<string, string | undefined>): string {
  const override = env.KK_VAULT_DIR;
  if (!isPackaged && override !== undefined && override.trim() !== '') return path.resolve(override);
  return path.join(userDataDir, 'vault');
}
