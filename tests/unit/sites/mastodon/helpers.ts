// Shared test plumbing for the Mastodon adapter: the vendored API captures, happy-dom pages with
// scripts off, and a parse environment as the controller would build it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adapterTools } from '../adapter-harness';
import { mastodonAdapter } from '../../../../src/sites/mastodon/adapter';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/mastodon');

/** A real API capture (tests/fixtures/mastodon/README.md), parsed. */
export const readCapture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
export const readCaptureText = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

export { loadPage, type Parsed } from '../adapter-harness';
export const { envFor, parseAll } = adapterTools(mastodonAdapter);

export interface StatusMarkup {
  id: string;
  acct: string;
  name?: string;
  html?: string;
  classes?: string;
  /** The timeline cell's id when it differs (a boost). */
  cellId?: string;
}

/** One post as status.jsx renders it (wrapper, `.status[data-id]`, display-name link, content). */
export function statusHtml(s: StatusMarkup): string {
  return `<div class="status__wrapper status__wrapper-public focusable" tabindex="0">
  <div class="status status-public ${s.classes ?? ''}" data-id="${s.id}">
    <div class="status__info">
      <a href="/@${s.acct}/${s.id}" class="status__relative-time"><time>1h</time></a>
      <a href="/@${s.acct}" data-id="1" class="status__display-name" data-hover-card-account="1">
        <div class="status__avatar"></div>
        <span class="display-name"><bdi><strong class="display-name__html">${s.name ?? s.acct}</strong></bdi>
        <span class="display-name__account">@${s.acct}</span></span>
      </a>
    </div>
    <div class="status__content"><div class="status__content__text status__content__text--visible translate">${s.html ?? '<p>hello</p>'}</div></div>
  </div>
</div>`;
}

/** A timeline cell (ScrollableList's article) around a post. */
export const cellHtml = (s: StatusMarkup): string => `<article data-id="${s.cellId ?? s.id}" aria-posinset="1">${statusHtml(s)}</article>`;

/** A Mastodon app page: the server-rendered head markers and the app root. */
export function appPage(body: string, token = 'tok-SECRET-abc123'): string {
  const state = JSON.stringify({ meta: { access_token: token, me: '900', domain: 'mastodon.social' }, accounts: { 900: { id: '900', acct: 'me' } } });
  return `<!DOCTYPE html><html><head><meta name="initialPath" content="/home"><script id="initial-state" type="application/json">${state}</script></head>
<body><div id="mastodon"><div class="columns-area">${body}</div></div></body></html>`;
}
