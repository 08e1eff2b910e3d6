// `npm run build:electron`: bundles main, preload, the core host and its import-checking thread
// into dist/electron/*.cjs.
// The sandboxed preload must be one self-contained CommonJS file; the core keeps its native
// and data-file dependencies external (they ship in node_modules, .node files unpacked).
// Fails when any bundle pulls in the test-only development bridge.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `--outdir <dir>` lets the bundle test build into a temp folder.
const outArg = process.argv.indexOf('--outdir');
const outDir = outArg > 0 && process.argv[outArg + 1] ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'dist', 'electron');
const production = process.env.NODE_ENV !== 'development';

/** Source paths that must never end up in a shipped bundle. */
const FORBIDDEN_INPUT = /(^|[\\/])(devbridge|launcher|test)[\\/]|bridgeApi/;

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: production ? false : 'inline',
  minify: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: root,
  // import.meta.url is only read when the core runs from source (checkInWorker.ts); a CommonJS
  // bundle has none, and says so with `undefined` instead of a build warning.
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development'), 'import.meta.url': 'undefined' },
};

const targets = [
  { entry: 'electron/main/main.ts', out: 'main.cjs', platform: 'node', target: 'node22', external: ['electron'] },
  // platform 'browser': a sandboxed preload has no Node built-ins, so importing one must fail here.
  { entry: 'electron/preload/preload.ts', out: 'preload.cjs', platform: 'browser', target: 'chrome130', external: ['electron'] },
  {
    entry: 'electron/core/host/utilityHost.ts',
    out: 'core.cjs',
    platform: 'node',
    target: 'node22',
    external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfkit'],
  },
  // The import's checking thread, loaded by the core from next to core.cjs (checkInWorker.ts).
  { entry: 'electron/core/casework/importWorker.ts', out: 'importWorker.cjs', platform: 'node', target: 'node22', external: ['electron'] },
];

// Remove only our own outputs (never a whole folder someone passed by mistake).
for (const t of targets) rmSync(path.join(outDir, t.out), { force: true });
const problems = [];
for (const t of targets) {
  let result;
  try {
    result = await build({
      ...common,
      entryPoints: [path.join(root, t.entry)],
      outfile: path.join(outDir, t.out),
      platform: t.platform,
      target: t.target,
      external: t.external,
    });
  } catch {
    // esbuild has already printed the errors with file and line.
    console.error(`Build of ${t.out} failed.`);
    process.exit(1);
  }
  const inputs = Object.keys(result.metafile.inputs);
  for (const input of inputs.filter((i) => FORBIDDEN_INPUT.test(i))) problems.push(`${t.out} includes ${input}`);
  const bytes = Object.values(result.metafile.outputs)[0].bytes;
  console.log(`${path.relative(root, path.join(outDir, t.out))}: ${inputs.length} inputs, ${bytes} bytes`);
}
// The PDF fonts (electron/core/pdf/fonts.ts reads them from ./fonts beside core.cjs).
mkdirSync(path.join(outDir, 'fonts'), { recursive: true });
for (const f of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'LICENSE.txt']) {
  copyFileSync(path.join(root, 'resources', 'fonts', f), path.join(outDir, 'fonts', f));
}
if (problems.length > 0) {
  console.error(`Refusing to ship test-only code:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
