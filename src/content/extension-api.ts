// The extension APIs a content script uses (send a message, take messages, read the snapshot cache,
// the extension's messages in the browser's UI language), straight from the browser's own promise-based API: `browser` in Firefox, `chrome` in
// Chromium (MV3 returns promises). Not webextension-polyfill, which the extension's pages and
// background use: evaluating it costs about 5 ms at document_start on every page load of every
// supported site (bench/startup.browser.bench.ts measured 5.2 ms CPU for the polyfill alone), and
// these calls need none of what it smooths over but one thing, done here: a listener's
// promise becomes the reply (Chromium's onMessage wants sendResponse and `return true`).
import type { Message, MessageType, ResponseMap } from '../shared/messages';

/** A message handler: a promise for a reply, or undefined to leave the message to others. */
export type MessageHandler = (message: unknown) => Promise<unknown> | undefined;

type NativeListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | undefined;

interface NativeApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(l: NativeListener): void; removeListener(l: NativeListener): void };
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  i18n?: { getMessage(key: string, subs?: string[]): string; getUILanguage(): string };
}

/** Looked up on each call, never cached: an orphaned script's API may vanish under it. */
function api(): NativeApi {
  const g = globalThis as { browser?: NativeApi; chrome?: NativeApi };
  const found = g.browser ?? g.chrome;
  if (!found?.runtime) throw new Error('doorman: no extension API here');
  return found;
}

export async function send<T extends MessageType>(message: Extract<Message, { type: T }>): Promise<ResponseMap[T]> {
  return (await api().runtime.sendMessage(message)) as ResponseMap[T];
}

export async function readLocal(key: string): Promise<unknown> {
  return (await api().storage.local.get(key))[key];
}

const wrappers = new WeakMap<MessageHandler, NativeListener>();

export function onMessage(handler: MessageHandler): void {
  const listener: NativeListener = (message, _sender, sendResponse) => {
    const reply = handler(message);
    if (reply === undefined) return undefined;
    // A failed handler answers nothing rather than leave the sender waiting for good.
    reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  wrappers.set(handler, listener);
  api().runtime.onMessage.addListener(listener);
}

export function offMessage(handler: MessageHandler): void {
  const listener = wrappers.get(handler);
  if (listener) api().runtime.onMessage.removeListener(listener);
}

/**
 * The extension's message `key` (public/_locales) in the browser's UI language, with its $1…
 * substitutions; '' when there is none, or no i18n API here (an orphaned script's may be gone).
 */
export function message(key: string, subs?: readonly string[]): string {
  try {
    const g = globalThis as { browser?: NativeApi; chrome?: NativeApi };
    return (g.browser ?? g.chrome)?.i18n?.getMessage(key, subs ? [...subs] : undefined) ?? '';
  } catch {
    return '';
  }
}

/** The browser's UI language ("es", "pt-BR"); 'en' when it cannot say. */
export function uiLanguage(): string {
  try {
    const g = globalThis as { browser?: NativeApi; chrome?: NativeApi };
    return (g.browser ?? g.chrome)?.i18n?.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
