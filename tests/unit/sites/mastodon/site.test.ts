// A site with fixed hosts *and* user-added servers (Mastodon): static scripts on the fixed hosts, an
// optional host permission for the rest; a site with only fixed hosts asks for none.
import { describe, expect, it } from 'vitest';
import { contentScriptsFor, hostPermissionsFor, optionalHostPermissionsFor } from '../../../../src/sites/manifest-entries';
import { addressOf } from '../../../../src/sites/mastodon/identity';
import { mastodon } from '../../../../src/sites/mastodon/site';
import { defineSite, siteProblems } from '../../../../src/sites/site';
import { x } from '../../../../src/sites/x/site';

const both = defineSite({ id: 'fedi', name: 'Fedi', hosts: ['fedi.example'], userAdded: true, content: 'src/sites/fedi/content.ts' });

describe('static hosts plus user-added servers', () => {
  it('gets static content scripts on its fixed hosts and an optional permission for any other', () => {
    expect(siteProblems([x, both])).toEqual([]);
    expect(contentScriptsFor([both])).toEqual([{ matches: ['https://fedi.example/*'], js: ['src/sites/fedi/content.ts'], run_at: 'document_start' }]);
    expect(hostPermissionsFor([both])).toEqual(['https://fedi.example/*']);
    expect(optionalHostPermissionsFor([both])).toEqual(['https://*/*']);
    expect(optionalHostPermissionsFor([x])).toEqual([]);
  });

  it('Mastodon: the reader runs in MAIN before the content script, on each of its five servers', () => {
    const scripts = contentScriptsFor([mastodon]);
    expect(scripts.map((s) => s.world)).toEqual(['MAIN', undefined]);
    expect(scripts[0]?.matches).toEqual(mastodon.hosts.map((h) => `https://${h}/*`));
  });
});

describe('account addresses', () => {
  it('adds the local server to a bare acct and lower-cases, so one account has one key on every server', () => {
    expect(addressOf('Alice', 'mastodon.social')).toBe('alice@mastodon.social');
    expect(addressOf('alice@mastodon.social', 'mas.to')).toBe('alice@mastodon.social');
    expect(addressOf('@Alice@Mastodon.Social', 'mas.to')).toBe('alice@mastodon.social');
  });

  it('refuses what no account could be', () => {
    for (const bad of ['', 'a b', 'alice@', 'alice@localhost:3000', `${'a'.repeat(300)}`, 42, null]) {
      expect(addressOf(bad, 'mas.to'), String(bad)).toBeNull();
    }
  });
});
