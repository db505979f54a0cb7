// What changed that people can see, by version: after an update to a version listed here the popup
// shows one dismissible line, "What's new in <version>" (src/firstrun/WhatsNew.tsx); versions with
// nothing visible are simply absent, and nothing is ever opened by force.
export const RELEASE_NOTES: Readonly<Record<string, string>> = {
  '0.1.0': 'Right-click a post to always allow its author or say whether it is a brand; the note over a folded post now reads well on every theme, and names what its Show button shows.',
};

/** storage.local key holding the version whose note waits to be read ({ version }). */
export const WHATS_NEW_KEY = 'whatsNew';
