// Mutations of parsed JSON for the fuzz suite: a list of edits, each aimed by number at one of the
// value's objects or arrays, that sets a key to a hostile value, deletes one, copies a sibling in,
// or plants deep nesting, huge arrays and prototype keys. Plus a proxy that counts every read a
// reader makes, so "terminates" is asserted as a count of steps, never as time.
import fc from 'fast-check';
import { BAD_UNICODE, KELVIN_LOOKALIKE, LOOKALIKES, MEGABYTE, REAL, huge, nastyString, nest, pick } from './fuzz';

type Container = Record<string, unknown> | unknown[];

const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

/** Every object and array in `root`, found iteratively, at most `max` of them. */
export function containers(root: unknown, max = 20_000): Container[] {
  const out: Container[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0 && out.length < max) {
    const v = stack.pop();
    if (!isContainer(v)) continue;
    out.push(v);
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return out;
}

/**
 * A copy of a tree of plain objects and arrays, made iteratively (structuredClone recurses, and the
 * trees here nest 10,000 deep). At most `max` containers are copied; deeper parts are shared.
 */
export function cloneTree<T>(root: T, max = 50_000): T {
  if (!isContainer(root)) return root;
  const copyOf = (c: Container): Container => (Array.isArray(c) ? [...c] : { ...c });
  const top = copyOf(root);
  const stack: Container[] = [top];
  let budget = max;
  while (stack.length > 0 && budget-- > 0) {
    const c = stack.pop() as Record<string, unknown>;
    for (const k of Object.keys(c)) {
      const v = c[k];
      if (!isContainer(v)) continue;
      const copy = copyOf(v);
      setOwn(c as Container, k, copy);
      stack.push(copy);
    }
  }
  return top as T;
}

/** Sets an own, enumerable key — also `__proto__`, as JSON.parse does, instead of changing the prototype. */
export function setOwn(o: Container, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Keys X's readers look at, and keys that name Object.prototype's own members. */
export const KEYS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__typename', 'rest_id', 'screen_name', 'name',
  'legacy', 'core', 'viewer', 'viewer_v2', 'promotedMetadata', 'globalObjects', 'users', 'tweets', 'user_results', 'result', 'id',
  'id_str', 'itemType', 'relationship_perspectives', 'following', 'followed_by', 'tweet', 'tweet_results', 'user_id_str',
  'in_reply_to_user_id_str', 'conversation_id_str', 'verification', 'verified_type', 'is_blue_verified', 'created_at',
  'professional', 'professional_type', 'profile_image_shape', 'affiliates_highlighted_label', 'label', 'userLabelType', 'ext',
];

/** Ids that are not X ids but look like them, and ids that are but are someone else's. */
export const SPOOFED_IDS = [
  '2244994945', '1', '0', '00123', '\uFF11\uFF12\uFF13', '\u0661\u0662\u0663', '123\n', ' 123', '123 ', '-5', '0x1F', '1e5', '1.5',
  '1'.repeat(30), '1'.repeat(31), '', huge('9', 100_000),
];

export const TYPENAMES = ['User', 'Tweet', 'TweetWithVisibilityResults', 'TimelineUser', 'user', 'Tweet ', 'TimelineTweet', '__proto__', ''];

export const DATES = [
  'Sat Dec 14 04:35:55 +0000 2013', 'Xyz Foo 99 99:99:99 +9999 9999', 'Sat Dec 99 99:99:99 -9999 0000', '2013-12-14T04:35:55Z',
  '9999-99-99T99', '2013-12-14T', 'Sat Dec 14 04:35:55 +0000 2013'.repeat(3), '',
];

const primitive: fc.Arbitrary<unknown> = fc.oneof(
  pick([null, true, false, 0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2]),
  nastyString,
  pick(SPOOFED_IDS),
  pick(TYPENAMES),
  pick(DATES),
  pick(['Government', 'Business', 'BusinessLabel', 'AutomatedLabel', 'Square', 'Circle', 'active', 'Creator', 'None']),
  pick([REAL, KELVIN_LOOKALIKE, ...LOOKALIKES]),
);

/** A small user object as X sends it, with a spoofed id and a spoofed or lookalike handle. */
const spoofUser: fc.Arbitrary<unknown> = fc.record({
  __typename: pick(['User', 'User', 'TimelineUser', 'user']),
  rest_id: pick(SPOOFED_IDS),
  core: fc.record({ screen_name: fc.oneof(pick([REAL, KELVIN_LOOKALIKE, ...LOOKALIKES]), nastyString), name: nastyString }),
  legacy: fc.oneof(fc.constant(undefined), fc.record({ screen_name: pick([REAL, ...LOOKALIKES]), following: fc.boolean() })),
  relationship_perspectives: fc.oneof(fc.constant(undefined), fc.record({ following: fc.oneof(fc.boolean(), primitive) })),
  is_blue_verified: fc.oneof(fc.boolean(), primitive),
}, { requiredKeys: ['__typename', 'rest_id'] });

const spoofTweet: fc.Arbitrary<unknown> = fc.record({
  __typename: pick(['Tweet', 'TweetWithVisibilityResults']),
  rest_id: pick(SPOOFED_IDS),
  core: fc.record({ user_results: fc.record({ result: spoofUser }) }),
  legacy: fc.record({ in_reply_to_user_id_str: pick(SPOOFED_IDS), conversation_id_str: pick(SPOOFED_IDS), user_id_str: pick(SPOOFED_IDS) }, { requiredKeys: [] }),
}, { requiredKeys: ['__typename'] });

export type Edit =
  | { op: 'set'; at: number; key: number | string; value: unknown }
  | { op: 'delete'; at: number; key: number }
  | { op: 'copy'; at: number; from: number; key: number | string }
  | { op: 'deep'; at: number; key: number | string; depth: number; kind: 'array' | 'object' | 'user' }
  | { op: 'wide'; at: number; key: number | string; width: number; what: 'user' | 'null' | 'tweet' }
  | { op: 'megabyte'; at: number; key: number | string };

const aim = fc.nat();
/** A new container per case: fc.constant would hand every case the same (and by then mutated) one. */
const fresh = (make: () => Container): fc.Arbitrary<Container> => fc.constant(null).map(make);
const keyArb = fc.oneof(fc.nat(), pick(KEYS));

const smallEdits = [
  { weight: 40, arbitrary: fc.record({ op: fc.constant('set' as const), at: aim, key: keyArb, value: fc.oneof({ weight: 6, arbitrary: primitive }, { weight: 1, arbitrary: spoofUser }, { weight: 1, arbitrary: spoofTweet }, { weight: 1, arbitrary: fresh(() => []) }, { weight: 1, arbitrary: fresh(() => ({})) }) }) },
  { weight: 15, arbitrary: fc.record({ op: fc.constant('delete' as const), at: aim, key: fc.nat() }) },
  { weight: 10, arbitrary: fc.record({ op: fc.constant('copy' as const), at: aim, from: aim, key: keyArb }) },
];

/** Edits that keep the value small: wrong types, missing and spoofed fields, prototype keys, copies. */
export const smallEdit: fc.Arbitrary<Edit> = fc.oneof(...smallEdits);

/** smallEdit, and now and then deep nesting, a list past the caps or a 1 MB string. */
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  ...smallEdits,
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deep' as const), at: aim, key: keyArb, depth: fc.constantFrom(100, 1_000, 10_000), kind: pick(['array', 'object', 'user'] as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('wide' as const), at: aim, key: keyArb, width: fc.constantFrom(1_100, 2_100), what: pick(['user', 'null', 'tweet'] as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('megabyte' as const), at: aim, key: keyArb }) },
);

function keyIn(c: Container, key: number | string): string {
  if (typeof key === 'string') return key;
  const keys = Object.keys(c);
  return keys.length === 0 ? String(key % 4) : (keys[key % keys.length] ?? '0');
}

/** `depth` levels of arrays, objects, or users whose core holds the next user. */
export function deepValue(depth: number, kind: 'array' | 'object' | 'user'): unknown {
  const leaf = { __typename: 'User', rest_id: '42', core: { screen_name: REAL } };
  if (kind === 'array') return nest<unknown>(depth, leaf, (v) => [v]);
  if (kind === 'object') return nest<unknown>(depth, leaf, (v) => ({ a: v }));
  let i = 0;
  return nest<unknown>(depth, leaf, (v) => ({ __typename: 'User', rest_id: String(++i), core: { screen_name: `u${i}` }, legacy: v }));
}

function wideValue(width: number, what: 'user' | 'null' | 'tweet'): unknown[] {
  if (what === 'null') return new Array<unknown>(width).fill(null);
  return Array.from({ length: width }, (_, i) => what === 'user'
    ? { __typename: 'User', rest_id: String(10_000 + i), core: { screen_name: `${REAL}${i}` } }
    : { __typename: 'Tweet', rest_id: String(10_000 + i), legacy: { user_id_str: '1' } });
}

/** Applies the edits in place (the root itself is never replaced). */
export function applyEdits(root: unknown, edits: readonly Edit[]): void {
  // Aimed at the containers the response had to begin with (found once: finding them per edit would
  // cost more than the reader under test); an edit may land in a part an earlier one cut off.
  const all = containers(root);
  for (const e of edits) {
    const c = all[e.at % all.length];
    if (c === undefined) return;
    if (e.op === 'delete') {
      const keys = Object.keys(c);
      const k = keys[e.key % Math.max(1, keys.length)];
      if (k !== undefined) delete (c as Record<string, unknown>)[k];
      continue;
    }
    const key = keyIn(c, e.key);
    let value: unknown;
    if (e.op === 'set') value = e.value;
    else if (e.op === 'copy') value = cloneTree(all[e.from % all.length]);
    else if (e.op === 'deep') value = deepValue(e.depth, e.kind);
    else if (e.op === 'wide') value = wideValue(e.width, e.what);
    else value = MEGABYTE;
    setOwn(c, key, value);
  }
}

/** A handful of well-formed but awkward strings to seed keys with (used by tests that build payloads). */
export const AWKWARD = [...BAD_UNICODE, REAL, KELVIN_LOOKALIKE];

export interface Counted<T> {
  value: T;
  /** Reads so far: property gets, key listings, own-property checks, through every nested object. */
  readonly steps: () => number;
}

/**
 * Wraps `root` so every read through it — at any depth — is counted. Objects are wrapped as they are
 * reached, once each, so the wrapper costs nothing for parts the reader never looks at.
 */
export function counted<T>(root: T): Counted<T> {
  let steps = 0;
  const wrapped = new WeakMap<object, object>();
  const wrap = (v: unknown): unknown => {
    if (!isContainer(v)) return v;
    const known = wrapped.get(v);
    if (known) return known;
    const p = new Proxy(v, {
      get(t, k, r) {
        steps++;
        return wrap(Reflect.get(t, k, r));
      },
      ownKeys(t) {
        steps++;
        return Reflect.ownKeys(t);
      },
      getOwnPropertyDescriptor(t, k) {
        steps++;
        return Reflect.getOwnPropertyDescriptor(t, k);
      },
      has(t, k) {
        steps++;
        return Reflect.has(t, k);
      },
    });
    wrapped.set(v, p);
    return p;
  };
  return { value: wrap(root) as T, steps: () => steps };
}
