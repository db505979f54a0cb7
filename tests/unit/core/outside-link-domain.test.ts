// The domain a post's link points at, as the sites' readers count it: http(s) only, the site's own
// hosts left out, a plain DNS name normalised, anything else none.
import { describe, expect, it } from 'vitest';
import { outsideLinkDomain } from '../../../src/core/domain';

const base = new URL('https://bsky.app/profile/alice.test');
const own = new Set(['bsky.app', 'go.bsky.app']);

describe('outsideLinkDomain', () => {
  it('names an outside link by its normalised domain', () => {
    expect(outsideLinkDomain('https://WWW.Shop.Example./sale?utm_source=x', base, own)).toBe('shop.example');
    expect(outsideLinkDomain('http://bit.ly/abc', base, own)).toBe('bit.ly');
  });

  it("leaves out the site's own hosts, relative links, other schemes and what is no DNS name", () => {
    expect(outsideLinkDomain('https://go.bsky.app/x', base, own)).toBeNull();
    expect(outsideLinkDomain('/profile/bob', base, own)).toBeNull();
    expect(outsideLinkDomain('javascript:alert(1)', base, own)).toBeNull();
    expect(outsideLinkDomain('mailto:a@b.example', base, own)).toBeNull();
    expect(outsideLinkDomain('https://[::1]/', base, own)).toBeNull();
    expect(outsideLinkDomain('https://localhost/', base, own)).toBeNull();
    expect(outsideLinkDomain('http://%zz', base, own)).toBeNull();
  });
});
