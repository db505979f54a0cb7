// Mastodon web UI markup, from mastodon/mastodon's own components (SITES.md): status.jsx (the
// `.status__wrapper` > `.status[data-id]` pair, `.status__display-name`, `.display-name__account`,
// `.status__content`, `.status__prepend`), the timeline's scrollable list (`article[data-id]`),
// notifications_v2 (`.notification-ungrouped--<type>`, `.notification-group--<type>`) and the older
// notification.jsx (`.notification.notification-<type>`). The names SITES.md does not state were
// checked against mastodon/mastodon's source: app/javascript/mastodon/components/status.jsx (the
// `a.status__relative-time` permalink; a boost renders the boosted status, its `.status[data-id]`
// the boosted id, under `.status__prepend`, in the boost's own `article[data-id]`),
// components/display_name/no-domain.tsx and default.tsx (`strong.display-name__html`,
// `.display-name__account`) and features/status/components/detailed_status.tsx (`div.detailed-status`,
// no data-id: the focal post's id comes from the route). The tests pin them.

/** A post (and, inside a boost, the boosted post: its data-id is the boosted status's id). */
export const STATUS = '.status[data-id]';
/** Non-mention notifications: grouped (4.3+) and older ones. An older mention is a bare STATUS. */
export const NOTIFICATION_GROUP = '.notification-group';
export const OLD_NOTIFICATION = '.notification';
export const ITEM_ROOTS = `${STATUS}, ${NOTIFICATION_GROUP}, ${OLD_NOTIFICATION}`;

/** 4.3+ wrapper of a notification that shows one status (mention, direct, quote, status, update). */
export const UNGROUPED = 'notification-ungrouped';
/** The timeline cell of a list (ScrollableList's IntersectionObserverArticle). */
export const CELL = 'article[data-id]';
export const WRAPPER = 'status__wrapper';

export const DISPLAY_NAME_LINK = 'a.status__display-name';
export const ACCOUNT = '.display-name__account';
/** The display name's own markup inside `.display-name` (display_name/no-domain.tsx: `strong.display-name__html`; `.display-name__account` is `@acct`, with the local domain added). */
export const NAME_HTML = '.display-name__html';
export const CONTENT = '.status__content';
/** The timestamp permalink (status.jsx: the `Link` to `/@acct/id` with class `status__relative-time`). */
export const RELATIVE_TIME = 'a.status__relative-time';
/** The focal post of a thread page (features/status/components/detailed_status.tsx renders `div.detailed-status`, without data-id). */
export const DETAILED = '.detailed-status';
/** Mention and hashtag links in post content, as the server's HTML marks them (`u-url mention`, `mention hashtag`). */
export const MENTION_LINK = 'a.mention';

/** The app's root element and its columns (mastodon's application layout and ui/index.jsx). */
export const APP_ROOT = '#mastodon';
