// The answers to one filtered item: show it on the page (popup only), always allow its author, or
// say the author is not a brand. Each announces what it did and offers Undo; the focus moves on to
// the next row (ui/entry-focus.ts) rather than falling to the body with the now disabled button.
import type { LogEntryInput } from '../shared/messages';
import { brandOverride, isAllowed, type AccountStatus } from './account-status';
import { useAnnounce } from './announcer';
import { accountOf, allowAccount, setAccountBrand } from './entry-actions';
import { moveFocusOn } from './entry-focus';
import { t } from './i18n';
import { useEnv } from './platform';
import { errorDetail } from './problems';

export function EntryActions({ entry, index, onReveal, compact }: {
  entry: LogEntryInput;
  index: AccountStatus | undefined;
  /** When given, a "Show on page" button calls it. */
  onReveal?: () => void;
  compact?: boolean;
}) {
  const env = useEnv();
  const announce = useAnnounce();
  const who = entry.handle ? `@${entry.handle}` : entry.displayName || entry.authorId;
  const allowed = isAllowed(index, entry.site, entry.authorId, entry.handle);
  const override = brandOverride(index, entry.site, entry.authorId, entry.handle);
  const canName = entry.authorId !== '' || entry.handle !== '';

  const run = async (pressed: HTMLElement, action: () => Promise<() => Promise<unknown>>, message: string) => {
    try {
      const undo = await action();
      announce(message, undo);
      moveFocusOn(pressed);
    } catch (e) {
      announce(t('actionFailed', errorDetail(e)));
    }
  };

  const small = compact ? ' btn--small' : '';
  return (
    <div class="entry-actions" role="group" aria-label={t('entryActionsLabel', who)} data-account={`${entry.site}:${entry.authorId || entry.handle}`}>
      {onReveal && (
        <button type="button" class={`btn btn--quiet${small}`} onClick={onReveal}>
          {t('entryShow')}
        </button>
      )}
      <button
        type="button"
        class={`btn btn--quiet${small}`}
        disabled={allowed || !canName}
        aria-label={allowed ? t('entryAllowedLabel', who) : t('entryAllowLabel', who)}
        data-action="allow"
        onClick={(e) => void run(e.currentTarget, () => allowAccount(env, accountOf(entry)), t('entryAllowedDone', who))}
      >
        {allowed ? t('entryAllowed') : t('entryAllow')}
      </button>
      <button
        type="button"
        class={`btn btn--quiet${small}`}
        disabled={override === 'not-brand' || !canName}
        aria-label={override === 'not-brand' ? t('entryNotBrandSetLabel', who) : t('entryNotBrandLabel', who)}
        data-action="not-brand"
        onClick={(e) => void run(e.currentTarget, () => setAccountBrand(env, accountOf(entry), 'not-brand'), t('entryNotBrandDone', who))}
      >
        {override === 'not-brand' ? t('entryNotBrandSet') : t('entryNotBrand')}
      </button>
    </div>
  );
}
