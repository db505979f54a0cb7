// Lint keeps the layers apart (STYLE.md): src/core is pure, content scripts and site adapters never
// reach storage or the background, page-world code carries no extension APIs, the UI reaches
// storage through src/db's index only, and no module of src/ takes part in an import cycle
// (lint/no-import-cycle.js).
//
// Paths are checked on resolved files (import-x/no-restricted-paths with the TypeScript resolver), so
// `../db`, `../../db/log.ts` and `./x/../../db` are all the same file to the rule. Packages are
// checked by specifier (no-restricted-imports) because a resolved path under node_modules depends on
// how node_modules was installed. tests/unit/lint/layers.test.ts proves the rules fire.
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import noImportCycle from './lint/no-import-cycle.js';

const DOM_GLOBALS = ['window', 'document', 'navigator', 'location', 'chrome', 'browser', 'indexedDB', 'localStorage',
  'sessionStorage', 'fetch', 'XMLHttpRequest', 'MutationObserver', 'requestAnimationFrame', 'HTMLElement', 'Element', 'Node']
  .map((name) => ({ name, message: 'src/core is pure: pass data in instead of reaching for browser globals.' }));

const UI = ['src/ui', 'src/popup', 'src/options', 'src/firstrun'];
// Content-script code proper; src/sites is left out of it because extension pages and the background
// may read the site registry (names, match patterns) without pulling in a content script.
const CONTENT = ['src/content', 'src/page-world'];
const PAGE_WORLD = ['src/page-world/**', 'src/sites/*/page-world*.ts', 'src/sites/*/page-reader.ts', 'src/sites/*/page-facts.ts'];

/** A package specifier (not relative) other than the named packages and their subpaths. */
const packagesOtherThan = (...names) => `^(?!\\.{1,2}(/|$)|(${names.join('|')})(/|$))`;

const LAYER_ZONES = [
  {
    target: 'src/core', from: 'src', except: ['./core'],
    message: 'src/core imports nothing outside src/core: pass data in instead.',
  },
  {
    target: ['src/content', 'src/sites'], from: ['src/background', 'src/db', ...UI],
    message: 'Content scripts run in the site origin: storage and the background are reached by message.',
  },
  {
    target: PAGE_WORLD, from: ['src/content', 'src/background', 'src/db', ...UI],
    message: 'Page-world code runs in the site\'s own JS world: keep it tiny and free of extension APIs.',
  },
  {
    target: UI, from: ['src/background', ...CONTENT],
    message: 'Extension pages talk to the background and content scripts by message, never by import.',
  },
  {
    target: UI, from: 'src/db', except: ['./index.ts'],
    message: 'Extension pages reach storage through src/db (its index.ts), not src/db/<file>.',
  },
  {
    // regex-engine.ts is imported as a file name (`?script&iife`) to inject, not as code.
    target: 'src/background', from: [...UI, ...CONTENT], except: ['./regex-engine.ts'],
    message: 'The background imports no UI and no content-script code.',
  },
  {
    target: 'src/db', from: [...UI, ...CONTENT, 'src/background'],
    message: 'src/db is storage only: it imports no UI, content or background code.',
  },
  {
    // Messages and page facts check site ids against the registry where they cross a boundary.
    target: 'src/shared', from: 'src', except: ['./core', './shared', './sites/registry.ts', './sites/known-site-id.ts', './sites/site.ts', './sites/lookup.ts', './sites/x/site.ts'],
    message: 'src/shared holds what every layer may use, so it imports only src/core and the site registry.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-firefox/**', 'node_modules/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, doorman: { rules: { 'no-import-cycle': noImportCycle } } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.json` })],
    },
    rules: {
      // An import that does not resolve would slip past the path zones, so it is an error in itself.
      // Vite's query imports (`?url`, `?script`) and virtual modules have no file to resolve to.
      'import-x/no-unresolved': ['error', { ignore: ['\\?', '^virtual:'] }],
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: LAYER_ZONES }],
      // Not import-x/no-cycle: that one skips type-only imports, and so misses a cycle of `import type`.
      'doorman/no-import-cycle': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
      'no-restricted-imports': ['error', {
        patterns: [{ regex: packagesOtherThan('zod', 're2js'), message: 'src/core is pure: its only packages are zod and re2js.' }],
      }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: packagesOtherThan('zod', 'webextension-polyfill'), message: 'src/shared uses only zod and webextension-polyfill.' }],
      }],
    },
  },
  {
    files: ['src/content/**/*.ts', 'src/sites/**/*.ts'],
    // The one schema of the sites layer, for messages and imports; no content script imports it.
    ignores: ['src/sites/known-site-id.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['dexie', 'dexie/*'], message: 'Content scripts run in the site origin: storage lives in the background.' },
          // Runs at document_start on every page load: each of these cost milliseconds there (tests/unit/content/bundle.test.ts checks the bundle).
          { group: ['webextension-polyfill'], allowTypeImports: true, message: 'Content scripts use src/content/extension-api.ts: the polyfill costs ~5 ms at document_start.' },
          { group: ['zod', 'zod/*', 're2js'], allowTypeImports: true, message: 'Content scripts carry no zod (see src/shared/facts-check.ts) and load re2js only when a rule needs it (regex-loader.ts).' },
        ],
      }],
    },
  },
  {
    // After the content block, so for page-world files this list replaces that one (it includes dexie).
    files: PAGE_WORLD,
    rules: {
      'no-restricted-globals': ['error', ...['chrome', 'browser'].map((name) => ({ name, message: 'Page-world code has no extension APIs.' }))],
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['webextension-polyfill', 'dexie', 'dexie/*', 'zod', 'zod/*', 'preact', 'preact/*'], message: 'Page-world code runs in the site\'s own JS world: keep it tiny and free of extension APIs.' },
          // These pull in zod or the polyfill at run time; their types are free.
          { group: ['**/shared/facts', '**/shared/messages', '**/shared/runtime'], allowTypeImports: true, message: 'Page-world code may take only types from this module (it pulls in zod or the polyfill).' },
          { group: ['**/sites/registry'], message: 'The registry lists every site: page-world code imports its own site\'s plain declaration (site.ts).' },
        ],
      }],
    },
  },
);
