// The AppView replica on public.api.bsky.app: what the options page's Bluesky follow import reads
// (data.ts). Not in REPLICA_SITES until the bsky site is registered and an end-to-end test uses it;
// add `appViewSite` there and APPVIEW_HOST to CERT_HOSTS (harness/certs.ts) then.
import { sendJson, type ReplicaSite } from '../site';
import { APPVIEW_HOST, appViewAnswer, appViewData } from './data';

const DATA = appViewData();

export const appViewSite: ReplicaSite = {
  id: 'bsky',
  hosts: [APPVIEW_HOST],
  handle({ res, url, now }) {
    const answer = appViewAnswer(url, DATA, now);
    if (!answer) {
      sendJson(res, 404, { error: 'MethodNotImplemented', message: `Method Not Implemented: ${url.pathname}` });
      return;
    }
    // The options page fetches from the extension's origin.
    res.setHeader('access-control-allow-origin', '*');
    sendJson(res, answer.status, answer.body);
  },
};
