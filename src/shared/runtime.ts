// Typed sending over webextension-polyfill: the message type picks the response type.
import browser from 'webextension-polyfill';
import type { Message, MessageType, ResponseMap } from './messages';

export async function send<T extends MessageType>(message: Extract<Message, { type: T }>): Promise<ResponseMap[T]> {
  return (await browser.runtime.sendMessage(message)) as ResponseMap[T];
}

export async function sendToTab<T extends MessageType>(tabId: number, message: Extract<Message, { type: T }>): Promise<ResponseMap[T]> {
  return (await browser.tabs.sendMessage(tabId, message)) as ResponseMap[T];
}

export { extensionAlive } from './alive';
