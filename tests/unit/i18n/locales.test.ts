// Every translation under public/_locales is complete against English: exactly en's keys, the same
// placeholders (named ones with the same $n content, and any bare $1..$9), no empty message, and no
// message left in English where English has words, no description changed from English (a short, explicit list of words that are the same
// in the other language is allowed). The manifest's own strings stay within Chrome's length limits.
// Counted messages (`<key>_one` + `<key>_other` in English, chosen by ui/i18n.ts tn()) follow each
// language's own plural forms (Intl.PluralRules): Arabic has `_zero`, `_one`, `_two`, `_few`, `_many`
// and `_other`, French `_one` and `_other` (its `_many`, for millions, may be left to `_other`).
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
const SAME_AS_ENGLISH_ANY = ['Doorman', 'X', 'OK', 'CSV', 'JSON', '$P1$, $P2$' /* a list of two placeholders */];
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  es: ['no'], // triFalse
  de: ['Name', 'Thread', 'Repost', 'Organisation', 'Domain'], // loanwords and cognates
  fr: ['Site', 'Sites', 'Mention', 'mention', 'Message', 'Notification', 'notification', 'Notifications', 'notifications', 'Condition', 'Conditions', 'Organisation', 'Strict'],
};
const sameAsEnglish = (lang: string): ReadonlySet<string> => new Set([...SAME_AS_ENGLISH_ANY, ...(SAME_AS_ENGLISH[lang] ?? [])]);

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

const PLURAL_ORDER: readonly Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** English's counted messages: the `<key>` of every `<key>_one` that has a `<key>_other`. */
function pluralFamilies(en: Catalogue): Set<string> {
  return new Set(Object.keys(en).filter((k) => k.endsWith('_one') && `${k.slice(0, -4)}_other` in en).map((k) => k.slice(0, -4)));
}

/** The plural forms `lang` may have (all of Intl's), and those it must have: every form a count 0–200 takes. */
function pluralForms(lang: string): { allowed: Set<string>; required: Set<string> } {
  const rules = new Intl.PluralRules(lang);
  const required = new Set<string>();
  for (let n = 0; n <= 200; n++) required.add(rules.select(n));
  return { allowed: new Set(rules.resolvedOptions().pluralCategories), required };
}

/** `key` as a form of one of `families` ("logTotal_few" → ["logTotal", "few"]), or undefined. */
function pluralForm(key: string, families: ReadonlySet<string>): [string, Intl.LDMLPluralRule] | undefined {
  const cut = key.lastIndexOf('_');
  const form = key.slice(cut + 1) as Intl.LDMLPluralRule;
  return cut > 0 && families.has(key.slice(0, cut)) && PLURAL_ORDER.includes(form) ? [key.slice(0, cut), form] : undefined;
}

/** Every way `other` (in `lang`) falls short of `en`, one line each, naming the key. */
function catalogueProblems(en: Catalogue, other: Catalogue, lang = 'en'): string[] {
  const problems: string[] = [];
  const families = pluralFamilies(en);
  const forms = pluralForms(lang);
  const same = sameAsEnglish(lang);
  for (const key of Object.keys(en)) if (!pluralForm(key, families) && !(key in other)) problems.push(`missing key ${key}`);
  for (const family of families) {
    for (const form of PLURAL_ORDER) {
      if (forms.required.has(form) && !(`${family}_${form}` in other)) problems.push(`missing key ${family}_${form}`);
    }
  }
  for (const [key, m] of Object.entries(other)) {
    const plural = pluralForm(key, families);
    // A counted form takes English's `_one` (for `one`) or `_other` as its source.
    const source = plural ? en[`${plural[0]}_${plural[1] === 'one' ? 'one' : 'other'}`] : en[key];
    if (!source || (plural && !forms.allowed.has(plural[1]))) {
      problems.push(plural ? `extra key ${key} (${lang} has no "${plural[1]}" plural form)` : `extra key ${key}`);
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
    // The zero, one and two forms may name their count in words ("عنصران", two items): the count
    // (the placeholder for $1) may be left out there, nothing else.
    const count = Object.entries(source.placeholders ?? {}).find(([, p]) => p.content === '$1')?.[0].toLowerCase();
    const mayDropCount = plural !== undefined && ['zero', 'one', 'two'].includes(plural[1]);
    const sourceRefs = namedRefs(source.message);
    const refs = namedRefs(m.message);
    const expected = mayDropCount && count !== undefined && !refs.includes(count) ? sourceRefs.filter((r) => r !== count) : sourceRefs;
    if (JSON.stringify(refs) !== JSON.stringify(expected)) {
      problems.push(`${key}: uses $${refs.join('$, $')}$ where English uses $${sourceRefs.join('$, $')}$`);
    }
    if (JSON.stringify(bareRefs(m.message)) !== JSON.stringify(bareRefs(source.message))) {
      problems.push(`${key}: substitutes $${bareRefs(m.message).join(', $')} where English substitutes $${bareRefs(source.message).join(', $')}`);
    }
    if (JSON.stringify(placeholderContents(m)) !== JSON.stringify(placeholderContents(source))) {
      problems.push(`${key}: placeholders ${JSON.stringify(placeholderContents(m))} differ from English ${JSON.stringify(placeholderContents(source))}`);
    }
    if (m.message === source.message && hasWords(source.message) && !same.has(m.message)) {
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

  describe('counted messages, by each language\'s plural forms', () => {
    const counted: Catalogue = {
      n_one: { message: '$P1$ item', placeholders: { p1: { content: '$1' } } },
      n_other: { message: '$P1$ items on $P2$', placeholders: { p1: { content: '$1' }, p2: { content: '$2' } } },
    };
    const form = (message: string, more = false): Message =>
      ({ message, placeholders: more ? { p1: { content: '$1' }, p2: { content: '$2' } } : { p1: { content: '$1' } } });
    const arabic: Catalogue = {
      n_zero: form('لا عناصر على $P2$', true),
      n_one: form('عنصر واحد'),
      n_two: form('عنصران على $P2$', true),
      n_few: form('$P1$ عناصر على $P2$', true),
      n_many: form('$P1$ عنصرًا على $P2$', true),
      n_other: form('$P1$ عنصر على $P2$', true),
    };

    it('asks Arabic for its six forms, and lets zero, one and two name the count in words', () => {
      expect(catalogueProblems(counted, arabic, 'ar')).toEqual([]);
      const { n_two: _two, n_many: _many, ...short } = arabic;
      expect(catalogueProblems(counted, short, 'ar')).toEqual(['missing key n_two', 'missing key n_many']);
    });

    it('keeps every other placeholder, and the count in few, many and other', () => {
      expect(catalogueProblems(counted, { ...arabic, n_few: form('عناصر على $P2$', true) }, 'ar'))
        .toEqual([expect.stringMatching(/^n_few: uses \$p2\$ where English uses \$p1\$, \$p2\$/)]);
      expect(catalogueProblems(counted, { ...arabic, n_two: form('عنصران', true) }, 'ar'))
        .toEqual([expect.stringMatching(/^n_two: uses/)]);
    });

    it('refuses a form the language does not have, and needs only one and other in French', () => {
      const french: Catalogue = { n_one: form('$P1$ élément'), n_other: form('$P1$ éléments sur $P2$', true) };
      expect(catalogueProblems(counted, french, 'fr')).toEqual([]);
      expect(catalogueProblems(counted, { ...french, n_many: form('$P1$ d\'éléments sur $P2$', true) }, 'fr')).toEqual([]);
      expect(catalogueProblems(counted, { ...french, n_two: form('$P1$ éléments sur $P2$', true) }, 'fr'))
        .toEqual(['extra key n_two (fr has no "two" plural form)']);
      expect(catalogueProblems(counted, arabic, 'en')).toEqual([
        'extra key n_zero (en has no "zero" plural form)', 'extra key n_two (en has no "two" plural form)',
        'extra key n_few (en has no "few" plural form)', 'extra key n_many (en has no "many" plural form)',
      ]);
    });
  });

  it('holds the manifest description to Chrome\'s limit', () => {
    const long = 'a'.repeat(133);
    expect(catalogueProblems({ ...base, extDescription: { message: 'Short' } }, { ...good, extDescription: { message: long } }))
      .toEqual(['extDescription: 133 characters, over the manifest\'s 132']);
  });
});

describe('public/_locales', () => {
  it('has Spanish, German, French and Arabic besides English', () => {
    expect(locales).toEqual(expect.arrayContaining(['ar', 'de', 'es', 'fr']));
  });

  it('English itself is within the manifest limits and has no empty message', () => {
    expect(Object.keys(en).length).toBeGreaterThan(100);
    expect(Object.entries(en).filter(([, m]) => m.message.trim() === '').map(([k]) => k)).toEqual([]);
    for (const [key, max] of Object.entries(MANIFEST_LIMITS)) expect([...en[key]!.message].length, key).toBeLessThanOrEqual(max);
  });

  it.each(locales)('%s has every English key, placeholder and message, translated', (lang) => {
    expect(catalogueProblems(en, load(lang), lang)).toEqual([]);
  });
});
