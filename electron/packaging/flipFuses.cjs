// electron-builder afterPack hook: flips the Electron fuses of the packed binary before it is
// signed. Fuses are switches compiled into the binary that no script or flag can undo later.
// The values are checked by test/main/packaging.test.ts and read back after flipping.
const path = require('node:path');
const { flipFuses, getCurrentFuseWire, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** The fuse settings of every Ketenkluis build. */
const fuseConfig = Object.freeze({
  version: FuseVersion.V1,
  // The binary never acts as plain Node (ELECTRON_RUN_AS_NODE would bypass everything).
  [FuseV1Options.RunAsNode]: false,
  // Cookies are encrypted at rest with the OS key store (we set none, but Chromium might).
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let anyone inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app code is checked against the hash embedded at build time (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Code is loaded only from app.asar, never from a loose app folder placed beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // No separate browser-process V8 snapshot is used; keep the default snapshot.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The UI uses app://, so file:// gets no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

// States in the fuse wire: the ASCII digits '1' and '0' (@electron/fuses FuseState).
const FUSE_ENABLED = 49;
const FUSE_DISABLED = 48;

/** Path of the Electron executable inside the packed output, per platform. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${name}.app`);
    case 'win32':
      return path.join(appOutDir, `${name}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

async function afterPack(context) {
  const binary = electronBinaryPath(context);
  const isAppleSilicon = context.electronPlatformName === 'darwin' && context.arch === 3; // Arch.arm64
  await flipFuses(binary, { ...fuseConfig, resetAdHocDarwinSignature: isAppleSilicon });
  // Read back: a build with a fuse in the wrong position must not be shipped.
  const wire = await getCurrentFuseWire(binary);
  for (const [key, wanted] of Object.entries(fuseConfig)) {
    if (key === 'version') continue;
    if (wire[key] !== (wanted ? FUSE_ENABLED : FUSE_DISABLED)) {
      throw new Error(`Fuse ${FuseV1Options[key]} has state ${String(wire[key])} after flipping; expected ${wanted ? 'on' : 'off'}`);
    }
  }
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinaryPath = electronBinaryPath;
