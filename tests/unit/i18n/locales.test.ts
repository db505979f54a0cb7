// Every translation under public/_locales is complete against English: exactly en's keys, the same
// placeholders (named ones with the same $n content, and any bare $1..$9), no empty message, and no
// message left in English where English has words, no description changed from English (a short, explicit list of words that are the same
// in the other language is allowed). The manifest's own strings stay within Chrome's length limits.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Catalogue = Record<string, Message>;

const localesDir = join(__dirname, '../../../public/_locales');

function load(lang: string): Catalogue {
  return JSON.parse(readFileSync(join(localesDir, lang, 'messages.json'), 'utf8')) as Catalogue;
}

/**
 * Messages that may read the same as English: names and words the other languages use unchanged.
 * Keep it short; anything else identical to English is an untranslated string.
 */
const SAME_AS_ENGLISH = new Set([
  'Doorman', 'X', 'OK', 'CSV', 'JSON',
  'no', // Spanish "no" (triFalse)
  'Name', 'Thread', 'Repost', 'Organisation', 'Domain', // German loanwords and cognates
  '$P1$, $P2$', // a list of two placeholders has no words to translate
]);

// Chrome's limits for the manifest fields that come from messages (name 75, description 132).
const MANIFEST_LIMITS: Record<string, number> = { extName: 75, extDescription: 132 };

const ALLOWED_FIELDS = new Set(['message', 'description', 'placeholders']);

/** `$NAME$` references in a message, lower-cased (Chrome matches them case-insensitively), sorted. */
function namedRefs(message: string): string[] {
  return [...new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort();
}

/** Bare `$1`..`$9` substitutions written straight into a message (outside `$NAME$` references). */
function bareRefs(message: string): string[] {
  const rest = message.replace(/\$\$/g, '').replace(/\$[A-Za-z0-9_@]+\$/g, '');
  return [...new Set([...rest.matchAll(/\$([1-9])/g)].map((m) => m[1]!))].sort();
}

function placeholderContents(m: Message): Record<string, string> {
  return Object.fromEntries(
    Object.entries(m.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]).sort(([a], [b]) => a!.localeCompare(b!)),
  );
}

function hasWords(message: string): boolean {
  return /\p{L}/u.test(message.replace(/\$[A-Za-z0-9_@]+\$/g, ''));
}

/** Every way `other` falls short of `en`, one line each, naming the key. */
function catalogueProblems(en: Catalogue, other: Catalogue): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(en)) if (!(key in other)) problems.push(`missing key ${key}`);
  for (const [key, m] of Object.entries(other)) {
    const source = en[key];
    if (!source) {
      problems.push(`extra key ${key}`);
      continue;
    }
    if (typeof m?.message !== 'string') {
      problems.push(`${key}: no message`);
      continue;
    }
    for (const field of Object.keys(m)) if (!ALLOWED_FIELDS.has(field)) problems.push(`${key}: unknown field ${field}`);
    if (m.message.trim() === '') problems.push(`${key}: empty message`);
    if (source.description !== undefined && m.description !== undefined && m.description !== source.description) {
      problems.push(`${key}: description differs from English (keep it in English)`);
    }
    if (JSON.stringify(namedRefs(m.message)) !== JSON.stringify(namedRefs(source.message))) {
      problems.push(`${key}: uses $${namedRefs(m.message).join('$, $')}$ where English uses $${namedRefs(source.message).join('$, $')}$`);
    }
    if (JSON.stringify(bareRefs(m.message)) !== JSON.stringify(bareRefs(source.message))) {
      problems.push(`${key}: substitutes $${bareRefs(m.message).join(', $')} where English substitutes $${bareRefs(source.message).join(', $')}`);
    }
    if (JSON.stringify(placeholderContents(m)) !== JSON.stringify(placeholderContents(source))) {
      problems.push(`${key}: placeholders ${JSON.stringify(placeholderContents(m))} differ from English ${JSON.stringify(placeholderContents(source))}`);
    }
    if (m.message === source.message && hasWords(source.message) && !SAME_AS_ENGLISH.has(m.message)) {
      problems.push(`${key}: still English ("${m.message}")`);
    }
  }
  for (const [key, max] of Object.entries(MANIFEST_LIMITS)) {
    const text = other[key]?.message;
    if (text !== undefined && [...text].length > max) problems.push(`${key}: ${[...text].length} characters, over the manifest's ${max}`);
  }
  return problems;
}

const en = load('en');
const locales = readdirSync(localesDir).filter((d) => d !== 'en' && statSync(join(localesDir, d)).isDirectory()).sort();

describe('catalogueProblems', () => {
  const base: Catalogue = {
    hello: { message: 'Hello' },
    count: { message: '$P1$ items on $P2$', placeholders: { p1: { content: '$1' }, p2: { content: '$2' } } },
    raw: { message: 'Seen $1 times' },
    name: { message: 'Doorman' },
  };
  const good: Catalogue = {
    hello: { message: 'Hola' },
    count: { message: '$P1$ elementos en $P2$', placeholders: { p1: { content: '$1' }, p2: { content: '$2' } } },
    raw: { message: 'Visto $1 veces' },
    name: { message: 'Doorman' },
  };

  it('finds nothing wrong in a complete translation', () => {
    expect(catalogueProblems(base, good)).toEqual([]);
  });

  it('names a missing and an extra key', () => {
    const { hello: _dropped, ...rest } = good;
    expect(catalogueProblems(base, { ...rest, helo: { message: 'Hola' } })).toEqual(['missing key hello', 'extra key helo']);
  });

  it('names a dropped, renamed or re-pointed placeholder', () => {
    const dropped = catalogueProblems(base, { ...good, count: { message: '$P1$ elementos', placeholders: { p1: { content: '$1' } } } });
    expect(dropped.every((p) => p.startsWith('count:'))).toBe(true);
    expect(dropped).toHaveLength(2);
    const swapped = catalogueProblems(base, { ...good, count: { message: '$P1$ en $P2$', placeholders: { p1: { content: '$2' }, p2: { content: '$1' } } } });
    expect(swapped).toEqual([expect.stringMatching(/^count: placeholders/)]);
    expect(catalogueProblems(base, { ...good, raw: { message: 'Visto $2 veces' } })).toEqual([expect.stringMatching(/^raw: substitutes \$2/)]);
  });

  it('names an empty message, an English leftover, an unknown field and a translated description, and allows listed names', () => {
    expect(catalogueProblems(base, { ...good, hello: { message: ' ' } })).toEqual(['hello: empty message']);
    expect(catalogueProblems(base, { ...good, hello: { message: 'Hello' } })).toEqual(['hello: still English ("Hello")']);
    expect(catalogueProblems(base, { ...good, hello: { message: 'Hola', note: 'x' } as Message })).toEqual(['hello: unknown field note']);
    expect(catalogueProblems({ ...base, hello: { message: 'Hello', description: 'A greeting' } }, { ...good, hello: { message: 'Hola', description: 'Un saludo' } }))
      .toEqual(['hello: description differs from English (keep it in English)']);
    expect(catalogueProblems(base, good).some((p) => p.startsWith('name:'))).toBe(false);
  });

  it('holds the manifest description to Chrome\'s limit', () => {
    const long = 'a'.repeat(133);
    expect(catalogueProblems({ ...base, extDescription: { message: 'Short' } }, { ...good, extDescription: { message: long } }))
      .toEqual(['extDescription: 133 characters, over the manifest\'s 132']);
  });
});

describe('public/_locales', () => {
  it('has Spanish and German besides English', () => {
    expect(locales).toEqual(expect.arrayContaining(['de', 'es']));
  });

  it('English itself is within the manifest limits and has no empty message', () => {
    expect(Object.keys(en).length).toBeGreaterThan(100);
    expect(Object.entries(en).filter(([, m]) => m.message.trim() === '').map(([k]) => k)).toEqual([]);
    for (const [key, max] of Object.entries(MANIFEST_LIMITS)) expect([...en[key]!.message].length, key).toBeLessThanOrEqual(max);
  });

  it.each(locales)('%s has every English key, placeholder and message, translated', (lang) => {
    expect(catalogueProblems(en, load(lang))).toEqual([]);
  });
});
