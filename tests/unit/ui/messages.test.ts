// Every string the pages ask for exists in _locales/en/messages.json, with a placeholder for each
// $n it uses; message names are valid for both Chrome and Firefox.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, ITEM_KINDS, PAGE_CONTEXTS, REASON_CODES, VERIFIED_KINDS } from '../../../src/core/model';
import { SECTIONS } from '../../../src/options/sections';

const root = join(__dirname, '../../..');
const messages = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8')) as Record<
  string, { message: string; placeholders?: Record<string, { content: string }> }
>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

const sources = ['src/ui', 'src/popup', 'src/options'].flatMap((d) => files(join(root, d))).map((f) => readFileSync(f, 'utf8'));

describe('messages.json', () => {
  it('keeps the manifest\'s keys', () => {
    expect(messages.extName?.message).toBe('Doorman');
    expect(messages.extDescription?.message).toBeTruthy();
  });

  it('has every literal key passed to t()', () => {
    const keys = new Set<string>();
    for (const src of sources) {
      for (const m of src.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(m[1]!);
      for (const m of src.matchAll(/\bt\([^()'`]*\?\s*'([A-Za-z0-9_]+)'\s*:\s*(?:[^()'`]*\?\s*)?'([A-Za-z0-9_]+)'/g)) {
        keys.add(m[1]!);
        keys.add(m[2]!);
      }
      for (const m of src.matchAll(/\btn\(\s*'([A-Za-z0-9_]+)'/g)) {
        keys.add(`${m[1]}_one`);
        keys.add(`${m[1]}_other`);
      }
    }
    expect(keys.size).toBeGreaterThan(150);
    const missing = [...keys].filter((k) => !messages[k]);
    expect(missing).toEqual([]);
  });

  it('has every key built from a code', () => {
    const built = [
      ...REASON_CODES.map((c) => `reason_${c.replace(/-/g, '_')}`),
      ...ACTIONS.map((c) => `action_${c}`),
      ...ITEM_KINDS.map((c) => `kind_${c}`),
      ...PAGE_CONTEXTS.map((c) => `context_${c}`),
      ...VERIFIED_KINDS.map((c) => `verified_${c}`),
      ...['off', 'balanced', 'strict'].flatMap((p) => [`policy_${p}`, `policyDesc_${p}`]),
      ...['working', 'degraded', 'paused', 'waiting'].map((s) => `status_${s}`),
      ...SECTIONS.flatMap((s) => [`section_${s}`, `sectionLead_${s}`]),
      ...['show', 'label', 'collapse', 'hide'].map((a) => `actionHint_${a}`),
      ...['interaction', 'interruption'].map((c) => `class_${c}`),
      ...['contains', 'word', 'regex'].flatMap((m) => [`textMode_${m}`, `textPlaceholder_${m}`, `describeText_${m}`]),
      ...['true', 'false', 'unknown'].flatMap((v) => [`describeFollowed_${v}`, `describeFollowsYou_${v}`]),
      ...['page', 'following_list', 'import'].map((s) => `followSource_${s}`),
      ...['promoted', 'bot', 'inOwnThread', 'allowlisted'].flatMap((p) => [`condNote_${p}`, `describe_${p}`]),
      ...['countRules', 'countAllowed', 'countFollows', 'countOverrides', 'countLog'],
    ];
    expect(built.filter((k) => !messages[k])).toEqual([]);
  });

  it('uses valid names and declares a placeholder for every $NAME$ it uses', () => {
    for (const [key, m] of Object.entries(messages)) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      const used = [...new Set([...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => x[1]!.toLowerCase()))];
      const declared = Object.keys(m.placeholders ?? {});
      expect(used.sort(), key).toEqual(declared.sort());
      for (const p of Object.values(m.placeholders ?? {})) expect(p.content).toMatch(/^\$[1-9]$/);
    }
  });
});
