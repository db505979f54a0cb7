import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.config';
import { standaloneScriptsFor } from './src/sites/manifest-entries';
import { SITES } from './src/sites/registry';

// TARGET=firefox builds dist-firefox/ for `web-ext lint`; the default is Chromium's dist/.
const firefox = process.env.TARGET === 'firefox';
const outDir = firefox ? 'dist-firefox' : 'dist';

/**
 * crxjs lists every `?script` file as web-accessible to all sites. The regex engine is injected by
 * the background (scripting.executeScript), never fetched by a page: keep it private, so no page can
 * probe for it and learn that Doorman is installed.
 */
function keepInjectedScriptsPrivate(): Plugin {
  return {
    name: 'doorman:private-injected-scripts',
    apply: 'build',
    writeBundle() {
      const file = join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { web_accessible_resources?: { resources: string[] }[] };
      const war = (manifest.web_accessible_resources ?? [])
        .map((w) => ({ ...w, resources: w.resources.filter((r) => !r.startsWith('src/content/regex-engine')) }))
        .filter((w) => w.resources.length > 0);
      if (war.length > 0) manifest.web_accessible_resources = war;
      else delete manifest.web_accessible_resources;
      writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest,
      browser: firefox ? 'firefox' : 'chrome',
      // Content entries become classic scripts that run synchronously at document_start (see manifest-entries.ts).
      contentScripts: { standaloneFiles: standaloneScriptsFor(SITES) },
    }),
    keepInjectedScriptsPrivate(),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Minified: the content script is parsed on every page load of every supported site. Source maps
    // sit beside each file for DevTools (nothing fetches them otherwise).
    sourcemap: true,
    minify: true,
    // Pages the manifest does not name: the first-run page (opened by the background on install).
    rollupOptions: { input: { firstrun: 'src/firstrun/index.html' } },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
