// What the pages need from the browser, behind an interface so unit tests can stand in for it.
// The real implementation lives in browser-platform.ts (it imports webextension-polyfill, which
// throws outside an extension).
import type { Problem } from '../core/problem';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DoormanDB } from '../db';
import type { StorageFault, TabHealth } from '../shared/messages';

export interface ActiveTab {
  id: number;
  /** Only known for tabs on sites Doorman has host permission for (and the extension's own pages). */
  url: string | undefined;
}

/** What the pages need of a fetch response (a real Response has it all). */
export interface PlatformResponse {
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

export interface Platform {
  /** The tab the popup is about: the active tab of the current window (or ?tab=<id> when opened as a page). */
  activeTab(): Promise<ActiveTab | null>;
  tabHealth(tabId: number): Promise<TabHealth | null>;
  /** Writes the background could not make and that have not succeeded since (for the popup's alert). */
  storageFaults(): Promise<StorageFault[]>;
  /** Asks the tab's content script to show one collapsed or hidden item; false when it could not. */
  revealItem(tabId: number, itemId: string): Promise<boolean>;
  /** Opens (or focuses) the options page, at a section when given. */
  openOptions(section?: string): Promise<void>;
  /** Tells the background the database changed, so open tabs get the new snapshot. */
  notifyChanged(): Promise<void>;
  /**
   * Asks for one of the manifest's optional host permissions (a match pattern such as
   * `https://<host>/*`); true when held. Call it first thing in a click handler: browsers
   * grant the prompt only during the user's gesture.
   */
  requestHostPermission(pattern: string): Promise<boolean>;
  /** fetch from the page, for the follow imports (a host the extension holds permission for). */
  fetch(url: string, init: { signal: AbortSignal; headers: Record<string, string> }): Promise<PlatformResponse>;
  /** Mastodon servers added at run time; absent where the browser cannot register scripts. */
  servers?: ServerControl;
}

/** Refused: the user denied the browser's prompt, or the background said why (a problem, worded by the page). */
export type AddServerResult =
  | { ok: true; hosts: string[] }
  | { ok: false; hosts: string[]; denied: true }
  | { ok: false; hosts: string[]; problem: Problem };

export interface ServerControl {
  list(): Promise<string[]>;
  /**
   * Asks for the one host permission (call it straight from the user's click: the browser shows its
   * prompt only from a user gesture), then has the background register Doorman there.
   */
  add(host: string): Promise<AddServerResult>;
  /** Unregisters Doorman there and gives the permission back. */
  remove(host: string): Promise<string[]>;
  /**
   * Whether the page in this tab is a Mastodon app by Mastodon's own markers (run in the tab under
   * the activeTab permission the toolbar click grants); false when it may not be looked at.
   */
  probe?(tabId: number): Promise<boolean>;
}

/** localStorage key through which the popup asks the options page for a section. */
export const SECTION_REQUEST_KEY = 'doorman:section';

export interface Env {
  db: DoormanDB;
  platform: Platform;
}

export const EnvContext = createContext<Env | null>(null);

export function useEnv(): Env {
  const env = useContext(EnvContext);
  if (!env) throw new Error('doorman: EnvContext is missing');
  return env;
}
