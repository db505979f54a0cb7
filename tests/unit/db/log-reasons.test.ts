// The log across the change to reasons as data: a database written before it (entries with only
// their English sentence) opens with today's code and every entry still shows its reason, beside
// new entries worded in the UI language; a backup of the old shape restores; an entry with no
// reason at all is refused where entries enter.
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_V2 } from '../../../src/db/database';
import { addLogEntries, queryLog } from '../../../src/db/log';
import { exportBackup, restoreBackup } from '../../../src/db/transfer';
import { LogEntryInput } from '../../../src/shared/messages';
import { reasonSentence } from '../../../src/ui/reasons';
import { useUiLanguage } from '../ui/catalogue';
import { dropAll, freshDb, logEntry, rawDb, uniqueName } from './helpers';

let restoreLanguage: (() => void) | undefined;
afterEach(async () => {
  restoreLanguage?.();
  await dropAll();
});

const OLD_SENTENCES = [
  "Reply from @acme, a brand you don't follow (verified organisation, business profile)",
  'Hidden: ad promoted by @cloudhq',
  'Collapsed by your rule “Bots”',
];

/** An entry as today's code logs it: its reason as data, no sentence. */
function fresh(itemId: string, why: LogEntryInput['why'], at = 5_000): LogEntryInput {
  const { reason: _reason, ...e } = logEntry(itemId, { at, why });
  return e;
}

/** The log exactly as the version before wrote it: `reason` the English sentence, no `why`. */
async function seedOldLog(name: string): Promise<void> {
  const old = rawDb(name);
  old.version(2).stores(SCHEMA_V2);
  await old.open();
  await old.table('log').bulkAdd(OLD_SENTENCES.map((reason, i) => {
    const { why: _why, ...e } = logEntry(`old${i}`, { at: 1_000 + i });
    return { ...e, reason };
  }));
  old.close();
}

describe('the log written before reasons were data', () => {
  it('opens with today\'s code; old entries show their sentence, new ones the UI language\'s', async () => {
    const name = uniqueName();
    await seedOldLog(name);
    const db = freshDb(name);
    await addLogEntries(db, [fresh('new', { say: 'brand', who: 'acme', kind: 'reply', signals: ['organization'] })]);
    restoreLanguage = useUiLanguage('es');
    const shown = (await queryLog(db)).map((e) => [e.itemId, reasonSentence(e)]);
    expect(shown).toEqual([
      ['new', 'Respuesta de @acme, una marca que no sigues (organización verificada)'],
      ['old2', OLD_SENTENCES[2]],
      ['old1', OLD_SENTENCES[1]],
      ['old0', OLD_SENTENCES[0]],
    ]);
    // Filtering by reason code works on both.
    expect((await queryLog(db, { reasonCode: 'brand-reply' })).length).toBe(4);
  });

  it('a backup of old entries restores and exports them unchanged, beside new ones', async () => {
    const name = uniqueName();
    await seedOldLog(name);
    const db = freshDb(name);
    await addLogEntries(db, [fresh('new', { say: 'ad', who: 'cloudhq' })]);
    const backup = JSON.stringify(await exportBackup(db));
    const other = freshDb();
    expect((await restoreBackup(other, backup)).log).toBe(4);
    const back = await queryLog(other);
    expect(back.filter((e) => e.reason !== undefined).map((e) => e.reason).sort()).toEqual([...OLD_SENTENCES].sort());
    expect(back.find((e) => e.itemId === 'new')?.why).toEqual({ say: 'ad', who: 'cloudhq' });
  });
});

describe('LogEntryInput', () => {
  it('takes the new shape and the old one, and refuses an entry with no reason at all', () => {
    const { why: _why, reason: _reason, ...bare } = logEntry('1', { why: { say: 'ad' } });
    expect(LogEntryInput.safeParse({ ...bare, why: { say: 'ad', who: 'x' } }).success).toBe(true);
    expect(LogEntryInput.safeParse({ ...bare, reason: 'Hidden: ad promoted by @x' }).success).toBe(true);
    expect(LogEntryInput.safeParse(bare).success).toBe(false);
    expect(LogEntryInput.safeParse({ ...bare, why: { say: 'not-a-sentence' } }).success).toBe(false);
  });
});
