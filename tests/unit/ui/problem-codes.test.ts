// Every problem Doorman can report (src/core/problem.ts) has a message in English, Spanish and German
// taking exactly its arguments ($1…$n, no more, no fewer), every translated word (terms) and release
// note exists in each; rendered in Spanish and German, no problem says an English phrase; and the
// pages' renderer frames an error that is not Doorman's instead of showing its text as the line.
import { afterEach, describe, expect, it } from 'vitest';
import { PROBLEM_CODES, PROBLEM_TERMS, ProblemError, problem, type Problem, type ProblemArg, type ProblemCode } from '../../../src/core/problem';
import { RELEASE_NOTES } from '../../../src/shared/release-notes';
import { errorDetail, errorText, problemText, storedProblemText } from '../../../src/ui/problems';
import { StorageWriteError } from '../../../src/db/faults';
import { inEnglish, problemIn, readLocale, useUiLanguage, type Messages } from './catalogue';

const LANGS = ['en', 'es', 'de', 'fr', 'ar'] as const;
const catalogues: Record<string, Messages> = Object.fromEntries(LANGS.map((l) => [l, readLocale(l)]));
const CODES = Object.keys(PROBLEM_CODES) as ProblemCode[];

/** The $n a message substitutes, through its named placeholders or written bare, sorted. */
function substitutions(m: Messages[string]): number[] {
  const named = [...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => {
    const content = Object.entries(m.placeholders ?? {}).find(([k]) => k.toLowerCase() === x[1]!.toLowerCase())?.[1].content ?? '';
    return Number(/^\$([1-9])$/.exec(content)?.[1] ?? NaN);
  });
  const bare = [...m.message.replace(/\$[A-Za-z0-9_@]+\$/g, '').matchAll(/\$([1-9])/g)].map((x) => Number(x[1]));
  return [...new Set([...named, ...bare])].sort((a, b) => a - b);
}

describe('problem messages', () => {
  it.each(LANGS)('%s has every problem code, each taking exactly its arguments', (lang) => {
    const wrong = CODES.flatMap((code) => {
      const m = catalogues[lang]![`problem_${code}`];
      if (!m) return [`${code}: missing`];
      const want = Array.from({ length: PROBLEM_CODES[code] }, (_, i) => i + 1);
      const got = substitutions(m);
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${code}: substitutes ${got.join(',') || 'nothing'}, takes ${want.join(',') || 'nothing'}`];
    });
    expect(wrong).toEqual([]);
  });

  it.each(LANGS)('%s has every term and every release note', (lang) => {
    const keys = [...PROBLEM_TERMS.map((t) => `problemTerm_${t}`), ...Object.values(RELEASE_NOTES)];
    expect(keys.filter((k) => !catalogues[lang]![k]?.message)).toEqual([]);
  });

  it('no catalogue has a problem message for a code that does not exist', () => {
    for (const lang of LANGS) {
      const stray = Object.keys(catalogues[lang]!).filter((k) => k.startsWith('problem_') && !(k.slice('problem_'.length) in PROBLEM_CODES));
      expect(stray, lang).toEqual([]);
    }
  });
});

// -------------------------------------------------------------------------------------- rendering

/** Sample arguments: data that reads the same in every language (a name, a number), so only the message's words differ. */
function sample(code: ProblemCode): Problem {
  const args: ProblemArg[] = Array.from({ length: PROBLEM_CODES[code] }, (_, i) => (i % 2 === 0 ? `Zq${i}` : 7 + i));
  return problem(code, ...args);
}

/**
 * Runs of three English words from the English rendering that the other rendering repeats. Data in
 * the arguments, domain names (alice.bsky.social), and what a message quotes on purpose — Mastodon's
 * own CSV header, which is English in every export — are not words of the message.
 */
function englishRuns(english: string, other: string): string[] {
  const words = (s: string): string[] =>
    s.replace(/“Account address,Show boosts,…”|«Account address,Show boosts,…»|„Account address,Show boosts,…“/g, ' ')
      .replace(/[\w.-]+\.[a-z]{2,}\b/gi, ' ')
      .replace(/\\p\{L\}|\[a-z\]|\{n\}|follows\[\d+\]/g, ' ')
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length > 0 && !/^zq$/.test(w));
  const theirs = ` ${words(other).join(' ')} `;
  const mine = words(english);
  const runs: string[] = [];
  for (let i = 0; i + 3 <= mine.length; i++) {
    const run = mine.slice(i, i + 3).join(' ');
    if (theirs.includes(` ${run} `)) runs.push(run);
  }
  return runs;
}

describe('problems rendered', () => {
  it.each(['es', 'de', 'fr', 'ar'])('in %s, no problem says an English phrase, and each says something other than English', (lang) => {
    const found = CODES.flatMap((code) => {
      const p = sample(code);
      const en = problemIn('en', p);
      const other = problemIn(lang, p);
      const runs = englishRuns(en, other);
      const same = other === en && /\p{L}{3}/u.test(en.replace(/Zq\d/g, '')) ? ['the same as English'] : [];
      return [...runs, ...same].map((r) => `${code}: ${r} («${other}»)`);
    });
    expect(found).toEqual([]);
    // The check sees an untranslated message: English against itself is all English runs.
    const untranslated = problemIn('en', sample('storageBlocked'));
    expect(englishRuns(untranslated, untranslated).length).toBeGreaterThan(10);
  });

  it('renders nested problems, paths, lists, terms and numbers in the language', () => {
    const p = problem('at', { path: ['rules', 3, 'when', 'of', 0, 'pattern'] }, { problem: problem('ruleNamed', 'Promo', { problem: problem('regexAlternatives', 1234, 200) }) });
    expect(problemIn('en', p)).toBe('rules[3].when.of[0].pattern: Rule “Promo”: its pattern has 1,234 alternatives (|); the limit is 200 — split it over several rules');
    expect(problemIn('de', p)).toBe(
      'rules[3].when.of[0].pattern: Regel „Promo“: ihr Muster hat 1.234 Alternativen (|); die Grenze liegt bei 200 – verteilen Sie es auf mehrere Regeln',
    );
    const tags = problem('unknownType', { list: ['all', 'any', 'not'] });
    expect(problemIn('en', tags)).toBe('unknown type; expected one of all, any, not');
    expect(problemIn('es', tags)).toBe('tipo desconocido; se esperaba uno de estos: all, any, not');
    expect(problemIn('de', problem('expected', { term: 'array' }))).toBe('erwartet wurde eine Liste');
    // A term this version has no word for is shown as it is.
    expect(problemIn('de', problem('expected', { term: 'symbol' }))).toBe('erwartet wurde symbol');
    expect(problemIn('es', problem('fileTooBig', 80.3, 50))).toBe('el archivo es demasiado grande (80,3 MB; el límite es 50 MB)');
  });

  it('a problem nested without end is cut, never a stack overflow', () => {
    let p: Problem = problem('invalid');
    for (let i = 0; i < 10_000; i++) p = problem('thisRule', { problem: p });
    expect(inEnglish(p)).toMatch(/^This rule: This rule: .*…$/);
  });
});

describe('errors on the pages', () => {
  let undo: (() => void) | undefined;
  afterEach(() => undo?.());

  it('a problem error is rendered; an error that is not ours is framed, its own words kept', () => {
    undo = useUiLanguage('de');
    const ours = new ProblemError(problem('at', { path: ['version'] }, { problem: problem('newerVersion', '2', '1') }));
    expect(errorText(ours)).toBe('version: diese Datei hat Version 2 und stammt von einem neueren Doorman; dieser liest Version 1');
    expect(errorDetail(ours)).toBe(errorText(ours));
    const foreign = new DOMException('The operation failed for reasons unrelated to the database itself.', 'UnknownError');
    expect(errorText(foreign)).toBe('Etwas ist schiefgelaufen: The operation failed for reasons unrelated to the database itself.');
    // Inside a message that is its own frame ("Das hat nicht geklappt: …") the foreign words go in alone.
    expect(errorDetail(foreign)).toBe('The operation failed for reasons unrelated to the database itself.');
    expect(errorText('a thrown string')).toBe('Etwas ist schiefgelaufen: a thrown string');
  });

  it('a storage failure says what the browser refused, in the language, with the browser\'s own detail', () => {
    undo = useUiLanguage('es');
    const e = new StorageWriteError('quota', 'QuotaExceededError: full');
    expect(errorText(e)).toMatch(/^el almacenamiento del navegador para extensiones está lleno, así que no se escribió nada \(QuotaExceededError: full\)/);
    // Its English message stays for logs.
    expect(e.message).toMatch(/^the browser's storage for extensions is full/);
  });

  it('a stored problem is rendered; an old state with only its English sentence still shows it', () => {
    undo = useUiLanguage('de');
    expect(storedProblemText({ code: 'syncRefused', args: ['MAX_ITEMS'] }, undefined)).toBe(
      'Der Browser hat die Synchronisierung abgelehnt (MAX_ITEMS). Alles bleibt auf diesem Gerät; Doorman versucht es bei der nächsten Änderung erneut.',
    );
    expect(storedProblemText(undefined, 'Too big to sync: …')).toBe('Too big to sync: …');
    expect(storedProblemText({ code: 'noSuchCode' }, 'The old sentence')).toBe('The old sentence');
    expect(problemText({ code: 'invalid' })).toBe('ungültiger Wert');
  });
});
