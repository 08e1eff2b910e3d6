import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Runs in Node at build time, but stays free of node:* imports (the renderer folder's layer rule).
const root = import.meta.dirname;

/**
 * In `--mode bridge` the page loads `bridgeMain.ts` (which installs the loopback bridge API)
 * instead of `main.tsx`. The production build never sees the bridge code.
 */
function bridgeEntry(): Plugin {
  return {
    name: 'ketenkluis-bridge-entry',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('src="./main.tsx"', 'src="./bridgeMain.ts"'),
    },
  };
}

export default defineConfig(({ mode }) => {
  const bridge = mode === 'bridge';
  return {
    root,
    base: './',
    plugins: [react(), ...(bridge ? [bridgeEntry()] : [])],
    build: {
      // Relative to `root` (renderer/): the app loads dist/renderer; tests load dist/renderer-bridge.
      outDir: bridge ? '../dist/renderer-bridge' : '../dist/renderer',
      emptyOutDir: true,
      // The polyfill is inline script; CSP `script-src 'self'` forbids it (Chromium needs no polyfill).
      modulePreload: { polyfill: false },
      // Never inline assets as data: URLs for scripts/styles; keep every asset a file under 'self'.
      assetsInlineLimit: 0,
      cssCodeSplit: false,
      sourcemap: bridge,
      target: 'chrome130',
      reportCompressedSize: false,
      // One desktop bundle loaded from disk; zod and React dominate its size.
      chunkSizeWarningLimit: 1500,
    },
    // Fonts and icons come from node_modules, never from the network.
    server: { host: '127.0.0.1' },
  };
});
