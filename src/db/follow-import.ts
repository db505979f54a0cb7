// Follow imports: accounts the user says they follow, read from a file (a Mastodon following-list
// CSV) or from a site's public API (db/follow-import-bsky.ts), applied to the follow graph as the
// user's own word (source 'import': page facts never evict, rebind or delete them). The good accounts
// go in one learnFollowsDelta call, so in one transaction: all of them or, on a storage failure, none.
// What the graph could not keep as an import is counted and said, never dropped silently.
import type { SiteKey } from '../core/model';
import { type BadLine, type MastodonCsv, parseMastodonCsv } from '../core/mastodon-csv';
import { problem } from '../core/problem';
import type { DoormanDB } from './database';
import { asStorageWrite } from './faults';
import { FOLLOW_CAPS, learnFollowsDelta, type FollowFact } from './follows';
import { accountRowKey } from './keys';
import { ImportError, MAX_IMPORT_BYTES, tooBig } from './transfer';

export { ImportError } from './transfer';

/** What applying imported follows did. */
export interface AppliedFollows {
  /** Accounts offered (each once). */
  offered: number;
  /** Accounts past the first FOLLOW_CAPS.trusted offered: not imported at all (no site keeps more imports). */
  notImported: number;
  /** Now stored as the user's own follows (imports; a Following-list row the import names becomes one). */
  kept: number;
  /** Accounts past the site's FOLLOW_CAPS.trusted list-and-import rows: stored as page-learned follows, which may be forgotten when the graph is full. */
  overCap: number;
  /** Accounts the site's account syntax refused (sites/site.ts), not stored. */
  refused: number;
  /** Accounts whose follow a snapshot sees change (new ones, new handles). */
  changed: number;
}

/**
 * Stores `follows` as imports in one transaction and reads back how each one ended up. At most
 * FOLLOW_CAPS.trusted accounts are offered (the first ones): no site keeps more imports, and a batch
 * bigger than the follow graph's cap would outgrow it (learnFollowsDelta never evicts the batch's own
 * rows). The site is data (any SiteKey): an import of a site Doorman does not declare is stored
 * without its account syntax check, as learnFollowsDelta does for any undeclared site.
 */
export async function applyImportedFollows(
  db: DoormanDB,
  site: SiteKey,
  follows: readonly { accountId: string; handle: string }[],
  now = Date.now(),
): Promise<AppliedFollows> {
  const byId = new Map<string, string>();
  for (const f of follows) if (!byId.has(f.accountId)) byId.set(f.accountId, f.handle);
  const unique = [...byId.keys()].slice(0, FOLLOW_CAPS.trusted);
  const facts: FollowFact[] = unique.map((accountId) => ({ accountId, handle: byId.get(accountId) ?? '', following: true }));
  const learned = await asStorageWrite(() => learnFollowsDelta(db, site, facts, 'import', now), (e) => e instanceof ImportError);
  const rows = await db.follows.bulkGet(unique.map((id) => accountRowKey(site, id, '')));
  let kept = 0;
  let overCap = 0;
  let refused = 0;
  for (const row of rows) {
    if (!row) refused += 1;
    else if (row.source === 'page') overCap += 1;
    else kept += 1;
  }
  return { offered: byId.size, notImported: byId.size - unique.length, kept, overCap, refused, changed: learned.changed };
}

/** A Mastodon following-list import's outcome: the file's rows, and what the follow graph kept. */
export interface MastodonImport extends AppliedFollows {
  rows: number;
  bad: BadLine[];
  badCount: number;
  duplicates: number;
}

/** The file's text, refused by its size before it is read (the limit of every Doorman import). */
export async function readImportText(input: string | Blob): Promise<string> {
  if (typeof input === 'string') {
    const bytes = input.length * 3 <= MAX_IMPORT_BYTES ? input.length : new TextEncoder().encode(input).length;
    if (bytes > MAX_IMPORT_BYTES) throw new ImportError(tooBig(bytes));
    return input;
  }
  if (input.size > MAX_IMPORT_BYTES) throw new ImportError(tooBig(input.size));
  return input.text();
}

export async function parseMastodonFollows(input: string | Blob): Promise<MastodonCsv> {
  const csv = parseMastodonCsv(await readImportText(input));
  if (csv.rows === 0) throw new ImportError(problem('csvNoAccounts'));
  const first = csv.bad[0];
  if (csv.accounts.length === 0) {
    throw new ImportError(first ? problem('csvNoGoodRow', String(first.line), { problem: first.problem }) : problem('csvNoAccounts'));
  }
  return csv;
}

/**
 * Imports a Mastodon following-list CSV into `site`'s follows. The account id is the normalised acct
 * (`user@server`), which is also the handle: Mastodon's numeric ids are per server, and the acct is
 * the one name every server agrees on.
 */
export async function importMastodonFollows(
  db: DoormanDB,
  input: string | Blob,
  { site = 'mastodon', now = Date.now() }: { site?: SiteKey; now?: number } = {},
): Promise<MastodonImport> {
  const csv = await parseMastodonFollows(input);
  const applied = await applyImportedFollows(db, site, csv.accounts.map((acct) => ({ accountId: acct, handle: acct })), now);
  return { ...applied, rows: csv.rows, bad: csv.bad, badCount: csv.badCount, duplicates: csv.duplicates };
}

