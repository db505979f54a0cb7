// What changed that people can see, by version: after an update to a version listed here the popup
// shows one dismissible line, "What's new in <version>" (src/firstrun/WhatsNew.tsx); versions with
// nothing visible are simply absent, and nothing is ever opened by force. Each note is a message key
// (public/_locales/<lang>/messages.json), so the line is in the UI language.
export const RELEASE_NOTES: Readonly<Record<string, string>> = {
  '0.1.0': 'releaseNote_0_1_0',
};

/** storage.local key holding the version whose note waits to be read ({ version }). */
export const WHATS_NEW_KEY = 'whatsNew';
