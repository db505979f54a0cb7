// Lint keeps the layers apart: src/core is pure (no DOM, no browser APIs, no Dexie), content scripts
// never import the background, and page-world code imports nothing that touches extension APIs.
import tseslint from 'typescript-eslint';

const DOM_GLOBALS = ['window', 'document', 'navigator', 'location', 'chrome', 'browser', 'indexedDB', 'localStorage',
  'sessionStorage', 'fetch', 'XMLHttpRequest', 'MutationObserver', 'requestAnimationFrame', 'HTMLElement', 'Element', 'Node']
  .map((name) => ({ name, message: 'src/core is pure: pass data in instead of reaching for browser globals.' }));

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
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['dexie', 'webextension-polyfill', 'preact', 'preact/*'], message: 'src/core is pure.' },
          { group: ['**/background/**', '**/content/**', '**/popup/**', '**/options/**', '**/sites/**', '**/shared/**'], message: 'src/core imports nothing outside src/core.' },
        ],
      }],
    },
  },
  {
    files: ['src/content/**/*.ts', 'src/sites/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/background/**', 'dexie'], message: 'Content scripts run in the site origin: storage lives in the background.' }],
      }],
    },
  },
  {
    // The shared page-world machinery and each site's reader and its JSON → facts code.
    files: ['src/page-world/**/*.ts', 'src/sites/*/page-world*.ts', 'src/sites/*/page-reader.ts', 'src/sites/*/page-facts.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['webextension-polyfill', '**/background/**', '**/content/**', 'dexie', 'zod'], message: 'Page-world code runs in the site\'s own JS world: keep it tiny and free of extension APIs.' },
          { group: ['**/sites/registry'], message: 'The registry carries zod: page-world code imports its own site\'s plain declaration (site.ts).' },
        ],
      }],
    },
  },
);
