// Fuzz: the X DOM adapter (adapter.ts over post-dom.ts) on real markup from tests/fixtures/x, each
// case one timeline cell mutated in place — nodes deleted, duplicated, moved; test ids, aria labels
// and links spoofed (lookalike handles, foreign hosts); texts of 1 MB and broken UTF-16; deep nesting
// — then put back exactly. Every result must be a valid FeedItem, a parse failure or a skip; a handle
// must be one a link really names; an ad must have the marks of one; the work must stay bounded.
import fc from 'fast-check';
import { Node as HappyNode, TreeWalker as HappyTreeWalker } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { FeedItem } from '../../../src/core/model';
import { isParseFailure, type ParseEnv } from '../../../src/content/adapter';
import { FactStore } from '../../../src/content/fact-store';
import { xAdapter } from '../../../src/sites/x/adapter';
import { xPageFacts } from '../../../src/sites/x/page-facts';
import { handleFromPath } from '../../../src/sites/x/routes';
import { CAROUSEL, CELL, NOTIFICATION, PLACEMENT_TRACKING, TWEET } from '../../../src/sites/x/selectors';
import { envFor, loadPage, readCapture, readFixture } from '../sites/x/helpers';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, KELVIN_LOOKALIKE, LOOKALIKES, MEGABYTE, REAL, fuzz, must, pick } from './fuzz';
import { Journal, applyDomEdit, domEdit, unitOf, type Unit } from './dom-mutate';

const THREAD_URL = 'https://x.com/XDevelopers/status/1649191520250245121';
const SOURCES = [
  { file: 'x-home.html', capture: true, url: 'https://x.com/home' },
  { file: 'promoted.html', capture: false, url: 'https://x.com/home' },
  { file: 'thread.html', capture: false, url: THREAD_URL },
  { file: 'notifications.html', capture: false, url: 'https://x.com/notifications' },
];
/** Where the reader may think it is, whatever page the markup came from. */
const URLS = ['https://x.com/notifications/mentions', `https://x.com/${REAL}`, 'https://x.com/search?q=acme', 'https://x.com/i/lists/1', 'https://x.com/settings'];

/** The page as tags, attributes (sorted: undoing an edit may re-add one at the end) and texts, walked iteratively. */
function canonical(doc: Document): string {
  const out: string[] = [];
  const walker = doc.createTreeWalker(doc.documentElement, 1 | 4);
  for (let n: Node | null = doc.documentElement; n !== null; n = walker.nextNode()) {
    if (n.nodeType !== 1) {
      out.push(`"${n.nodeValue ?? ''}"`);
      continue;
    }
    const e = n as Element;
    const attrs = [...e.attributes].map((a) => `${a.name}=${a.value}`).sort();
    let depth = 0;
    for (let p = e.parentElement; p !== null; p = p.parentElement) depth++;
    out.push(`${depth}<${e.tagName} ${attrs.join(' ')}>`);
  }
  return out.join('\n');
}

const pages = SOURCES.map((s) => {
  const page = loadPage(s.capture ? readCapture(s.file) : readFixture(s.file), s.url);
  const doc = page.doc;
  // One unit per item root: its timeline cell when it has one.
  const roots = [...doc.querySelectorAll(xAdapter.itemSelector)];
  const units = [...new Set(roots.map((r) => r.closest(CELL) ?? r))].map(unitOf);
  return { ...s, ...page, units, html: canonical(doc) };
});
afterAll(async () => {
  for (const p of pages) await p.win.happyDOM.close();
});

/** Facts a page could send: the real TweetDetail's, plus accounts with lookalike handles that claim to be followed. */
const spoofed = new FactStore();
spoofed.merge(xPageFacts(JSON.parse(readCapture('x-api-tweetdetail.json'))));
spoofed.merge({
  site: 'x',
  viewerId: '1000',
  accounts: [...LOOKALIKES, KELVIN_LOOKALIKE, 'me_viewer'].map((h, i) => ({ id: String(5000 + i), handle: h, followed: true, verified: 'government' as const })),
  items: [{ id: '1649191520250245121', authorId: '5000', promoted: true }, { id: '1', authorId: '5001', inReplyToAuthorId: '1000' }],
});
const STORES = [new FactStore(), spoofed];

/** The first path segment of every link in `root`, lower-cased as handleFromPath does: the handles a post may be read as. */
function linkedHandles(root: Element): Set<string> {
  const out = new Set<string>();
  for (const a of root.querySelectorAll('a[href]')) {
    const h = handleFromPath((a.getAttribute('href') ?? '').split('?')[0] ?? '');
    if (h !== null) out.add(h);
  }
  return out;
}

function inCarouselOracle(el: Element): boolean {
  return el.parentElement?.closest(`${CAROUSEL}, ${CELL}`)?.matches(CAROUSEL) ?? false;
}

/** Marks of an ad: placementTracking above, an Ad/Promoted word in it, or the facts say so. */
function looksPromoted(el: Element, env: ParseEnv, id: string): boolean {
  const text = el.textContent ?? '';
  return (el.parentElement?.closest(PLACEMENT_TRACKING) ?? null) !== null || text.includes('Ad') || text.includes('Promoted') ||
    env.facts.item(id)?.promoted === true;
}

const tally = { items: 0, failures: 0, skipped: 0, ads: 0 };

function checkOne(el: Element, env: ParseEnv): void {
  const r = xAdapter.parse(el, env);
  must(xAdapter.markTarget(el).contains(el), 'markTarget does not hold the item');
  if (r === null) {
    tally.skipped++;
    // Skipped only as a carousel preview, or a notification that names no account.
    must(el.matches(TWEET) ? inCarouselOracle(el) : el.matches(NOTIFICATION), 'skipped an item that is neither a carousel preview nor a notification');
    return;
  }
  if (isParseFailure(r)) {
    tally.failures++;
    must(r.failure.length > 0 && r.failure.length <= 200, 'failure without a short reason');
    return;
  }
  tally.items++;
  const parsed = FeedItem.safeParse(r);
  must(parsed.success, () => `not a FeedItem: ${parsed.error?.message.slice(0, 500) ?? ''}`);
  must(r.site === 'x' && r.context === env.context, 'wrong site or context');
  // The handle is one a link in the item really names — never a lookalike folded into it, never a display name.
  must(/^[a-z0-9_]{1,50}$/.test(r.author.handle) && linkedHandles(el).has(r.author.handle), () => `handle ${r.author.handle} named by no link`);
  // Links stay on the page's own site.
  must(r.permalink.startsWith(`${env.url.origin}/`), () => `permalink off the site: ${r.permalink.slice(0, 200)}`);
  for (const d of r.linkDomains) must(/^[a-z0-9.-]+\.[a-z0-9.-]+$/.test(d), () => `bad link domain ${d}`);
  if (r.promoted) {
    tally.ads++;
    must(r.kind === 'ad' && looksPromoted(el, env, r.id), 'an ad without the marks of one');
  }
  // A synthetic id only for an ad: anything else without a permalink is a parse failure, not a guess.
  if (r.id.startsWith('ad-')) must(r.promoted, 'synthetic id for a non-ad');
  else if (r.kind !== 'notification') must(/^\d{1,30}$/.test(r.id), () => `bad id ${r.id.slice(0, 100)}`);
}

function itemRoots(u: Unit): Element[] {
  const inside = [...u.root.querySelectorAll(xAdapter.itemSelector)];
  return u.root.matches(xAdapter.itemSelector) ? [u.root, ...inside] : inside;
}

const oneCase = fc.record({
  page: fc.nat({ max: pages.length - 1 }),
  unit: fc.nat(),
  url: fc.option(pick(URLS), { freq: 4, nil: undefined }),
  store: fc.nat({ max: STORES.length - 1 }),
  edits: fc.array(domEdit, { minLength: 1, maxLength: 6 }),
  drift: fc.nat({ max: 99 }),
});

describe('fuzz: the X adapter on mutated real markup', () => {
  it(`reads every item root as a valid FeedItem, a failure or a skip, and puts the page back (${FUZZ_RUNS} cases)`, () => {
    const n = fuzz('x DOM adapter', oneCase, (c) => {
      const page = pages[c.page];
      if (!page) return;
      const unit = page.units[c.unit % page.units.length];
      if (!unit) return;
      const j = new Journal();
      try {
        for (const e of c.edits) applyDomEdit(unit, e, j);
        const env = envFor(c.url ?? page.url, STORES[c.store]);
        for (const el of itemRoots(unit)) checkOne(el, env);
        // Drift checks read the whole page: one case in a hundred.
        if (c.drift === 0) {
          const drift = xAdapter.detectDrift(page.doc, 0);
          must(drift === null || (drift.length > 0 && drift.length < 300), 'drift sentence');
        }
      } finally {
        j.undo();
      }
    });
    console.log(`fuzz x DOM adapter results: ${JSON.stringify(tally)}`);
    expect(n).toBeGreaterThanOrEqual(FUZZ_RUNS);
    // The mutations must leave plenty readable and break plenty, or half the properties never ran.
    expect(tally.items).toBeGreaterThan(FUZZ_RUNS / 2);
    expect(tally.failures).toBeGreaterThan(FUZZ_RUNS / 50);
    expect(tally.ads).toBeGreaterThan(FUZZ_RUNS / 50);
    // Every edit was undone: the fixtures are byte for byte what they were.
    for (const p of pages) expect(canonical(p.doc), p.file).toBe(p.html);
  }, FUZZ_TIMEOUT_MS);
});

/**
 * Counts the adapter's own steps — climbs to a parent and tree-walker steps — by wrapping happy-dom's
 * own accessors for the duration of `run` (a vi.spyOn would record every call's arguments too).
 */
function countSteps<T>(run: () => T): { result: T; steps: number } {
  let steps = 0;
  const nodeProto = HappyNode.prototype as object;
  const walkerProto = HappyTreeWalker.prototype as unknown as { nextNode: () => unknown };
  const up = Object.getOwnPropertyDescriptor(nodeProto, 'parentElement');
  const next = walkerProto.nextNode;
  if (!up?.get) throw new Error('happy-dom has no parentElement getter to count');
  const get = up.get;
  Object.defineProperty(nodeProto, 'parentElement', { ...up, get(this: unknown) { steps++; return get.call(this); } });
  walkerProto.nextNode = function (this: unknown) {
    steps++;
    return next.call(this);
  };
  try {
    const result = run();
    return { result, steps };
  } finally {
    Object.defineProperty(nodeProto, 'parentElement', up);
    walkerProto.nextNode = next;
  }
}

describe('the X adapter on 10,000-level nesting and 1 MB texts', () => {
  const home = pages[0];
  const thread = pages[2];
  if (!home || !thread) throw new Error('fixtures missing');
  /** Nodes in the page, counted with a tree walker (a live collection would slow every later edit). */
  const nodeCount = (doc: Document) => {
    const walker = doc.createTreeWalker(doc.documentElement, 1 | 4);
    let n = 1;
    while (walker.nextNode() !== null) n++;
    return n;
  };

  /** Wraps `target` in `depth` divs (built iteratively, attached), runs `check`, and unwraps it. */
  function nested(target: Element, depth: number, check: () => void): void {
    const j = new Journal();
    try {
      applyDomEdit({ root: target.ownerDocument.body, elements: [target.ownerDocument.body, target], texts: [] }, { op: 'nest', at: 0, depth }, j);
      check();
    } finally {
      j.undo();
    }
  }

  it('an article under 10,000 levels of divs: read, in steps linear in the page', () => {
    const unit = home.units[0];
    if (!unit) throw new Error('no unit');
    nested(unit.root, 10_000, () => {
      const nodes = nodeCount(home.doc);
      for (const el of itemRoots(unit)) {
        const { result, steps } = countSteps(() => xAdapter.parse(el, envFor(home.url)));
        expect(result !== null && !isParseFailure(result) && FeedItem.safeParse(result).success).toBe(true);
        expect(steps).toBeLessThanOrEqual(4 * nodes);
      }
      expect(countSteps(() => xAdapter.detectDrift(home.doc, 1)).steps).toBeLessThanOrEqual(4 * nodes);
    });
  }, FUZZ_TIMEOUT_MS);

  it('10,000 levels of divs inside the post text, the author header and the quote: read, bounded', () => {
    const unit = thread.units[2];
    if (!unit) throw new Error('no unit');
    const article = itemRoots(unit)[0];
    if (!article) throw new Error('no article');
    for (const part of ['[data-testid="tweetText"]', '[data-testid="User-Name"] a', 'time']) {
      const target = article.querySelector(part);
      if (!target) throw new Error(part);
      nested(target, 10_000, () => {
        const nodes = nodeCount(thread.doc);
        const env = envFor(THREAD_URL, spoofed);
        const { result, steps } = countSteps(() => xAdapter.parse(article, env));
        expect(result).not.toBeNull();
        if (result !== null && !isParseFailure(result)) expect(FeedItem.safeParse(result).success).toBe(true);
        expect(steps).toBeLessThanOrEqual(4 * nodes);
      });
    }
  }, FUZZ_TIMEOUT_MS);

  it('10,000 quote blocks nested in each other: the post is still read as its own author\'s', () => {
    const unit = thread.units[0];
    const article = unit && itemRoots(unit)[0];
    const text = article?.querySelector('[data-testid="tweetText"]');
    if (!article || !text) throw new Error('no article');
    const doc = thread.doc;
    const top = doc.createElement('div');
    article.appendChild(top);
    try {
      let bottom = top;
      for (let i = 0; i < 10_000; i++) {
        const q = doc.createElement('div');
        q.setAttribute('role', 'link');
        bottom = bottom.appendChild(q);
      }
      bottom.innerHTML = `<div data-testid="User-Name"><a href="/${REAL}">${REAL}</a></div><a href="/${REAL}/status/1"><time></time></a><span>Ad</span>`;
      const nodes = nodeCount(doc);
      const { result, steps } = countSteps(() => xAdapter.parse(article, envFor(THREAD_URL)));
      expect(result !== null && !isParseFailure(result) ? [result.author.handle, result.id, result.promoted] : result)
        .toEqual(['xdevelopers', '1649191520250245121', false]);
      expect(steps).toBeLessThanOrEqual(4 * nodes);
    } finally {
      top.remove();
    }
  }, FUZZ_TIMEOUT_MS);

  it('1 MB texts in the post, the display name, an emoji\'s alt and a link: outputs stay within the schema', () => {
    const unit = thread.units[2];
    const article = unit && itemRoots(unit)[0];
    if (!article) throw new Error('no article');
    const j = new Journal();
    try {
      for (const i of (unit?.texts ?? []).keys()) applyDomEdit(unit as Unit, { op: 'text', at: i, text: MEGABYTE }, j);
      for (const fragment of [{ kind: 'tweetText' as const, url: `https://${'a'.repeat(1 << 20)}.com`, alt: MEGABYTE }, { kind: 'label' as const, text: MEGABYTE }]) {
        applyDomEdit(unit as Unit, { op: 'insert', at: 1, fragment }, j);
      }
      const r = xAdapter.parse(article, envFor(THREAD_URL));
      if (r === null || isParseFailure(r)) throw new Error(`not read: ${JSON.stringify(r)}`);
      expect(FeedItem.safeParse(r).success).toBe(true);
      expect(r.text.length).toBeLessThanOrEqual(20_000);
      expect(r.author.displayName.length).toBeLessThanOrEqual(200);
    } finally {
      j.undo();
    }
  }, FUZZ_TIMEOUT_MS);
});
