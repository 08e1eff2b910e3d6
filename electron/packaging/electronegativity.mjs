// Runs Electronegativity (Doyensec's Electron security linter) on the Electron sources, offline,
// and fails on every finding that electron/main/ELECTRONEGATIVITY.md does not explain.
//
//   node electron/packaging/electronegativity.mjs [--input electron] [--json]
//
// Electronegativity reaches for the network twice: for translations (it falls back to the
// bundled English ones) and for Electron's release list (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK;
// whether our Electron version is current is npm audit's job on a machine with internet).
// Both are cut off here: `got` is replaced by a stub that fails at once, and any socket that
// is still opened makes the run fail, so "works offline" is checked on every run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const input = path.resolve(root, option('--input', 'electron'));
const explanationsFile = path.resolve(root, option('--explained', 'electron/main/ELECTRONEGATIVITY.md'));
const asJson = args.includes('--json');

// --- no network -----------------------------------------------------------------------------
const networkAttempts = [];
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function blockedConnect(...connectArgs) {
  networkAttempts.push(String(connectArgs[0]?.host ?? connectArgs[1] ?? 'unknown'));
  this.destroy(new Error('Network is disabled for the Electronegativity run'));
  return this;
};
const Module = require('node:module');
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'got') return () => Promise.reject(new Error('offline'));
  return originalLoad.call(this, request, parent, isMain);
};

// --- run ------------------------------------------------------------------------------------
const electronVersion = require('electron/package.json').version;
const runnerModule = require('@doyensec/electronegativity/dist/runner.js');
const run = typeof runnerModule === 'function' ? runnerModule : runnerModule.default;
const quietLog = console.log;
console.log = () => {}; // the i18n fallback notice; results are printed below
let result;
try {
  result = await run(
    {
      input,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
} finally {
  console.log = quietLog;
  net.Socket.prototype.connect = originalConnect;
  Module._load = originalLoad;
}

// --- compare with the explanations ------------------------------------------------------------
/** Rows `| CHECK_ID | file | reason |` of the explanations table (file relative to the input). */
function readExplanations(markdown) {
  const rows = [];
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || !/^[A-Z_]+_CHECK$/.test(cells[1].replace(/`/g, ''))) continue;
    rows.push({ id: cells[1].replace(/`/g, ''), file: cells[2].replace(/`/g, ''), reason: cells[3] });
  }
  return rows;
}

const explained = readExplanations(readFileSync(explanationsFile, 'utf8'));
const findings = result.issues.map((issue) => ({
  id: issue.id,
  file: String(issue.file).split(path.sep).join('/'),
  location: `${issue.location.line}:${issue.location.column}`,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  sample: String(issue.sample ?? '').slice(0, 160),
}));
const isExplained = (f) => explained.some((e) => e.id === f.id && e.file === f.file && e.reason.length >= 20);
const unexplained = findings.filter((f) => !isExplained(f));
const stale = explained.filter((e) => !findings.some((f) => f.id === e.id && f.file === e.file));
const parseErrors = result.errors.filter((e) => !e.tolerable).map((e) => ({ file: path.relative(input, e.file), message: e.message }));

const report = {
  electronVersion,
  input: path.relative(root, input) || '.',
  checks: result.globalChecks + result.atomicChecks,
  findings: findings.length,
  explained: findings.length - unexplained.length,
  unexplained,
  stale,
  parseErrors,
  networkAttempts,
};
if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(`Electronegativity on ${report.input} (Electron ${electronVersion}, ${report.checks} checks): ` +
    `${report.findings} findings, ${report.explained} explained in ${path.relative(root, explanationsFile)}.`);
  for (const f of unexplained) console.log(`  UNEXPLAINED ${f.id} ${f.file}:${f.location} [${f.severity}/${f.confidence}] ${f.sample}`);
  for (const s of stale) console.log(`  STALE explanation (no such finding any more): ${s.id} ${s.file}`);
  for (const e of parseErrors) console.log(`  NOT CHECKED (parse error): ${e.file}: ${e.message}`);
  if (networkAttempts.length > 0) console.log(`  NETWORK attempted: ${networkAttempts.join(', ')}`);
}
process.exitCode = unexplained.length + stale.length + parseErrors.length + networkAttempts.length > 0 ? 1 : 0;
