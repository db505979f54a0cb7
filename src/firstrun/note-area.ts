// Where the popup's "What's new" note waits: the extension's storage.local (the background writes it on update).
import browser from 'webextension-polyfill';
import type { NoteArea } from './WhatsNew';

export const noteArea: NoteArea = browser.storage.local;
