// The Bluesky adapter on its real captures with the app's English labels ("Reposted by …", "Post by
// …") replaced by words no table holds: reposts (by the line's repost arrows) and quotes (by the quoted
// author's avatar) are read from markup alone, so every post is decided as in English.
import { afterEach, describe, expect, it } from 'vitest';
import { envFor, loadPage, parseAll, readCapture } from './helpers';

const pages: Array<ReturnType<typeof loadPage>> = [];
afterEach(async () => {
  for (const p of pages.splice(0)) await p.win.happyDOM.close();
});

const decided = (html: string, url: string) => {
  const page = loadPage(html, url);
  pages.push(page);
  const { items, failures } = parseAll(page.doc, envFor(url));
  return { rows: items.map((i) => [i.id, i.kind]), failures };
};

/** The capture with its English UI labels swapped for tokens, as if shown in a language no table has. */
const unlabelled = (html: string) => html
  .replace(/<html([^>]*) lang="en"/, '<html$1 lang="xx"')
  .replaceAll('aria-label="Reposted by ', 'aria-label="⟦w1⟧ ')
  .replaceAll('>Reposted by <', '>⟦w1⟧ <')
  .replaceAll('aria-label="Post by ', 'aria-label="⟦w2⟧ ');

describe.each([
  ['bsky-profile.html', 'https://bsky.app/profile/kpitzen.io'],
  ['bsky-discover-feed.html', 'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/feed/whats-hot'],
])('%s without its English labels', (file, url) => {
  it('decides every post as with them', () => {
    const html = readCapture(file);
    const swapped = unlabelled(html);
    expect(swapped).not.toContain('Reposted by ');
    expect(swapped).not.toContain('aria-label="Post by ');
    const en = decided(html, url);
    const other = decided(swapped, url);
    expect(other.failures).toEqual(en.failures);
    expect(other.rows).toEqual(en.rows);
    // The captures hold what is at stake: reposts on the profile, quotes in the feed.
    const kinds = new Set(en.rows.map(([, kind]) => kind));
    expect(kinds.has(file === 'bsky-profile.html' ? 'repost' : 'quote')).toBe(true);
  }, 30_000);
});
