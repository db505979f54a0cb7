// The Mastodon page-world script end to end in a happy-dom window: it reads the app's XHR (axios)
// responses on a Mastodon page only, learns the viewer from initial-state's `meta.me`, and never lets
// the access token beside it into anything it sends.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFactsPayload } from '../../../../src/content/facts-bridge';
import { FACTS_EVENT } from '../../../../src/shared/facts-tag';
import { makeFakeXhrClass } from '../../page-world/fake-xhr';
import { appPage, readCaptureText } from './helpers';

const TOKEN = 'tok-SECRET-abc123';

async function boot(url: string, html: string) {
  const win = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true } });
  win.document.write(html);
  const Xhr = makeFakeXhrClass();
  Object.defineProperty(win, 'XMLHttpRequest', { value: Xhr, writable: true, configurable: true });
  const received: string[] = [];
  win.document.addEventListener(FACTS_EVENT, (e) => received.push(String((e as unknown as CustomEvent<unknown>).detail)));
  vi.stubGlobal('window', win);
  vi.resetModules();
  await import('../../../../src/sites/mastodon/page-world');
  const get = (path: string, body: string) => {
    const xhr = new Xhr();
    xhr.open('GET', new URL(path, url).href);
    xhr.onload = () => win.JSON.parse(xhr.responseText); // as axios does
    xhr.send();
    xhr.respond(200, body);
  };
  return { win, received, get };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Mastodon page-world script', () => {
  it('reads the home timeline by XHR, synchronously, with the viewer from meta.me and never the token', async () => {
    // meta.me names a home-timeline author (the capture's John Lennon), as on the viewer's own server.
    const html = appPage('').replace('"me":"900"', '"me":"117020565966271181"');
    const { win, received, get } = await boot('https://mastodon.social/home', html);
    get('/api/v1/timelines/home', readCaptureText('mastodon-api-home-timeline.json'));
    expect(received).toHaveLength(1);
    const facts = parseFactsPayload(received[0], 'mastodon');
    expect(facts?.items).toHaveLength(13);
    expect(facts?.viewerId).toBe('mastodonpy_test@mastodon.social');
    get('/api/v1/accounts/relationships?id[]=117020565693913441', '[{"id":"117020565693913441","following":true,"followed_by":false}]');
    expect(received).toHaveLength(2);
    expect(parseFactsPayload(received[1], 'mastodon')?.accounts).toEqual([
      { id: 'admin@mastodon.social', handle: 'admin@mastodon.social', followed: true, followsYou: false },
    ]);
    for (const r of received) expect(r).not.toContain(TOKEN);
    await win.happyDOM.close();
  });

  it('does nothing on a page without Mastodon\'s markers, nor for another host\'s API', async () => {
    const plain = await boot('https://social.example/home', '<!DOCTYPE html><html><body><p>a blog</p></body></html>');
    plain.get('/api/v1/timelines/home', readCaptureText('mastodon-api-home-timeline.json'));
    expect(plain.received).toEqual([]);
    await plain.win.happyDOM.close();
    const app = await boot('https://social.example/home', appPage(''));
    app.get('https://elsewhere.example/api/v1/timelines/home', readCaptureText('mastodon-api-home-timeline.json'));
    expect(app.received).toEqual([]);
    app.get('/api/v1/timelines/home', readCaptureText('mastodon-api-home-timeline.json'));
    expect(app.received).toHaveLength(1);
    await app.win.happyDOM.close();
  });

  it('a response that echoes the token (an account named after it, say) cannot carry it out: only addresses and flags cross', async () => {
    const { win, received, get } = await boot('https://mastodon.social/home', appPage(''));
    get('/api/v1/timelines/home', JSON.stringify([{ id: '1', content: TOKEN, account: { id: '2', acct: 'eve', display_name: 'Eve', note: TOKEN, fields: [{ name: TOKEN, value: TOKEN }] } }]));
    expect(received).toHaveLength(1);
    expect(received[0]).not.toContain(TOKEN);
    await win.happyDOM.close();
  });

  it('the page-world code never names the token: it reads only `"me":"<digits>"` from the initial state', () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../src/sites/mastodon');
    for (const file of fs.readdirSync(dir)) {
      const code = fs.readFileSync(path.join(dir, file), 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(code, file).not.toMatch(/access_token|JSON\.parse/);
    }
  });
});
