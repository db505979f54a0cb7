// @vitest-environment happy-dom
// The Sites section's Mastodon servers list: adding asks the platform (which asks the browser for the
// host permission from the click, then the background), a refusal is said in words, removing takes
// the server off the list.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SitesSection } from '../../../src/options/sections/SitesSection';
import type { AddServerResult, ServerControl } from '../../../src/ui/platform';
import { FakePlatform, byText, dropDbs, mount, testEnv, tick, typeInto, waitFor } from './dom';

class FakeServers implements ServerControl {
  hosts: string[] = [];
  /** Hosts the "user" allows when the browser asks. */
  allow = new Set<string>();
  asked: string[] = [];
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
}

afterEach(dropDbs);

describe('Mastodon servers in the Sites section', () => {
  it('adds a granted server (from a pasted address), says when the browser refused, and removes', async () => {
    const platform = new FakePlatform();
    const servers = new FakeServers();
    servers.allow.add('social.example');
    platform.servers = servers;
    const { container, unmount } = mount(testEnv(platform), <SitesSection />);
    const input = await waitFor(() => container.querySelector<HTMLInputElement>('#server-host'));
    const form = container.querySelector('form.servers__add')!;

    typeInto(input, 'nope.example');
    await tick();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await waitFor(() => container.querySelector('[role="alert"]'));
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('serverDenied');

    typeInto(input, 'https://Social.Example/home');
    await tick();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await waitFor(() => byText(container, '.servers__host', 'social.example'));
    expect(servers.asked).toEqual(['nope.example', 'social.example']);

    byText<HTMLButtonElement>(container, 'button', 'serverRemove')!.click();
    await waitFor(() => byText(container, '.servers__host', 'social.example') === null);
    expect(servers.hosts).toEqual([]);
    unmount();
  });

  it('is not offered where the browser cannot add servers', async () => {
    const { container, unmount } = mount(testEnv(new FakePlatform()), <SitesSection />);
    await waitFor(() => container.querySelector('.sites'));
    expect(container.querySelector('[data-testid="mastodon-servers"]')).toBeNull();
    unmount();
  });
});
