// Mutations of real X markup for the fuzz suite, applied in place and undone afterwards: happy-dom
// builds nodes slowly, so cloning a timeline cell per case would be all the suite measured. Each edit
// is aimed by number at an element or text node of one item's cell: delete, duplicate, move, set or
// swap attributes (spoofed test ids, aria labels, lookalike links), replace texts (1 MB, broken
// UTF-16), plant spoofed fragments (author links, permalinks, ad labels, quotes) or deep nesting.
import fc from 'fast-check';
import { BAD_UNICODE, KELVIN_LOOKALIKE, LOOKALIKES, MEGABYTE, REAL, huge, pick, shortNasty } from './fuzz';

const HANDLES = [REAL, 'ACME', 'evil', ...LOOKALIKES, KELVIN_LOOKALIKE, 'me_viewer', 'xdevelopers', 'home', 'i'];

export const TEST_IDS = [
  'tweet', 'User-Name', 'tweetText', 'placementTracking', 'socialContext', 'cellInnerDiv', 'ScrollSnap-List', 'notification',
  'UserAvatar-Container-acme', 'AppTabBar_Profile_Link', 'primaryColumn', 'Tweet-User-Avatar', '', 'tweet ', 'TWEET', 'User-Name\u200B',
];

const href: fc.Arbitrary<string> = fc.oneof(
  pick(HANDLES).map((h) => `/${h}`),
  fc.tuple(pick(HANDLES), pick(['1', '1649191520250245121', '9'.repeat(40), '\uFF11', '12x'])).map(([h, id]) => `/${h}/status/${id}`),
  pick([
    'https://x.com/acme', 'https://x.com/acme/status/7', '//evil.example/acme/status/1', 'javascript:alert(1)//status/1',
    'https://evil.example/acme/status/1', 'https://t.co/abc', '/i/web/status/99', '/acme?x=/status/1', '/acme/status/', '?/status/1',
    'data:text/html,<b>x</b>', 'https://x.com\u0430/acme', '/acme#/status/1', 'http://[::1]/status/1', '', '/', '///acme', '/acme/',
    'https://www.x.com/acme', 'https://twitter.com/acme', 'https://mobile.x.com/acme',
  ]),
  pick(BAD_UNICODE).map((u) => `/${REAL}${u}`),
  fc.constant(`/${'a'.repeat(100_000)}/status/1`),
);

/** Link targets X rewrites to t.co, as the anchor's title or visible text shows them. */
const shownUrl = pick([
  'https://example.com/x', 'example.com/very/long\u2026', 'https://\u{1D41A}\u{1D41C}\u{1D426}\u{1D41E}.com', 'http://[::1]/', 'https://xn--80ak6aa92e.com',
  `https://${'a'.repeat(300)}.com`, 'https://exa mple.com', 'javascript:alert(1)', 'https://x.com/acme', 'https://ex%61mple.com', '\u2026', '...',
  'https://example.com\u2026', 'ftp://example.com', 'https://t.co/x', 'https://192.168.0.1/', 'https://EXAMPLE.com.', 'https://a..b.com',
  'https://\u0430pple.com', 'mailto:a@example.com', 'https://example.com:99999/', '',
]);

/** Texts for text nodes; the 1 MB one is rare (about one case in a hundred): happy-dom takes long to read it. */
const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: shortNasty },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 70_000 }).map((n) => huge('x\uD800', n)) },
  { weight: 15, arbitrary: pick(['Ad', 'Promoted', ' Ad ', '\u0410d', 'Ad\u200B', 'ad', 'Replying to ', 'Replying to @acme', 'acme reposted', 'Pinned', '@acme', '@' + LOOKALIKES[0]]) },
  { weight: 1, arbitrary: fc.constant(MEGABYTE) },
);

export type Fragment =
  | { kind: 'author'; handle: string; name: string }
  | { kind: 'permalink'; href: string }
  | { kind: 'label'; text: string }
  | { kind: 'quote'; handle: string }
  | { kind: 'replying'; handle: string }
  | { kind: 'tweetText'; url: string; alt: string }
  | { kind: 'social'; text: string }
  | { kind: 'article'; handle: string; href: string }
  | { kind: 'notification'; href: string }
  | { kind: 'text'; text: string };

const fragment: fc.Arbitrary<Fragment> = fc.oneof(
  fc.record({ kind: fc.constant('author' as const), handle: pick(HANDLES), name: fc.oneof(pick([REAL, '@acme', 'Acme Inc', '']), shortNasty) }),
  fc.record({ kind: fc.constant('permalink' as const), href }),
  fc.record({ kind: fc.constant('label' as const), text: pick(['Ad', 'Promoted', ' Ad ', '\u0410d', 'Ad\u200B', 'AD']) }),
  fc.record({ kind: fc.constant('quote' as const), handle: pick(HANDLES) }),
  fc.record({ kind: fc.constant('replying' as const), handle: pick(HANDLES) }),
  fc.record({ kind: fc.constant('tweetText' as const), url: shownUrl, alt: fc.oneof(pick(BAD_UNICODE), fc.constant(huge('\uD83D', 30_000))) }),
  fc.record({ kind: fc.constant('social' as const), text: pick(['acme reposted', 'You retweeted', 'Pinned', 'reposted\u200B', '']) }),
  fc.record({ kind: fc.constant('article' as const), handle: pick(HANDLES), href }),
  fc.record({ kind: fc.constant('notification' as const), href }),
  fc.record({ kind: fc.constant('text' as const), text }),
);

const ATTRS = ['data-testid', 'href', 'role', 'aria-hidden', 'aria-label', 'title', 'alt', 'dir'] as const;
const attrValue = (name: (typeof ATTRS)[number]): fc.Arbitrary<string> => {
  if (name === 'data-testid') return pick(TEST_IDS);
  if (name === 'href') return href;
  if (name === 'role') return pick(['link', 'article', 'main', 'presentation', '']);
  if (name === 'aria-hidden') return pick(['true', 'false', '']);
  if (name === 'title') return shownUrl;
  return fc.oneof(text, pick([REAL, '@acme', 'Verified account']));
};
const attr = fc.constantFrom(...ATTRS).chain((name) => attrValue(name).map((value) => ({ name, value })));

export type DomEdit =
  | { op: 'remove'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'move'; at: number; to: number }
  | { op: 'attr'; at: number; name: string; value: string }
  | { op: 'dropAttr'; at: number; name: string }
  | { op: 'swapAttrs'; at: number; to: number }
  | { op: 'text'; at: number; text: string }
  | { op: 'insert'; at: number; fragment: Fragment }
  | { op: 'nest'; at: number; depth: number };

export const domEdit: fc.Arbitrary<DomEdit> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ op: fc.constant('remove' as const), at: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }) },
  { weight: 15, arbitrary: fc.record({ op: fc.constant('attr' as const), at: fc.nat() }).chain((e) => attr.map((a) => ({ ...e, ...a }))) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('dropAttr' as const), at: fc.nat(), name: pick(ATTRS) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('swapAttrs' as const), at: fc.nat(), to: fc.nat() }) },
  { weight: 10, arbitrary: fc.record({ op: fc.constant('text' as const), at: fc.nat(), text }) },
  { weight: 15, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), fragment }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 300 }) }) },
);

function el(doc: Document, tag: string, attrs: Record<string, string>, ...children: Array<Node | string>): Element {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.appendChild(typeof c === 'string' ? doc.createTextNode(c) : c);
  return e;
}

export function buildFragment(doc: Document, f: Fragment): Node {
  const author = (h: string, name: string) =>
    el(doc, 'div', { 'data-testid': 'User-Name' }, el(doc, 'a', { href: `/${h}` }, name), el(doc, 'a', { href: `/${h}` }, `@${h}`));
  switch (f.kind) {
    case 'author': return author(f.handle, f.name);
    case 'permalink': return el(doc, 'a', { href: f.href }, el(doc, 'time', { datetime: '2026-01-01T00:00:00.000Z' }, '1h'));
    case 'label': return el(doc, 'span', {}, f.text);
    case 'quote': return el(doc, 'div', { role: 'link' }, author(f.handle, f.handle), el(doc, 'div', { 'data-testid': 'tweetText' }, 'quoted'));
    case 'replying': return el(doc, 'div', {}, 'Replying to ', el(doc, 'a', { href: `/${f.handle}` }, `@${f.handle}`));
    case 'tweetText':
      return el(doc, 'div', { 'data-testid': 'tweetText' }, 'see ', el(doc, 'a', { href: 'https://t.co/abc', title: f.url }, f.url),
        el(doc, 'img', { alt: f.alt }), el(doc, 'a', { href: `/${REAL}` }, `@${REAL}`));
    case 'social': return el(doc, 'span', { 'data-testid': 'socialContext' }, f.text);
    case 'article':
      return el(doc, 'article', { 'data-testid': 'tweet' }, author(f.handle, f.handle),
        el(doc, 'a', { href: f.href }, el(doc, 'time', {}, 'now')));
    case 'notification': return el(doc, 'div', { 'data-testid': 'notification' }, el(doc, 'a', { href: f.href }, 'Someone'), ' liked your post');
    case 'text': return doc.createTextNode(f.text);
  }
}

/** The undo journal of one case: closures run newest first, restoring the markup exactly. */
export class Journal {
  private readonly undos: Array<() => void> = [];
  /** Nodes created by the edits so far (the suite's size bound counts them). */
  created = 0;

  add(undo: () => void): void {
    this.undos.push(undo);
  }

  undo(): void {
    for (let u = this.undos.pop(); u !== undefined; u = this.undos.pop()) u();
  }
}

export interface Unit {
  root: Element;
  /** The unit's elements (root first) and text nodes, as the fixture has them. */
  elements: Element[];
  texts: Text[];
}

export function unitOf(root: Element): Unit {
  const doc = root.ownerDocument;
  const elements: Element[] = [];
  const texts: Text[] = [];
  const walker = doc.createTreeWalker(root, 1 | 4);
  for (let n: Node | null = root; n !== null; n = walker.nextNode()) {
    if (n.nodeType === 1) elements.push(n as Element);
    else texts.push(n as Text);
  }
  return { root, elements, texts };
}

function insertAt(j: Journal, parent: Node, node: Node, before: Node | null): void {
  parent.insertBefore(node, before);
  j.add(() => parent.removeChild(node));
}

function detach(j: Journal, node: Node): void {
  const parent = node.parentNode;
  if (parent === null) return;
  const next = node.nextSibling;
  parent.removeChild(node);
  j.add(() => parent.insertBefore(node, next));
}

function setAttr(j: Journal, e: Element, name: string, value: string | null): void {
  const old = e.getAttribute(name);
  if (value === null) e.removeAttribute(name);
  else e.setAttribute(name, value);
  j.add(() => (old === null ? e.removeAttribute(name) : e.setAttribute(name, old)));
}

/** Applies one edit to the unit (in place), journalled. Edits that make no sense here are skipped. */
export function applyDomEdit(u: Unit, e: DomEdit, j: Journal): void {
  const doc = u.root.ownerDocument;
  const pickEl = (n: number) => u.elements[n % u.elements.length] as Element;
  // The root stays where it is: removing or moving it would only take the item away.
  const inner = (n: number) => (u.elements.length > 1 ? (u.elements[1 + (n % (u.elements.length - 1))] as Element) : null);
  switch (e.op) {
    case 'remove': {
      const t = inner(e.at);
      if (t && u.root.contains(t)) detach(j, t);
      return;
    }
    case 'duplicate': {
      const t = inner(e.at);
      // Small subtrees only: a copy of a whole post is what 'article' fragments are for.
      if (!t || !t.parentNode || !u.root.contains(t) || t.querySelectorAll('*').length > 40) return;
      insertAt(j, t.parentNode, t.cloneNode(true), t.nextSibling);
      return;
    }
    case 'move': {
      const t = inner(e.at);
      const to = pickEl(e.to);
      if (!t || t === to || t.contains(to) || !u.root.contains(to) || !u.root.contains(t)) return;
      detach(j, t);
      insertAt(j, to, t, to.firstChild);
      return;
    }
    case 'attr': setAttr(j, pickEl(e.at), e.name, e.value); return;
    case 'dropAttr': setAttr(j, pickEl(e.at), e.name, null); return;
    case 'swapAttrs': {
      const a = pickEl(e.at);
      const b = pickEl(e.to);
      for (const name of ['data-testid', 'href', 'role']) {
        const av = a.getAttribute(name);
        const bv = b.getAttribute(name);
        setAttr(j, a, name, bv);
        setAttr(j, b, name, av);
      }
      return;
    }
    case 'text': {
      const t = u.texts.length > 0 ? u.texts[e.at % u.texts.length] : undefined;
      if (!t) return;
      const old = t.nodeValue;
      t.nodeValue = e.text;
      j.add(() => {
        t.nodeValue = old;
      });
      return;
    }
    case 'insert': {
      const parent = pickEl(e.at);
      const node = buildFragment(doc, e.fragment);
      j.created += 8;
      insertAt(j, parent, node, (e.at & 1) === 0 ? parent.firstChild : null);
      return;
    }
    case 'nest': {
      const t = inner(e.at);
      if (!t || !t.parentNode || !u.root.contains(t)) return;
      const parent = t.parentNode;
      const next = t.nextSibling;
      // Built top-down while attached, one level at a time (happy-dom re-walks a detached subtree on
      // every insertion, so building bottom-up would be quadratic); no recursion anywhere.
      const top = doc.createElement('div');
      parent.insertBefore(top, next);
      let bottom: Element = top;
      for (let i = 1; i < e.depth; i++) bottom = bottom.appendChild(doc.createElement('div'));
      bottom.appendChild(t);
      j.created += e.depth;
      j.add(() => {
        parent.insertBefore(t, top);
        parent.removeChild(top);
      });
    }
  }
}
