// The LinkedIn adapter on the real captures (tests/fixtures/linkedin): every update's id, author,
// author type (member or company page) and ad status, from the markup alone and with the facts the
// page's embedded Voyager JSON carries; and what Doorman decides for each under the defaults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify';
import { FeedItem } from '../../../../src/core/model';
import { FactStore } from '../../../../src/content/fact-store';
import { linkedInPageFacts } from '../../../../src/sites/linkedin/page-facts';
import { ruleset } from '../../core/builders';
import { embeddedResponses, envFor, loadPage, parseAll, readCapture } from './helpers';

const T = 60_000;

interface Want {
  id: string;
  handle: string;
  type: 'member' | 'page' | 'platform';
  promoted: boolean;
}

function load(name: string, url: string) {
  const html = readCapture(name);
  return { html, ...loadPage(html, url) };
}

const check = (items: FeedItem[], want: Want[]) => {
  expect(items.map((i) => ({
    id: i.id, handle: i.author.handle, type: i.surfacedBy === 'platform' && i.author.handle === '' ? 'platform' : i.fromPage ? 'page' : 'member', promoted: i.promoted,
  }))).toEqual(want);
  for (const i of items) expect(() => FeedItem.parse(i)).not.toThrow();
};

describe('the home feed capture (linkedin.com/feed)', () => {
  const URL_ = 'https://www.linkedin.com/feed/';
  let page: ReturnType<typeof load>;
  beforeAll(() => {
    page = load('linkedin-feed.html', URL_);
  }, T);
  afterAll(async () => page.win.happyDOM.close());

  const WANT: Want[] = [
    { id: 'urn:li:activity:7315070569723375617', handle: 'luke-harries', type: 'member', promoted: false },
    // A member's post a company paid for: "Promoted by Instantly.ai".
    { id: 'urn:li:activity:7221856278095011840', handle: 'nils-schneider', type: 'member', promoted: true },
    { id: 'urn:li:activity:7315413087770091520', handle: 'hamza-alsamraee', type: 'member', promoted: false },
    // The highlighted comment under Hamza's update.
    { id: 'urn:li:comment:(ugcPost:7315390120734404609,7315413065431162883)', handle: 'andyeung', type: 'member', promoted: false },
  ];

  it('reads the three rendered updates and the comment from the markup alone', () => {
    const env = envFor(URL_);
    expect(env.context).toBe('home');
    const { items, failures, skipped } = parseAll(page.doc, env);
    expect(failures).toEqual([]);
    expect(skipped).toBe(0);
    check(items, WANT);
    const [luke, nils, hamza, andrew] = items;
    // Member ids from the links' miniProfileUrn; the degree and the Follow button say the follow state.
    expect(nils!.author).toMatchObject({ id: 'urn:li:fsd_profile:ACoAAC_IExgBvR3nBC7FQc1mL9UzWTP8GL8wqP0', displayName: 'Nils Schneider', followed: false, orgProfile: false });
    expect(luke).toMatchObject({ kind: 'repost', author: { displayName: 'Luke Harries' } });
    // Shown because a connection commented on it: the network's suggestion.
    expect(hamza).toMatchObject({ kind: 'post', surfacedBy: 'network', linkDomains: ['newform.ai'] });
    expect(andrew).toMatchObject({ kind: 'reply', author: { displayName: 'Andrew Yeung', followed: true }, text: 'leggo' });
  });

  it('reads the same from the embedded Voyager JSON: actors, follow states, the sponsored update', () => {
    const store = new FactStore();
    let viewer: string | undefined;
    for (const r of embeddedResponses(page.html)) {
      const facts = linkedInPageFacts(r.body, { requestPath: r.request.split('?')[0], viewerId: viewer });
      viewer = facts.viewerId ?? viewer;
      store.merge(facts);
    }
    // /voyager/api/me names the signed-in member.
    expect(viewer).toBe('urn:li:fsd_profile:ACoAAAR6oE8B1GpmiVTWEdBctbRrJZwWa0MspYs');
    expect(store.item('urn:li:activity:7221856278095011840')).toEqual({
      id: 'urn:li:activity:7221856278095011840', authorId: 'urn:li:fsd_profile:ACoAAC_IExgBvR3nBC7FQc1mL9UzWTP8GL8wqP0', promoted: true,
    });
    expect(store.item('urn:li:activity:7315413087770091520')).toMatchObject({ authorId: 'urn:li:fsd_profile:ACoAACi9B4YByZLY9Uq0bbQpmBr8kT7kOPW_f4U' });
    expect(store.item('urn:li:activity:7315413087770091520')?.promoted).toBeUndefined();
    expect(store.accountByHandle('hamza-alsamraee')).toMatchObject({ displayName: 'Hamza Alsamraee', followed: false });
    expect(store.accountByHandle('company/instantlyapp')).toMatchObject({ id: 'urn:li:fsd_company:79083508', displayName: 'Instantly.ai', orgProfile: true });
    const comment = store.item('urn:li:comment:(ugcPost:7315390120734404609,7315413065431162883)');
    expect(comment?.authorId).toBe('urn:li:fsd_profile:ACoAABDfn_gBEKaul7X6PmRctLLi80uJPcF9StE');

    const env = envFor(URL_, store);
    const { items } = parseAll(page.doc, env);
    check(items, WANT);
    expect(items[2]!.author).toMatchObject({ id: 'urn:li:fsd_profile:ACoAACi9B4YByZLY9Uq0bbQpmBr8kT7kOPW_f4U', followed: false });
  });

  it('hides the "Promoted by" post, labels the network suggestion, shows the rest (Balanced, defaults)', () => {
    const { items } = parseAll(page.doc, envFor(URL_));
    const rs = ruleset({ settings: { sites: { linkedin: { enabled: true } } } });
    expect(items.map((i) => [i.author.handle, classify(i, rs).reasonCode, classify(i, rs).action])).toEqual([
      ['luke-harries', 'default', 'show'],
      ['nils-schneider', 'ad', 'hide'],
      ['hamza-alsamraee', 'network-suggestion', 'label'],
      ['andyeung', 'followed', 'show'],
    ]);
    const collapsing = ruleset({ settings: { collapseNetworkSuggestions: true } });
    expect(classify(items[2]!, collapsing)).toMatchObject({ class: 'interruption', action: 'collapse', reasonCode: 'network-suggestion' });
  });
});

describe("a company page's posts (Lorikeet)", () => {
  const URL_ = 'https://www.linkedin.com/company/lorikeetcx/posts/';
  let page: ReturnType<typeof load>;
  beforeAll(() => {
    page = load('linkedin-company-feed.html', URL_);
  }, T);
  afterAll(async () => page.win.happyDOM.close());

  it("reads the page's four posts as a company's, and LinkedIn's own hiring promotion as the platform's", () => {
    const env = envFor(URL_);
    expect(env.context).toBe('profile');
    const { items, failures } = parseAll(page.doc, env);
    expect(failures).toEqual([]);
    const lorikeet = (id: string): Want => ({ id: `urn:li:activity:${id}`, handle: 'company/lorikeetcx', type: 'page', promoted: false });
    check(items, [
      lorikeet('7315856071737163778'),
      { id: 'urn:li:inAppPromotion:12591', handle: '', type: 'platform', promoted: false },
      lorikeet('7315132518741995520'),
      lorikeet('7306056490853744642'),
      lorikeet('7305694087402139648'),
    ]);
    expect(items[0]!.author).toMatchObject({ displayName: 'Lorikeet', orgProfile: true });
    expect(items[1]!.text).toContain('Are you hiring?');
  });

  it("shows the company's own posts on its page (only ads are hidden where the user went looking)", () => {
    const { items } = parseAll(page.doc, envFor(URL_));
    const rs = ruleset();
    const lorikeet = items.filter((i) => i.fromPage === true);
    expect(lorikeet.map((i) => classify({ ...i, author: { ...i.author, followed: false } }, rs).reasonCode)).toEqual(['seek', 'seek', 'seek', 'seek']);
  });

  it('collapses the same posts in the home feed when the user does not follow the page', () => {
    const { items } = parseAll(page.doc, envFor(URL_));
    const home = { ...items[0]!, context: 'home' as const, author: { ...items[0]!.author, followed: false as const } };
    expect(classify(home, ruleset())).toMatchObject({
      class: 'interruption', action: 'collapse', reasonCode: 'brand-page', why: { say: 'brandPage', name: 'Lorikeet' },
    });
    expect(classify(home, ruleset({ allowlist: [{ site: 'linkedin', accountId: '', handle: 'company/lorikeetcx' }] }))).toMatchObject({ reasonCode: 'allowlisted' });
  });
});

describe("a person's activity (Steve Hind, a 1st-degree connection)", () => {
  const URL_ = 'https://www.linkedin.com/in/shind/recent-activity/all/';
  let page: ReturnType<typeof load>;
  beforeAll(() => {
    page = load('linkedin-person-feed.html', URL_);
  }, T);
  afterAll(async () => page.win.happyDOM.close());

  it('reads all nine posts as his, followed (1st degree), none an ad', () => {
    const env = envFor(URL_);
    expect(env.context).toBe('profile');
    const { items, failures } = parseAll(page.doc, env);
    expect(failures).toEqual([]);
    check(items, [
      '7315493651864788994', '7315141520053915648', '7314374747197251585', '7312939523322126337', '7312609566544818176',
      '7311169375292534784', '7310061908571660288', '7307506019222372352', '7304974181580902402',
    ].map((id) => ({ id: `urn:li:activity:${id}`, handle: 'shind', type: 'member' as const, promoted: false })));
    for (const i of items) {
      expect(i.author).toMatchObject({ id: 'urn:li:fsd_profile:ACoAAAwO26cBHT80ra8Ky-D5Hoic97B3xxm4xjs', displayName: 'Steve Hind', followed: true });
      expect(classify(i, ruleset()).reasonCode).toBe('followed');
    }
  });
});
