// Doorman on a Mastodon server: the shared content machinery driven by the Mastodon adapter — but only
// once the page shows Mastodon's own markers (markers.ts). On a host the user added that turns out not
// to be a Mastodon web app (or a server's non-app page), nothing starts.
import { startContent } from '../../content/start';
import { mastodonAdapter } from './adapter';
import { whenMastodonPage } from './gate';

whenMastodonPage(document, () => {
  startContent(mastodonAdapter);
});
