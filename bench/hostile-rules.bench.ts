// Hostile rules against hostile posts: the rule sets of tests/fixtures/hostile-rules (the largest set
// inside the budgets of src/core/rule-budget.ts, and the over-budget files, which compile skips)
// classifying 10,000-character posts built to cost the most: one letter repeated, random mixed case
// across scripts, CJK, letter pairs that pass every text probe. Prints compile time per rule set and
// classify time per item: the first item (cold: RE2 builds its DFA states) and the worst of the
// repeats that follow, in CPU time. Asserts nothing.
//
//   npm run bench -- hostile
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotRules } from '../src/background/snapshot';
import { classify } from '../src/core/classify';
import { compileSnapshot, type CompiledRuleset } from '../src/core/compile';
import type { FeedItem } from '../src/core/model';
import { re2 } from '../src/core/re2';
import { Rule } from '../src/core/rules';
import { Settings } from '../src/core/settings';
import { fmt, loadNote, row } from './lib/measure';

const FIXTURES = join(process.cwd(), 'tests/fixtures/hostile-rules');
const SETTINGS = Settings.parse({ sites: { x: { enabled: true } } });
const LENGTH = 10_000;
const REPEATS = 5;

let seed = 0x2545f491;
const random = (): number => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 0x100000000;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const build = (f: () => string): string => {
  let s = '';
  while (s.length < LENGTH) s += f();
  return s.slice(0, LENGTH);
};

/** Letter ranges of several scripts, both cases where the script has them: no digits, no "_". */
const SCRIPTS: readonly [number, number][] = [[0x41, 26], [0x61, 26], [0x410, 32], [0x430, 32], [0x391, 17], [0x3b1, 25], [0x5d0, 27], [0xe01, 46], [0x4e00, 2000], [0xac00, 2000]];

/** Fresh hostile posts each call, so no repeat is served from a DFA the previous one warmed. */
const POSTS: Record<string, () => string> = {
  'one letter': () => 'a'.repeat(LENGTH),
  'random a–z': () => build(() => String.fromCharCode(97 + Math.floor(random() * 26))),
  'ab pairs and a few words': () => build(() => (random() < 0.9 ? 'ab' : ` q${String.fromCharCode(97 + Math.floor(random() * 26))} `)),
  'mixed case, mixed scripts': () => build(() => { const [from, n] = pick(SCRIPTS); return String.fromCodePoint(from + Math.floor(random() * n)); }),
  'CJK run': () => build(() => String.fromCodePoint(0x4e00 + Math.floor(random() * 20_000))),
  'Cyrillic and Latin words': () => build(() => `${String.fromCodePoint(0x410 + Math.floor(random() * 32))}${'абвгдеabcdef'.slice(Math.floor(random() * 6), 6 + Math.floor(random() * 6))} `),
};

const post = (text: string, n: number): FeedItem => ({
  site: 'x',
  id: `p${n}`,
  permalink: `https://x.com/stranger/status/${n}`,
  kind: 'reply',
  context: 'notifications',
  text,
  linkDomains: [],
  inOwnThread: false,
  promoted: false,
  author: { id: 's1', handle: 'stranger', displayName: 'Stranger', followed: false, followsYou: false, verified: 'none', bot: false, accountAgeDays: 1000, orgProfile: false },
});

function loadRules(name: string): Rule[] {
  const raw = (JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as { rules: unknown[] }).rules;
  // Over-budget files would not import: take them as they would sit in storage, unchecked, for compile to deal with.
  return raw.map((r) => {
    const parsed = Rule.safeParse(r);
    return parsed.success ? parsed.data : (r as Rule);
  });
}

const ms = (t: number): string => `${fmt(t, 2)} ms`;
/** This process's CPU milliseconds (user + system): on a machine shared with other work, steadier than wall time. */
const time = (fn: () => void): number => {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

console.log(`hostile rules — ${fmt(LENGTH)}-character posts, node ${process.version}; ${loadNote()}`);

let sink = 0;
let worstWarm = 0;
let worstCold = 0;
const SETS = ['largest-passing.json', 'pn-repeat-1000.json', 'regex-leaves-10000.json', 'nested-counts.json', 'regex-alternatives-240.json', 'huge-literals.json', 'many-handles.json', 'max-depth-wide.json'];
for (const name of SETS) {
  const rules = loadRules(name);
  let rs: CompiledRuleset | null = null;
  const compile = time(() => {
    rs = compileSnapshot({ revision: 1, settings: SETTINGS, rules: snapshotRules(rules), allowlist: [], follows: [], overrides: [] }, { regex: re2 });
  });
  const compiled = rs as unknown as CompiledRuleset;
  console.log(`\n${name}: ${fmt(rules.length)} rules, ${fmt(compiled.rules.length)} compiled, ${fmt(rules.filter((r) => r.enabled).length - compiled.rules.length)} left out over budget (background/snapshot.ts)`);
  row('compileSnapshot', ms(compile));
  let n = 0;
  for (const [label, make] of Object.entries(POSTS)) {
    const cold = time(() => {
      sink += classify(post(make(), n++), compiled).why.say.length;
    });
    let warm = 0;
    for (let i = 0; i < REPEATS; i++) {
      const text = make();
      warm = Math.max(warm, time(() => {
        sink += classify(post(text, n++), compiled).why.say.length;
      }));
    }
    worstCold = Math.max(worstCold, cold);
    worstWarm = Math.max(worstWarm, warm);
    row(`classify, ${label}`, `first ${ms(cold)}, worst of next ${REPEATS} ${ms(warm)}`);
  }
}
console.log('');
row('worst first item (any set, any post)', ms(worstCold));
row(`worst later item (any set, any post)`, ms(worstWarm));
if (sink < 0) console.log(sink);
