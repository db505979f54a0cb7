// @vitest-environment happy-dom
// The popup's "Enable Doorman on <host>": offered only on an https page of a host Doorman does not run
// on whose page carries Mastodon's markers (the platform's probe), and enabling takes the same path as
// the options page (ServerControl.add: the host permission from the click, then the background).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { EnableServer, candidateHost } from '../../../src/popup/EnableServer';
import type { AddServerResult, ServerControl } from '../../../src/ui/platform';
import { FakePlatform, byText, dropDbs, mount, testEnv, tick, waitFor } from './dom';

class ProbedServers implements ServerControl {
  hosts: string[] = [];
  allow = new Set<string>();
  asked: string[] = [];
  probed: number[] = [];
  constructor(private readonly mastodonTabs: ReadonlySet<number>) {}
  async list() {
    return [...this.hosts];
  }
  async add(host: string): Promise<AddServerResult> {
    this.asked.push(host);
    if (!this.allow.has(host)) return { ok: false, hosts: [...this.hosts], denied: true };
    this.hosts.push(host);
    return { ok: true, hosts: [...this.hosts] };
  }
  async remove(host: string) {
    this.hosts = this.hosts.filter((h) => h !== host);
    return [...this.hosts];
  }
  async probe(tabId: number) {
    this.probed.push(tabId);
    return this.mastodonTabs.has(tabId);
  }
}

afterEach(dropDbs);

function setUp(tab: { id: number; url: string | undefined }, mastodonTabs: number[] = [tab.id]) {
  const platform = new FakePlatform(tab);
  const servers = new ProbedServers(new Set(mastodonTabs));
  platform.servers = servers;
  const mounted = mount(testEnv(platform), <EnableServer tab={tab} />);
  return { servers, ...mounted };
}

describe('which tabs may be offered', () => {
  it('https pages of hosts no built-in site covers, by their host name only', () => {
    expect(candidateHost('https://Social.Example/home')).toBe('social.example');
    expect(candidateHost('https://mastodon.social/home')).toBeNull(); // built in
    expect(candidateHost('https://x.com/home')).toBeNull();
    expect(candidateHost('http://social.example/')).toBeNull();
    expect(candidateHost('https://social.example:8443/')).toBeNull();
    expect(candidateHost('https://localhost/')).toBeNull();
    expect(candidateHost('https://10.0.0.2/')).toBeNull();
    expect(candidateHost('chrome://extensions/')).toBeNull();
    expect(candidateHost(undefined)).toBeNull(); // no activeTab: the address is not known
  });
});

describe('the popup offer', () => {
  it('on a Mastodon page: offers, asks the browser through add, then says it is on', async () => {
    const { servers, container, unmount } = setUp({ id: 7, url: 'https://social.example/home' });
    servers.allow.add('social.example');
    const button = await waitFor(() => byText<HTMLButtonElement>(container, 'button', 'popupServerEnable social.example'));
    expect(servers.probed).toEqual([7]);
    button.click();
    await waitFor(() => container.querySelector('.enable-server [role="status"]'));
    expect(container.querySelector('.enable-server [role="status"]')?.textContent).toBe('popupServerAdded social.example');
    expect(servers.asked).toEqual(['social.example']);
    expect(servers.hosts).toEqual(['social.example']);
    unmount();
  });

  it('a refusal is said in words and the offer stays', async () => {
    const { servers, container, unmount } = setUp({ id: 8, url: 'https://social.example/@someone' });
    const button = await waitFor(() => byText<HTMLButtonElement>(container, 'button', 'popupServerEnable social.example'));
    button.click();
    await waitFor(() => container.querySelector('[role="alert"]'));
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('serverDenied social.example');
    expect(byText(container, 'button', 'popupServerEnable social.example')).not.toBeNull();
    expect(servers.hosts).toEqual([]);
    unmount();
  });

  it('offers nothing on a page without Mastodon markers, on a server already added, or on a built-in site', async () => {
    const plain = setUp({ id: 9, url: 'https://blog.example/post' }, []);
    await waitFor(() => plain.servers.probed.length === 1);
    await tick();
    expect(plain.container.querySelector('[data-testid="enable-server"]')).toBeNull();
    plain.unmount();

    const platform = new FakePlatform({ id: 10, url: 'https://social.example/home' });
    const servers = new ProbedServers(new Set([10]));
    servers.hosts = ['social.example'];
    platform.servers = servers;
    const added = mount(testEnv(platform), <EnableServer tab={{ id: 10, url: 'https://social.example/home' }} />);
    await waitFor(() => servers.probed.length === 1);
    await tick();
    expect(added.container.querySelector('[data-testid="enable-server"]')).toBeNull();
    added.unmount();

    const builtIn = setUp({ id: 11, url: 'https://mastodon.social/home' });
    await tick(50);
    expect(builtIn.servers.probed).toEqual([]); // not even looked at
    expect(builtIn.container.querySelector('[data-testid="enable-server"]')).toBeNull();
    builtIn.unmount();
  });
});
