// One row of the filtered log: who, what, where, when and why, with the answers to it.
import type { LogRow } from '../../db';
import type { AccountStatus } from '../../ui/account-status';
import { AccountName } from '../../ui/AccountName';
import { EntryActions } from '../../ui/EntryActions';
import { absoluteTime, actionLabel, contextLabel, kindLabel, relativeTime } from '../../ui/format';
import { t } from '../../ui/i18n';
import { reasonSentence } from '../../ui/reasons';
import { siteName } from '../../sites/registry';

/** Only plain web links become anchors (a stored permalink is page data, never trusted as a URL scheme). */
const isWebLink = (url: string): boolean => /^https:\/\//i.test(url);

/** Fixed: the windowed list needs every row the same height. */
export const LOG_ROW_HEIGHT = 92;

export function LogEntryRow({ entry: e, index }: { entry: LogRow; index: AccountStatus | undefined }) {
  return (
    <article class="logrow" aria-label={t('logRowLabel', [e.handle ? `@${e.handle}` : e.displayName, relativeTime(e.at)])}>
      <div class="logrow__line">
        <AccountName displayName={e.displayName} handle={e.handle} site={e.site} />
        <span class="logrow__where">
          {siteName(e.site)} · {kindLabel(e.kind)} · {contextLabel(e.context)}
        </span>
        <time class="logrow__time" dateTime={new Date(e.at).toISOString()} title={absoluteTime(e.at)}>{relativeTime(e.at, Date.now(), 'narrow')}</time>
      </div>
      <p class="logrow__snippet">{e.snippet || <span class="logrow__none">{t('logNoText')}</span>}</p>
      <div class="logrow__line">
        <p class="logrow__reason" title={reasonSentence(e)}>
          <span class={`tag tag--${e.action}`}>{actionLabel(e.action)}</span> {reasonSentence(e)}
        </p>
        <div class="logrow__actions">
          {isWebLink(e.permalink) && (
            <a class="btn btn--small btn--quiet" href={e.permalink} target="_blank" rel="noopener noreferrer" aria-label={t('logOpenLabel', e.handle ? `@${e.handle}` : e.itemId)}>
              {t('logOpen')}
            </a>
          )}
          <EntryActions entry={e} index={index} compact />
        </div>
      </div>
    </article>
  );
}
