// The replica's UI words in the languages it can be served in (`?lang=es|de|ja|en`, kept in a
// cookie like ?variant): X's own strings as public sources record them, never made up.
// - home, whatsHappening, quote: Control Panel for Twitter, insin/control-panel-for-twitter,
//   script.js `locales` (HOME, WHATS_HAPPENING, QUOTE), commit 0962235a224cd772184d70914d87112f4b4a414e.
// - ad: the promoted post's header label, as src/sites/x/ui-strings.ts records it (English "Ad").
// Everything else ("Replying to", "<name> reposted", "Pinned", tabs, buttons) has no recorded
// translation and stays English in every language; Doorman reads those lines from markup alone
// outside English (src/sites/x/post-dom.ts), so the words cannot be what decides.

const STRINGS = {
  en: { home: 'Home', whatsHappening: "What's happening?", quote: 'Quote', ad: 'Ad' },
  es: { home: 'Inicio', whatsHappening: '¿Qué está pasando?', quote: 'Cita', ad: 'Promocionado' },
  de: { home: 'Startseite', whatsHappening: 'Was gibt’s Neues?', quote: 'Zitat', ad: 'Gesponsert' },
  ja: { home: 'ホーム', whatsHappening: 'いまどうしてる？', quote: '引用', ad: 'プロモーション' },
};

export const LANG = STRINGS[document.documentElement.lang] ? document.documentElement.lang : 'en';

/** The page language's word for `key`. */
export const ui = (key) => STRINGS[LANG][key];
