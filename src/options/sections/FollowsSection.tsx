// What Doorman learned about who you follow, per site: how many, the latest it learned and where
// from, and a way to forget a site's follows (e.g. after switching accounts); below them, the follow
// imports of the sites that have one (FollowImport.tsx).
import { useState } from 'preact/hooks';
import { clearFollows, countFollows } from '../../db';
import type { SiteId } from '../../sites/registry';
import type { FollowEntry } from '../../core/lists';
import { useAnnounce } from '../../ui/announcer';
import { absoluteTime, relativeTime } from '../../ui/format';
import { formatNumber, t, tn } from '../../ui/i18n';
import { useEnv } from '../../ui/platform';
import { useReadyMark } from '../../ui/ready';
import { PAGE_SITES, type PageSite } from '../../ui/sites';
import { useLiveQuery } from '../../ui/use-live-query';
import { write } from '../../ui/write';
import { FollowImports } from './FollowImport';

const LATEST = 5;

interface SiteFollows {
  site: PageSite<SiteId>;
  count: number;
  latest: FollowEntry[];
}

export function FollowsSection() {
  const env = useEnv();
  const data = useLiveQuery(
    () =>
      Promise.all(
        PAGE_SITES.map(async (site): Promise<SiteFollows> => ({
          site,
          count: await countFollows(env.db, site.id),
          latest: await env.db.follows.orderBy('learnedAt').reverse().filter((f) => f.site === site.id).limit(LATEST).toArray(),
        })),
      ),
    [],
  );
  useReadyMark(data !== undefined);
  if (!data) return <div class="skeleton" style={{ height: '200px' }} />;
  return (
    <div class="stack">
      {data.map((d) => <SiteCard key={d.site.id} data={d} />)}
      <FollowImports />
      <p class="footnote">{t('followsFootnote')}</p>
    </div>
  );
}

function SiteCard({ data }: { data: SiteFollows }) {
  const env = useEnv();
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const { count, latest } = data;
  const { id: site, name, live } = data.site;

  const clear = async () => {
    setConfirming(false);
    const removed = await write(env, (db) => clearFollows(db, site));
    announce(tn('followsCleared', removed, [name]));
  };

  return (
    <section class="card follows" aria-labelledby={`follows-${site}`}>
      <div class="card__head">
        <h2 id={`follows-${site}`} class="card__title">{name}</h2>
        {!live && <span class="pill">{t('siteComing')}</span>}
      </div>
      <p class="follows__count">
        <strong>{formatNumber(count)}</strong> {tn('followsCountUnit', count)}
      </p>
      {latest.length > 0 ? (
        <>
          <h3 class="subhead">{t('followsLatest')}</h3>
          <ul class="table-list">
            {latest.map((f) => (
              <li key={`${f.accountId}@${f.handle}`} class="table-list__row">
                <div class="table-list__main">
                  <span class="account"><span class="account__handle">@{f.handle || f.accountId}</span></span>
                  <span class="table-list__meta">{t(`followSource_${f.source.replace(/-/g, '_')}`)}</span>
                </div>
                <time dateTime={new Date(f.learnedAt).toISOString()} title={absoluteTime(f.learnedAt)} class="table-list__meta">
                  {relativeTime(f.learnedAt)}
                </time>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="empty">{live ? t('followsNoneYet', name) : t('followsComing', name)}</p>
      )}
      {count > 0 && (
        <div class="card__actions">
          {confirming ? (
            <>
              <span class="confirm__text" role="alert">{tn('followsConfirm', count, [name])}</span>
              <button type="button" class="btn btn--danger" onClick={() => void clear()}>{t('followsClearConfirm')}</button>
              <button type="button" class="btn" onClick={() => setConfirming(false)}>{t('cancel')}</button>
            </>
          ) : (
            <button type="button" class="btn btn--danger" onClick={() => setConfirming(true)}>{t('followsClear', name)}</button>
          )}
        </div>
      )}
    </section>
  );
}
