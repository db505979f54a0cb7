// The Mastodon servers the user added, under the Mastodon card of the Sites section: Doorman ships
// with the largest servers; any other is added here by name. Adding asks the browser for that one
// host's permission (from the click itself) and has the background register Doorman there; removing
// unregisters it and gives the permission back.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../ui/i18n';
import { useEnv } from '../../ui/platform';
import { errorText, problemText } from '../../ui/problems';

export function MastodonServers() {
  const { platform } = useEnv();
  const servers = platform.servers;
  const [hosts, setHosts] = useState<string[] | null>(null);
  const [host, setHost] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void servers?.list().then(setHosts, () => setHosts([]));
  }, [servers]);
  if (!servers) return null;

  const add = async (e: Event) => {
    e.preventDefault();
    const wanted = host.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    if (wanted === '') return;
    setBusy(true);
    try {
      // Called first thing from the submit: the browser shows its permission prompt only from a user gesture.
      const r = await servers.add(wanted);
      setHosts(r.hosts);
      if (r.ok) {
        setHost('');
        setError('');
      } else setError('denied' in r ? t('serverDenied', wanted) : problemText(r.problem));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (h: string) => {
    setBusy(true);
    try {
      setHosts(await servers.remove(h));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="servers" data-testid="mastodon-servers">
      <h3 class="servers__title">{t('serversTitle')}</h3>
      <p class="site__meta">{t('serversLead')}</p>
      {hosts !== null && hosts.length > 0 && (
        <ul class="servers__list">
          {hosts.map((h) => (
            <li key={h} class="servers__row">
              <span class="servers__host">{h}</span>
              <button type="button" class="btn btn--small btn--quiet" disabled={busy} aria-label={t('serverRemoveLabel', h)} onClick={() => void remove(h)}>
                {t('serverRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="servers__add" onSubmit={(e) => void add(e)} noValidate>
        <label class="visually-hidden" htmlFor="server-host">{t('serverHostLabel')}</label>
        <input
          id="server-host"
          class="input"
          type="text"
          autoComplete="off"
          spellcheck={false}
          placeholder="social.example"
          value={host}
          aria-invalid={error !== ''}
          aria-describedby={error ? 'server-err' : undefined}
          onInput={(e) => {
            setHost((e.currentTarget as HTMLInputElement).value);
            if (error) setError('');
          }}
        />
        <button type="submit" class="btn btn--primary" disabled={busy}>{t('serverAdd')}</button>
      </form>
      {error && <p id="server-err" class="field-error" role="alert">{error}</p>}
    </div>
  );
}
