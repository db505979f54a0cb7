// Typed sending over webextension-polyfill: the message type picks the response type.
import browser from 'webextension-polyfill';
import type { Message, MessageType, ResponseMap } from './messages';

export async function send<T extends MessageType>(message: Extract<Message, { type: T }>): Promise<ResponseMap[T]> {
  return (await browser.runtime.sendMessage(message)) as ResponseMap[T];
}

export async function sendToTab<T extends MessageType>(tabId: number, message: Extract<Message, { type: T }>): Promise<ResponseMap[T]> {
  return (await browser.tabs.sendMessage(tabId, message)) as ResponseMap[T];
}

/**
 * Whether the extension that runs this script is still there. After an update, reload, disable or
 * uninstall Chromium leaves old content scripts running, orphaned: `chrome.runtime.id` reads
 * undefined from then on (and every API call throws). Read from the raw global, not the polyfill's
 * wrapper, so nothing cached can answer for it.
 */
export function extensionAlive(): boolean {
  try {
    const raw = (globalThis as { chrome?: { runtime?: { id?: unknown } } }).chrome ?? browser;
    return typeof raw.runtime?.id === 'string' && raw.runtime.id !== '';
  } catch {
    return false;
  }
}
