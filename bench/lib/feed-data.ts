// Synthetic but realistic classification workload: a user's rules, follow graph and allowlist, and a
// feed of items mixing people you follow, strangers, brands and ads across sites, contexts and kinds.
// Deterministic (seeded) so figures are comparable run to run.
import type { FeedItem, ItemKind, PageContext, SiteKey, VerifiedKind } from '../../src/core/model';
import type { AllowEntry, FollowEntry } from '../../src/core/lists';
import type { Condition, RuleInput } from '../../src/core/rules';
import { rng } from './measure';

export interface Workload {
  rules: RuleInput[];
  follows: FollowEntry[];
  allowlist: AllowEntry[];
  items: FeedItem[];
}

const SITES: SiteKey[] = ['x', 'x', 'x', 'bsky', 'bsky', 'mastodon'];
const WORDS = ('the a to and of in is it you that for on with this was just my so but not be are what have ' +
  'like about when your all at out they we can one more up if now today think really people time good new ' +
  'know thread post reply yes no thanks great love agree point read article data paper build code design ' +
  'coffee morning weekend music game team city train rain bike book film photo garden dinner weather ' +
  'release update bug fix feature launch version test deploy server open source community').split(' ');
const PROMO_TAILS = [
  'DM us and we will sort it out!', 'Use code SPRING20 for 20% off.', 'Check out our new range: https://acme.example/p?utm_source=x',
  "We'd love to help, reach out to us.", 'Link in bio 🔗', 'Free shipping this week only, limited time.',
  'Sign up at bit.ly/3abcDE', 'Visit our store for the giveaway!',
];
// A few percent of strangers' posts are the spam the user's rules are written for.
const SPAM_TAILS = ['Join our Telegram for the airdrop 🚀', 'follow back?', 'Passive income with my forex signals group.',
  'DM me for the NFT drop', 'free followers here', '1000x gains soon, moon soon'];
const BRAND_NAMES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Cyberdyne', 'Soylent'];
const BRAND_SUFFIX = ['', 'official', 'hq', 'support', 'shop', 'app', 'deals', 'care'];
const DOMAINS = ['example.com', 'news.example.org', 'github.com', 'youtube.com', 'medium.com', 'substack.com', 'nytimes.com',
  'shop.acme.example', 'bsky.app', 'wikipedia.org', 'arxiv.org', 'blog.dev'];

export function buildWorkload(opts: { items: number; follows: number; allowlist: number; rules?: number; seed?: number }): Workload {
  const r = rng(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number): boolean => r() < p;
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const name = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + int(0, 25))).join('');

  const handleFor = (site: SiteKey, base: string): string =>
    site === 'bsky' ? `${base}.bsky.social` : site === 'mastodon' ? `${base}@mastodon.social` : base;

  const follows: FollowEntry[] = [];
  for (let i = 0; i < opts.follows; i++) {
    const site = pick(SITES);
    follows.push({ site, accountId: `f${i}`, handle: handleFor(site, `${name(int(4, 9))}${i}`), learnedAt: 0, source: 'page' });
  }
  const allowlist: AllowEntry[] = [];
  for (let i = 0; i < opts.allowlist; i++) {
    const site = pick(SITES);
    const brand = `${pick(BRAND_NAMES).toLowerCase()}${pick(BRAND_SUFFIX)}${i}`;
    allowlist.push({ site, accountId: `al${i}`, handle: handleFor(site, brand), displayName: brand, addedAt: 0 });
  }

  const sentence = (): string => {
    const n = int(6, 14);
    const w: string[] = [];
    for (let i = 0; i < n; i++) w.push(pick(WORDS));
    const s = w.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + pick(['.', '.', '!', '?', '…']);
  };
  const text = (promo: boolean, spam = false): string => {
    const target = int(100, 280);
    let t = sentence();
    while (t.length < target - 40) t += ` ${sentence()}`;
    if (chance(0.05)) t += ' 🎉🔥';
    if (promo) t += ` ${pick(PROMO_TAILS)}`;
    if (spam) t += ` ${pick(SPAM_TAILS)}`;
    return t.slice(-280);
  };

  const KINDS: [ItemKind, number][] = [['post', 35], ['reply', 30], ['mention', 15], ['quote', 8], ['repost', 7], ['ad', 3], ['notification', 2]];
  const CONTEXTS: [PageContext, number][] = [['home', 40], ['notifications', 30], ['thread', 15], ['search', 5], ['profile', 5], ['list', 3], ['other', 2]];
  const weighted = <T>(xs: [T, number][]): T => {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let x = r() * total;
    for (const [v, w] of xs) if ((x -= w) < 0) return v;
    return xs[0]![0];
  };

  const items: FeedItem[] = [];
  for (let i = 0; i < opts.items; i++) {
    const roll = r();
    let site = pick(SITES);
    let id = `u${int(0, 50_000)}`;
    let handle = handleFor(site, `${name(int(3, 10))}${int(0, 999)}`);
    let displayName = `${name(int(3, 8))} ${name(int(3, 9))}`;
    let followed: boolean | 'unknown' = chance(0.8) ? false : 'unknown';
    let verified: VerifiedKind = chance(0.1) ? 'paid' : 'none';
    let orgProfile = false;
    let promo = chance(0.03);
    const kind = weighted(KINDS);
    if (roll < 0.35) {
      // Someone you follow; the page says so, or leaves it to the learned graph.
      const f = follows[int(0, follows.length - 1)]!;
      site = f.site; id = f.accountId; handle = f.handle;
      followed = chance(0.7) ? true : 'unknown';
    } else if (roll < 0.4) {
      const a = allowlist[int(0, allowlist.length - 1)]!;
      site = a.site; id = a.accountId; handle = a.handle; displayName = a.displayName;
      verified = 'organization'; orgProfile = true; promo = chance(0.4);
    } else if (roll < 0.55) {
      // Brands you don't follow.
      const b = `${pick(BRAND_NAMES)}${pick(BRAND_SUFFIX)}`;
      handle = handleFor(site, b.toLowerCase());
      displayName = chance(0.5) ? `${b} Official` : b;
      verified = pick<VerifiedKind>(['organization', 'organization', 'affiliate', 'paid', 'none', 'government']);
      orgProfile = chance(0.5);
      promo = chance(0.5);
    }
    if (kind === 'ad') promo = true;
    if (chance(0.04)) id = ''; // page did not reveal the id
    const linkDomains = chance(0.25) ? [pick(DOMAINS), ...(chance(0.2) ? [pick(DOMAINS)] : [])] : [];
    items.push({
      site,
      id: `${site}-${i}`,
      permalink: `https://example.invalid/${handle}/${i}`,
      kind,
      context: weighted(CONTEXTS),
      author: {
        id, handle, displayName, followed,
        followsYou: chance(0.2) ? true : chance(0.5) ? false : 'unknown',
        verified, bot: chance(0.02), accountAgeDays: chance(0.3) ? null : int(0, 5000), orgProfile,
      },
      text: text(promo, roll >= 0.4 && chance(0.04)),
      linkDomains,
      inOwnThread: kind === 'reply' && chance(0.3),
      promoted: kind === 'ad' || chance(0.005),
    });
  }

  // Strings as a page or a message hands them over: flat, not the concatenation trees built above.
  const flat = JSON.parse(JSON.stringify(items)) as FeedItem[];
  return { rules: ruleSet(opts.rules ?? 100, r, name, int, pick, flat), follows, allowlist, items: flat };
}

/**
 * `count` rules in the same mix as buildRules's 100: fewer are an even sample of it (every k-th),
 * more are fresh batches of the mix (new words, handles and domains), renumbered.
 */
function ruleSet(count: number, ...args: Parameters<typeof buildRules>): RuleInput[] {
  if (count <= 100) {
    const all = buildRules(...args);
    const step = 100 / count;
    return Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]!);
  }
  const out: RuleInput[] = [];
  while (out.length < count) out.push(...buildRules(...args));
  return out.slice(0, count).map((r, i) => ({ ...r, id: `r${i}`, name: `Rule ${i}` }));
}

/** 100 rules in a realistic mix; most never match, so every item walks most of the list. */
function buildRules(
  r: () => number,
  name: (n: number) => string,
  int: (lo: number, hi: number) => number,
  pick: <T>(xs: readonly T[]) => T,
  items: FeedItem[],
): RuleInput[] {
  const rules: RuleInput[] = [];
  const hide = { class: 'interruption', action: 'hide' } as const;
  const collapse = { class: 'interruption', action: 'collapse' } as const;
  const show = { class: 'interaction', action: 'show' } as const;
  const add = (when: Condition, then: RuleInput['then'] = hide, sites: SiteKey[] = []) =>
    rules.push({ id: `r${rules.length}`, name: `Rule ${rules.length}`, enabled: true, sites, when, then });
  const handles = (n: number, realOnes: number) => {
    const hs = Array.from({ length: n }, () => `${name(int(5, 12))}${int(0, 99)}`);
    for (let i = 0; i < realOnes; i++) hs.push(items[int(0, items.length - 1)]!.author.handle);
    return hs;
  };
  const rareWords = ['airdrop', 'whitelist spot', 'onlyfans', 'follow back', 'crypto', 'nft drop', 'dm me', 'cashapp',
    'forex', 'passive income', 'signals group', 'sugar daddy', 'telegram', 'giveaway winner', 'claim your', 'metaverse',
    'binary options', 'get rich', 'hot singles', 'free followers', 'web3', 'token launch', 'moon soon', 'pump'];

  // 15 handle blocklists, a couple of which catch real authors.
  for (let i = 0; i < 15; i++) add({ type: 'handle', handles: handles(int(10, 300), i < 2 ? 1 : 0) }, i % 3 ? hide : collapse);
  // 4 "always show" lists.
  for (let i = 0; i < 4; i++) add({ type: 'handle', handles: handles(int(5, 50), 0) }, show);
  // 26 text rules: contains and whole-word, some case-sensitive.
  for (let i = 0; i < 26; i++) {
    add({ type: 'text', mode: i % 2 ? 'word' : 'contains', pattern: rareWords[i % rareWords.length]!, caseSensitive: i % 7 === 0 }, i % 2 ? collapse : hide);
  }
  // 5 regexes.
  for (const pattern of ['\\b(?:airdrop|whitelist)\\b', 'free\\s+\\w+\\s+tokens', '^gm\\b', 'https?://t\\.me/\\w+', '\\d{3,}x gains']) {
    add({ type: 'text', mode: 'regex', pattern, caseSensitive: false });
  }
  // 8 link-domain rules.
  for (let i = 0; i < 8; i++) {
    add({ type: 'linkDomain', domains: Array.from({ length: int(3, 40) }, () => `${name(int(4, 10))}.${pick(['com', 'net', 'io', 'xyz'])}`) });
  }
  // 12 verified/kind/context/flag combinations that rarely all hold.
  for (let i = 0; i < 12; i++) {
    add({
      type: 'all',
      of: [
        { type: 'verified', kinds: [pick(['government', 'affiliate', 'platform', 'domain'] as const)] },
        { type: 'kind', kinds: [pick(['mention', 'quote'] as const)] },
        { type: 'context', contexts: [pick(['thread', 'list', 'other'] as const)] },
        { type: 'bot' },
      ],
    }, collapse, i % 4 === 0 ? ['mastodon'] : []);
  }
  // 6 account-age / follows-you rules.
  for (let i = 0; i < 6; i++) {
    add({ type: 'all', of: [{ type: 'accountAge', lessThanDays: int(1, 7) }, { type: 'followsYou', value: false }, { type: 'kind', kinds: ['mention'] }, { type: 'bot' }] });
  }
  // 16 nested trees mixing everything above, including brand scores.
  for (let i = 0; i < 16; i++) {
    add({
      type: 'all',
      of: [
        { type: 'not', of: { type: 'followed', value: true } },
        { type: 'not', of: { type: 'allowlisted' } },
        {
          type: 'any',
          of: [
            { type: 'text', mode: 'word', pattern: rareWords[(i * 5) % rareWords.length]!, caseSensitive: false },
            { type: 'all', of: [{ type: 'brand', atLeast: 7 }, { type: 'kind', kinds: ['mention'] }, { type: 'inOwnThread' }] },
            { type: 'linkDomain', domains: [`${name(6)}.com`, `${name(7)}.io`] },
            { type: 'not', of: { type: 'any', of: [{ type: 'verified', kinds: ['none', 'paid', 'organization', 'affiliate'] }, { type: 'promoted' }, { type: 'followsYou', value: 'unknown' }, { type: 'followsYou', value: true }, { type: 'followsYou', value: false }] } },
          ],
        },
      ],
    }, i % 2 ? collapse : { class: 'interruption', action: 'label' }, i % 5 === 0 ? ['x', 'bsky'] : []);
  }
  // 8 more: disabled rules and site-specific ones.
  for (let i = 0; i < 8; i++) {
    const rule: RuleInput = {
      id: `r${rules.length}`, name: `Rule ${rules.length}`, enabled: i % 2 === 0, sites: [pick(['x', 'bsky', 'mastodon'] as const)],
      when: { type: 'any', of: [{ type: 'text', mode: 'contains', pattern: rareWords[(i * 3) % rareWords.length]!, caseSensitive: false }, { type: 'handle', handles: handles(20, 0) }] },
      then: hide,
    };
    rules.push(rule);
  }
  if (rules.length !== 100) throw new Error(`expected 100 rules, built ${rules.length}`);
  void r;
  return rules;
}
