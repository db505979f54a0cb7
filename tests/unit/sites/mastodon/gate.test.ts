// Doorman starts on a Mastodon page only: by its markers, as soon as the parser has passed them, and
// never on a page that shows none by DOMContentLoaded (a host the user added that is not a Mastodon app).
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { whenMastodonPage } from '../../../../src/sites/mastodon/gate';
import { viewerServerId } from '../../../../src/sites/mastodon/markers';
import { appPage } from './helpers';

const page = (html: string) => {
  const win = new Window({ url: 'https://social.example/home', settings: { disableJavaScriptEvaluation: true } });
  win.document.write(html);
  return win.document as unknown as Document;
};

describe('the Mastodon marker gate', () => {
  it('starts at once on a page whose markers are in', () => {
    let started = 0;
    whenMastodonPage(page(appPage('')), () => started++);
    expect(started).toBe(1);
  });

  it('never starts on a page without them', () => {
    let started = 0;
    whenMastodonPage(page('<!DOCTYPE html><html><head><title>blog</title></head><body><div class="status" data-id="1"></div></body></html>'), () => started++);
    expect(started).toBe(0);
  });

  it('reads only the viewer\'s numeric id from the initial state', () => {
    expect(viewerServerId(page(appPage('')))).toBe('900');
    expect(viewerServerId(page('<script id="initial-state" type="application/json">{"meta":{"me":"tok"}}</script>'))).toBeUndefined();
  });
});
