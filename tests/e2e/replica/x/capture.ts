// The captured TweetDetail response (tests/fixtures/x/x-api-tweetdetail.json: a Business-verified
// account's post and 34 reply threads, 2025–26 user schema) served almost verbatim, with two
// injected cases: one captured reply re-wrapped as TweetWithVisibilityResults, and an unsolicited
// @acmecorp reply in the same schema. Its real bottom cursor answers with an empty, terminated page.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../../harness/certs';
import { CAPTURED_THREAD, USERS, type XTweet } from './data';
import { registerTweets } from './filler';
import { moduleEntry, sortIndexes } from './graphql';

type Json = Record<string, unknown>;

const CAPTURE = resolve(REPO_ROOT, 'tests/fixtures/x/x-api-tweetdetail.json');

/** The captured post's author (XDevelopers) as the capture gives it. */
const CAPTURED_AUTHOR = { id: '2244994945', handle: CAPTURED_THREAD.handle };

export const INJECTED_BRAND_REPLY: XTweet = {
  id: CAPTURED_THREAD.injectedBrandReplyId,
  authorId: USERS.acme.id,
  replyTo: CAPTURED_THREAD.focalId,
  replyToUser: CAPTURED_AUTHOR,
  minutesAgo: 60 * 24 * 2,
  likes: 2,
  text: 'Tired of API limits? Acme Cloud has a generous free tier. DM us for a promo code! https://acme.example/cloud?utm_source=x',
};
registerTweets([INJECTED_BRAND_REPLY]);

export const isCapturedThread = (focalId: string): boolean => focalId === CAPTURED_THREAD.focalId;

let cached: Json | undefined;
function loadCapture(): Json {
  if (cached) return cached;
  cached = JSON.parse(readFileSync(CAPTURE, 'utf8')) as Json;
  return cached;
}

interface Entry { entryId?: string; content?: { items?: { item?: { itemContent?: { tweet_results?: { result?: Json } } } }[] } }

export function capturedThreadResponse(cursor: string | undefined, now: number): Json {
  if (cursor) {
    // Past the capture's last page: nothing more, like X at the end of a conversation.
    return { data: { threaded_conversation_with_injections_v2: { instructions: [{ type: 'TimelineAddEntries', entries: [] }, { type: 'TimelineTerminateTimeline', direction: 'Bottom' }] } } };
  }
  const doc = structuredClone(loadCapture()) as { data: { threaded_conversation_with_injections_v2: { instructions: { type: string; entries?: Entry[] }[] } } };
  const add = doc.data.threaded_conversation_with_injections_v2.instructions.find((i) => i.type === 'TimelineAddEntries');
  if (!add?.entries) throw new Error('capture has no TimelineAddEntries');
  for (const e of add.entries) {
    for (const it of e.content?.items ?? []) {
      const tr = it.item?.itemContent?.tweet_results;
      if (tr?.result && tr.result.rest_id === CAPTURED_THREAD.wrappedReplyId) {
        const { __typename: _t, ...tweet } = tr.result;
        tr.result = { __typename: 'TweetWithVisibilityResults', tweet, limitedActionResults: { limited_actions: [{ action: 'Reply', prompt: { __typename: 'CtaLimitedActionPrompt', cta_type: 'SeeConversation', headline: { text: 'Who can reply?', entities: [] }, subtext: { text: 'People the author mentioned can reply', entities: [] } } }] } };
      }
    }
  }
  const sort = sortIndexes(2085474380216795120n);
  add.entries.splice(4, 0, moduleEntry('conversationthread', [INJECTED_BRAND_REPLY], { now, schema: 'new' }, sort) as Entry);
  return doc as unknown as Json;
}
