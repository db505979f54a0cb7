// Reading stored settings leniently: one bad field falls back to its default instead of losing the rest.
import { Settings, defaultSettings } from '../core/settings';
import { formatPath } from './validation';

export const SETTINGS_ROW_KEY = 'settings';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deletes the value at `path`; when it is missing (a required field), deletes its parent so the parent's default applies. */
function deleteAt(root: Record<string, unknown>, path: readonly PropertyKey[]): boolean {
  for (let depth = path.length; depth > 0; depth--) {
    let node: unknown = root;
    for (const part of path.slice(0, depth - 1)) node = isRecord(node) ? node[String(part)] : undefined;
    const leaf = String(path[depth - 1]);
    if (isRecord(node) && Object.hasOwn(node, leaf)) return delete node[leaf];
  }
  return false;
}

/** `over` laid on `base`, recursing into plain objects; `over` wins wherever it has a value. */
function withDefaults(base: unknown, over: unknown): unknown {
  if (!isRecord(base) || !isRecord(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = withDefaults(base[k], v);
  return out;
}

/**
 * Validates stored settings. Missing fields and each invalid field take their defaults; the rest is
 * kept. Never throws.
 */
export function salvageSettings(raw: unknown): Settings {
  return salvageSettingsReport(raw).settings;
}

/** salvageSettings, also naming each stored field that was invalid and replaced by its default (`log.maxEntries`). */
export function salvageSettingsReport(raw: unknown): { settings: Settings; reset: string[] } {
  const defaults = defaultSettings();
  if (raw === undefined) return { settings: defaults, reset: [] };
  if (!isRecord(raw)) return { settings: defaults, reset: ['settings'] };
  let candidate: Record<string, unknown>;
  try {
    candidate = withDefaults(defaults, structuredClone(raw)) as Record<string, unknown>;
  } catch {
    return { settings: defaults, reset: ['settings'] };
  }
  const reset = new Set<string>();
  // Each pass replaces at least one offending field by its default; the bound only guards against a zod surprise.
  for (let pass = 0; pass < 50; pass++) {
    const parsed = Settings.safeParse(candidate);
    if (parsed.success) return { settings: parsed.data, reset: [...reset] };
    let removed = false;
    for (const issue of parsed.error.issues) {
      if (deleteAt(candidate, issue.path)) {
        removed = true;
        reset.add(formatPath('', issue.path) || 'settings');
      }
    }
    if (!removed) break;
    candidate = withDefaults(defaults, candidate) as Record<string, unknown>;
  }
  return { settings: defaults, reset: ['settings'] };
}
