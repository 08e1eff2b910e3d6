// `npm test`: the one command CI and developers run. Each step must pass; the last line counts
// every test from vitest and Playwright together, skips shown separately (never as passes).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(`npm test must run on the pinned Node 24 (node_modules/.bin/node); this is Node ${process.versions.node}.`);
  process.exit(1);
}

// The browser tests need a Chromium; without one, say what to install now, not after minutes of
// building and in every browser test. The same lookup as the Playwright config and `npm start`
// (plain Node 24 loads this TypeScript file itself: type annotations only).
const { findChromium, noChromiumLine } = await import('../electron/launcher/chromium.ts');
if (findChromium() === null) {
  console.error(noChromiumLine());
  process.exit(1);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

const steps = [
  ['typecheck', 'tsc', ['-b']],
  ['lint (layer rules)', 'eslint', ['.']],
  ['build renderer (production)', 'vite', ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']],
  ['build renderer (bridge, tests only)', 'vite', ['build', '--config', 'renderer/vite.config.ts', '--mode', 'bridge', '--logLevel', 'warn']],
  ['build electron bundles', 'node', ['electron/build.mjs']],
  ['unit and integration tests (vitest)', 'vitest', ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']],
  ['browser end-to-end tests (Playwright + Chromium)', 'playwright', ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json' }],
];

let failedStep = null;
for (const [title, cmd, args, env] of steps) {
  console.log(`\n=== ${title}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${title}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    failedStep = title;
    // Keep going only past test steps, so one run reports all failing tests.
    if (!title.includes('tests')) break;
  }
}

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync('test-results/vitest.json')) {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  counts.passed += v.numPassedTests;
  counts.failed += v.numFailedTests;
  counts.skipped += v.numPendingTests + v.numTodoTests;
}
if (existsSync('test-results/playwright.json')) {
  const p = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'));
  counts.passed += p.stats.expected + p.stats.flaky;
  if (p.stats.flaky > 0) console.log(`\nFlaky (failed first, passed on retry): ${p.stats.flaky} — see the Playwright list above.`);
  counts.failed += p.stats.unexpected;
  counts.skipped += p.stats.skipped;
}
if (failedStep) console.log(`\nFailed step: ${failedStep}`);
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedStep || counts.failed > 0 || counts.passed === 0 ? 1 : 0);
