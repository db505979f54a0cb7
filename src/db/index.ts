// The database layer's public face: the popup, options page and shared UI reach storage only through
// this module (lint forbids them src/db/<file>), so what they may touch is listed in one place and
// the files behind it can be split or renamed without chasing imports. The background and tests
// still import the files directly: they need the internals (pruning, revisions, migrations).
export { liveQuery } from 'dexie';
export { getDb, type DoormanDB, type LogRow } from './database';
export { addAllow, listAllowlist, removeAllow, unreadableAllowRows } from './allowlist';
export { clearFollows, countFollows, listFollows } from './follows';
export { accountRowKeys } from './keys';
export { clearLog, countLog } from './log';
export { notifyChanged } from './notify';
export {
  listAccountOverrides, listOverrides, setBrandOverride, unreadableOverrideRows, type AccountOverride, type BrandChoice,
} from './overrides';
export { deleteRule, listRules, moveRule, saveRule, setRuleEnabled, unreadableRules } from './rules';
export { StorageWriteError, faultDetail, storageFaultKind, type StorageFaultKind } from './faults';
export { issueProblem } from './validation';
export type { UnreadableRow } from './unreadable';
export { getSettings, unreadableSettings, updateSettings, type SettingsPatch } from './settings';
export {
  exportBackup, exportRules, importRules, parseBackupFile, parseRulesFile, restoreBackup, toJson, type BackupFile, type RulesFile,
} from './transfer';
export { FOLLOW_CAPS } from './follows';
export { importMastodonFollows, parseMastodonFollows, type AppliedFollows, type MastodonImport } from './follow-import';
export {
  BlueskyImportError, importBlueskyFollows, type AppViewFetch, type BlueskyImport, type BlueskyImportErrorKind, type BlueskyProgress,
} from './follow-import-bsky';
export { SYNC_STATE_KEY, chooseSync, readSyncState, syncEnabled, type SyncState } from './sync-state';
export { SYNC_QUOTA } from './sync-chunks';
