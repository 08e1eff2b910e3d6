// Layer rules: each folder may import only what its runtime has (see ARCHITECTURE.md).
import tseslint from 'typescript-eslint';

const node = { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'net'], message: 'Bad layering: Node built-ins are not available here.' };
const electron = { group: ['electron', 'electron/*'], message: 'Bad layering: electron may only be imported in electron/main and electron/preload.' };
const sqlite = { group: ['better-sqlite3-multiple-ciphers'], message: 'Bad layering: only the core opens the database.' };
const react = { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'zustand/*'], message: 'Bad layering: React belongs to the renderer.' };
const core = { group: ['**/electron/core/**', '../core/**', '**/core/*'], message: 'Bad layering: only the core imports the core.' };
const renderer = { group: ['**/renderer/**'], message: 'Bad layering: nothing imports the renderer.' };
const devbridge = { group: ['**/devbridge/**', '**/platform/bridgeApi*'], message: 'Bad layering: the test bridge is never part of a production bundle.' };
// electron/main is the Electron shell; what runs without Electron lives in electron/gateway, so
// the gateway and the test bridge (plain Node) never reach into main.
const main = { group: ['**/electron/main', '**/electron/main/**', '../main', '../main/**'], message: 'Bad layering: electron/main needs Electron; plain Node code imports electron/gateway instead.' };

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }], ...noDynamicLoads });

// no-restricted-imports sees only static imports: a dynamic import() or a require() would slip
// past the layer rules, so the layered folders allow neither (a relative import() for code
// splitting stays possible: its target is checked by the static rules where it is written).
const noDynamicLoads = {
  'no-restricted-syntax': [
    'error',
    { selector: "ImportExpression:not([source.type='Literal'][source.value=/^\\.{1,2}\\//])", message: 'Bad layering: a dynamic import() may only load a relative module, so the layer rules can check it.' },
    { selector: "CallExpression[callee.name='require']", message: 'Bad layering: require() bypasses the layer rules; use a static import.' },
  ],
};

export default tseslint.config(
  { ignores: ['.tmp-*/**', 'node_modules/**', 'dist/**', 'release/**', '.tsbuild/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { '@typescript-eslint/no-explicit-any': 'error', '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }] },
  },
  { files: ['shared/**/*.ts'], rules: restrict(node, electron, sqlite, react, core, renderer, devbridge) },
  { files: ['electron/core/**/*.ts'], rules: restrict(electron, react, renderer) },
  { files: ['electron/gateway/**/*.ts'], rules: restrict(electron, sqlite, react, renderer, devbridge, core, main) },
  { files: ['electron/main/**/*.ts'], rules: restrict(sqlite, react, renderer, devbridge, core) },
  { files: ['electron/preload/**/*.ts'], rules: restrict(node, sqlite, react, renderer, devbridge, core) },
  { files: ['renderer/**/*.ts', 'renderer/**/*.tsx'], rules: restrict(node, electron, sqlite, core) },
  { files: ['electron/devbridge/**/*.ts'], rules: restrict(electron, react, renderer, main) },
  { files: ['electron/launcher/**/*.ts'], rules: restrict(electron, react, renderer) },
);
