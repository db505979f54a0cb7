// The MV3 manifest. Host permissions cover the supported sites only; no remote code, no other hosts.
// Content scripts and host permissions derive from the site declarations (src/sites/registry.ts).
import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };
import { contentScriptsFor, hostPermissionsFor, optionalHostPermissionsFor } from './src/sites/manifest-entries';
import { SITES } from './src/sites/registry';
import { APPVIEW_PERMISSION } from './src/sites/bluesky/appview';

// Firefox runs MV3 backgrounds as event pages (`scripts`), Chromium as a service worker.
const firefox = process.env.TARGET === 'firefox';

// The sites' optional hosts, and the public Bluesky AppView, asked for only when the user starts a
// Bluesky follow import (options page, sections/FollowImport.tsx).
const optionalHosts = [...optionalHostPermissionsFor(SITES), APPVIEW_PERMISSION];

export default defineManifest({
  manifest_version: 3,
  name: '__MSG_extName__',
  description: '__MSG_extDescription__',
  version: pkg.version,
  default_locale: 'en',
  icons: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
  action: {
    default_popup: 'src/popup/index.html',
    default_title: '__MSG_extName__',
    default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
  },
  options_ui: { page: 'src/options/index.html', open_in_tab: true },
  // Keyboard commands (src/background/commands.ts); the user can change the keys in the browser's
  // shortcut settings (chrome://extensions/shortcuts, Firefox's about:addons → Manage Extension Shortcuts).
  commands: {
    'toggle-site': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandToggleSite__' },
    'reveal-all': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_commandRevealAll__' },
  },
  background: firefox
    ? { scripts: ['src/background/main.ts'], type: 'module' }
    : { service_worker: 'src/background/main.ts', type: 'module' },
  // scripting: pages open during an update get the new content scripts (src/background/reinject.ts).
  // activeTab: after a toolbar click, the popup may read that tab's address and look for Mastodon's
  // markers there, to offer "Enable Doorman on <host>" (src/popup/EnableServer.tsx).
  // contextMenus: "Always allow @author" and the brand answers on a post (src/background/context-menu.ts).
  permissions: ['storage', 'unlimitedStorage', 'scripting', 'activeTab', 'contextMenus'],
  host_permissions: hostPermissionsFor(SITES),
  ...(optionalHosts.length > 0 ? { optional_host_permissions: optionalHosts } : {}),
  content_scripts: contentScriptsFor(SITES),
  // MAIN-world content scripts (the page-world reader) need Chrome 111; older ones would run it in the isolated world.
  ...(firefox ? {} : { minimum_chrome_version: '111' }),
  ...(firefox
    ? { browser_specific_settings: { gecko: { id: 'doorman@doorman.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } } }
    : {}),
});
