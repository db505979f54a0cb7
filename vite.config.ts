import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.config';
import { standaloneScriptsFor } from './src/sites/manifest-entries';
import { SITES } from './src/sites/registry';

// TARGET=firefox builds dist-firefox/ for `web-ext lint`; the default is Chromium's dist/.
const firefox = process.env.TARGET === 'firefox';

export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest,
      browser: firefox ? 'firefox' : 'chrome',
      // Content entries become classic scripts that run synchronously at document_start (see manifest-entries.ts).
      contentScripts: { standaloneFiles: standaloneScriptsFor(SITES) },
    }),
  ],
  build: {
    outDir: firefox ? 'dist-firefox' : 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: false,
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
