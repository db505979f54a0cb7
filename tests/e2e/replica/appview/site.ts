// The AppView replica on public.api.bsky.app: what the options page's Bluesky follow import reads
// (data.ts); tests/e2e/follow-import.e2e.ts imports from it.
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
