// Where Doorman reads a Bluesky account's follows from (Options → Follows): the public AppView, the one host it asks
// permission for when the user starts a Bluesky import (an optional host permission in the manifest).
// Plain constants so the manifest build can import them.

export const APPVIEW_ORIGIN = 'https://public.api.bsky.app';
/** The match pattern the options page requests before the first AppView call. */
export const APPVIEW_PERMISSION = `${APPVIEW_ORIGIN}/*`;
