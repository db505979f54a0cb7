// Schema upgrades. Each runs inside Dexie's versionchange transaction: it either completes or the
// database stays at the old version with the old data.
import type { Transaction } from 'dexie';
import { REASON_CODES, type ItemKind, type ReasonCode } from '../core/model';
import { SETTINGS_ROW_KEY, salvageSettings } from './settings-parse';

const REASONS: ReadonlySet<string> = new Set(REASON_CODES);

/**
 * v1 logged only the rule id. The id says which step of classify decided (`user:<id>`, `site:paused`,
 * `policy:<policy>:<step>`), which is enough to recover the reason code.
 */
export function reasonCodeFromRuleId(ruleId: string, kind: ItemKind | string): ReasonCode {
  if (ruleId.startsWith('user:')) return 'user-rule';
  if (ruleId === 'site:paused') return 'site-paused';
  const parts = ruleId.split(':');
  if (parts[0] !== 'policy') return 'default';
  if (parts.length === 2 && parts[1] === 'off') return 'off';
  const step = parts[2] ?? '';
  if (step === 'brand') return kind === 'mention' ? 'brand-mention' : 'brand-reply';
  return REASONS.has(step) ? (step as ReasonCode) : 'default';
}

const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** v1 stored settings flat, one row per dotted key (`policy`, `sites.x.enabled`, `log.maxEntries`). */
export function unflattenSettings(rows: readonly { key: string; value: unknown }[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    const path = key.split('.');
    if (path.some((part) => UNSAFE_KEYS.has(part))) continue;
    let node = out;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      if (typeof next !== 'object' || next === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[path[path.length - 1] ?? ''] = value;
  }
  return out;
}

export async function migrateV1toV2(tx: Transaction): Promise<void> {
  const settings = tx.table<{ key: string; value: unknown }, string>('settings');
  const rows = await settings.toArray();
  const merged = salvageSettings(unflattenSettings(rows));
  await settings.clear();
  await settings.put({ key: SETTINGS_ROW_KEY, value: merged });

  await tx.table('log').toCollection().modify((row: { ruleId?: unknown; kind?: unknown; reasonCode?: unknown }) => {
    if (typeof row.reasonCode === 'string' && REASONS.has(row.reasonCode)) return;
    row.reasonCode = reasonCodeFromRuleId(String(row.ruleId ?? ''), String(row.kind ?? ''));
  });

  await tx.table('accounts').toCollection().modify((row: { displayName?: unknown; seenAt?: unknown }) => {
    if (typeof row.displayName !== 'string') row.displayName = '';
    if (typeof row.seenAt !== 'number') row.seenAt = 0;
  });
}
