// "Enable Doorman on this server", in the popup on a page Doorman does not run on: when the tab is an
// https page whose host is neither a built-in site nor a server the user added, the popup asks the
// page (ServerControl.probe, under the activeTab permission the toolbar click grants) whether it
// carries Mastodon's own markers (src/sites/mastodon/markers.ts); if so it offers to enable Doorman
// there, by the same path as Options → Sites → Other Mastodon servers (the host permission asked for
// from this click, then the background registers Doorman's scripts there and injects them).
import { useEffect, useState } from 'preact/hooks';
import { siteForUrl } from '../sites/registry';
import { t } from '../ui/i18n';
import { useEnv, type ActiveTab } from '../ui/platform';
import { errorText, problemText } from '../ui/problems';

type Offer =
  | { kind: 'none' }
  | { kind: 'offer'; host: string; busy: boolean; error: string }
  | { kind: 'added'; host: string };

/** The tab's host when it is an https page of a host no built-in site covers, else null. */
export function candidateHost(url: string | undefined): string | null {
  if (url === undefined || siteForUrl(url) !== null) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.port !== '' || !u.hostname.includes('.') || /^[\d.]+$/.test(u.hostname)) return null;
  return u.hostname.toLowerCase();
}

export function EnableServer({ tab }: { tab: ActiveTab | null }) {
  const { platform } = useEnv();
  const servers = platform.servers;
  const [offer, setOffer] = useState<Offer>({ kind: 'none' });
  const host = candidateHost(tab?.url);
  const tabId = tab?.id;

  useEffect(() => {
    if (servers?.probe === undefined || host === null || tabId === undefined) return;
    let stopped = false;
    void Promise.all([servers.list(), servers.probe(tabId)])
      .then(([added, mastodon]) => {
        if (!stopped && mastodon && !added.includes(host)) setOffer({ kind: 'offer', host, busy: false, error: '' });
      })
      .catch(() => undefined);
    return () => {
      stopped = true;
    };
  }, [servers, host, tabId]);

  if (servers === undefined || offer.kind === 'none') return null;

  const enable = async (wanted: string) => {
    setOffer({ kind: 'offer', host: wanted, busy: true, error: '' });
    try {
      // First thing in the click: the browser shows its permission prompt only from a user gesture.
      const r = await servers.add(wanted);
      if (r.ok) setOffer({ kind: 'added', host: wanted });
      else setOffer({ kind: 'offer', host: wanted, busy: false, error: 'denied' in r ? t('serverDenied', wanted) : problemText(r.problem) });
    } catch (err) {
      setOffer({ kind: 'offer', host: wanted, busy: false, error: errorText(err) });
    }
  };

  return (
    <section class="panel enable-server" aria-labelledby="enable-server-title" data-testid="enable-server">
      <h2 id="enable-server-title" class="panel__title">{t('popupServerTitle')}</h2>
      {offer.kind === 'added' ? (
        <p class="tab__detail" role="status">{t('popupServerAdded', offer.host)}</p>
      ) : (
        <>
          <p class="tab__detail">{t('popupServerLead', offer.host)}</p>
          {offer.error !== '' && <p class="tab__detail tab__detail--warn" role="alert">{offer.error}</p>}
          <div class="tab__actions">
            <button type="button" class="btn btn--primary btn--small" disabled={offer.busy} onClick={() => void enable(offer.host)}>
              {t('popupServerEnable', offer.host)}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
