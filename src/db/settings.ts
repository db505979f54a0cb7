// The user's settings: one validated row. Reads fill defaults and survive a bad field; writes validate.
import { Settings } from '../core/settings';
import type { DoormanDB } from './database';
import { bumpRevision } from './revision';
import { SETTINGS_ROW_KEY, salvageSettings, salvageSettingsReport } from './settings-parse';
import { ProblemError } from '../core/problem';
import { zodProblem } from './validation';

/** What a caller may change: any top-level field, and single entries of `sites` and `log`. */
export interface SettingsPatch {
  policy?: Settings['policy'];
  hideUnsolicitedBrands?: boolean;
  letVerifiedOrganizations?: boolean;
  brandThreshold?: number;
  collapseNetworkSuggestions?: boolean;
  collapseRecommendations?: boolean;
  sites?: Partial<Settings['sites']>;
  log?: Partial<Settings['log']>;
}

export async function getSettings(db: DoormanDB): Promise<Settings> {
  const row = await db.settings.get(SETTINGS_ROW_KEY);
  return salvageSettings(row?.value ?? {});
}

/** Stored settings fields that were invalid and are read as their defaults (the row itself is left as stored). */
export async function unreadableSettings(db: DoormanDB): Promise<string[]> {
  const row = await db.settings.get(SETTINGS_ROW_KEY);
  return salvageSettingsReport(row?.value).reset;
}

function merge(current: Settings, patch: SettingsPatch): unknown {
  return {
    ...current,
    ...patch,
    sites: { ...current.sites, ...patch.sites },
    log: { ...current.log, ...patch.log },
  };
}

/** Applies a patch; throws (naming the field) when the result is invalid, writing nothing. */
export async function updateSettings(db: DoormanDB, patch: SettingsPatch): Promise<Settings> {
  return db.transaction('rw', db.settings, db.meta, async () => {
    const next = Settings.safeParse(merge(await getSettings(db), patch));
    if (!next.success) throw new ProblemError(zodProblem(next.error, ['settings']));
    await db.settings.put({ key: SETTINGS_ROW_KEY, value: next.data });
    await bumpRevision(db);
    return next.data;
  });
}

