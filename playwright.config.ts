import { defineConfig } from '@playwright/test';
import { findChromium } from './electron/launcher/chromium';

/**
 * Browser end-to-end tests. `bridge`: the machine's Chromium (headless; the same lookup as
 * `npm start`, KK_CHROMIUM overrides it; `npm test` stops first if there is none) against the built
 * bridge renderer (`npm run build:renderer:bridge` first) and a real core in a child process.
 * `electron`: the same specs against the real app through Playwright's `_electron`; on machines
 * without an Electron binary every test there is SKIPPED with the reason, never passed.
 * To run it where a binary exists: `npm run build && npx playwright test --project=electron`.
 */
const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'];

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // Playwright empties its output folder on start; keep it apart from test-results/vitest.json and screens/.
  outputDir: 'test-results/playwright-artifacts',
  workers: 1,
  fullyParallel: false,
  // One retry in CI only; a test that passes on retry is reported as flaky by npm test, never hidden.
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1200, height: 860 },
    locale: 'nl-NL',
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    {
      name: 'bridge',
      use: { browserName: 'chromium', launchOptions: { executablePath: findChromium() ?? undefined, args: chromiumArgs } },
    },
    {
      name: 'electron',
      // Only the app flows; the bridge's security spec and the preview launcher have no meaning inside Electron.
      testIgnore: ['**/bridge.spec.ts', '**/launcher.spec.ts'],
      metadata: { host: 'electron' },
    },
  ],
});
