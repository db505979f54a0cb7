// Every piece of LinkedIn's markup Doorman relies on, in one place. LinkedIn's web app (Ember) keeps
// stable BEM-style class names beside its hashed ones; only the stable ones are used. What the
// vendored captures (tests/fixtures/linkedin) show is marked "seen"; the rest is inferred and says
// from what. Plain strings only: the page-world bundle may import this.

/** One feed update (seen: home feed, a company's posts, a person's activity): `data-urn` is its URN. */
export const UPDATE = 'div.feed-shared-update-v2[data-urn]';
/** A comment (seen: a highlighted comment inside a feed update); `data-id` is `urn:li:comment:(…)`. */
export const COMMENT = 'article.comments-comment-entity[data-id^="urn:li:comment:"]';
/** A notification card (inferred: `article.nt-card` is what public LinkedIn filters key notifications by; no capture). */
export const NOTIFICATION = 'article.nt-card';
/** A conversation in the messaging list (inferred: `li.msg-conversation-listitem`, as public LinkedIn tools read it; no capture). */
export const CONVERSATION = 'li.msg-conversation-listitem';
/** Every root the adapter reads. A comment sits inside its update; each is read and marked on its own. */
export const ITEM_ROOTS = `${UPDATE}, ${COMMENT}, ${NOTIFICATION}, ${CONVERSATION}`;

// Inside an update (seen).
/** The actor's links: its avatar and its name block, to /in/<id> or /company/<id>/… */
export const ACTOR_LINK = 'a.update-components-actor__meta-link, a.update-components-actor__image';
export const ACTOR_TITLE = '.update-components-actor__title';
/** The degree or follow marker after the name ("• 1st", "• 2nd", "• Following"). */
export const ACTOR_SUPPLEMENTARY = '.update-components-actor__supplementary-actor-info';
/** "23h • Visible to anyone…", or "Promoted", or "Promoted by <a href=/company/…>Company</a>". */
export const ACTOR_SUB = '.update-components-actor__sub-description';
/** The Follow button beside an actor the user does not follow (`aria-pressed="false"`). */
export const FOLLOW_BUTTON = 'button.update-components-actor__follow-button, button.follow';
/** Why it is in the feed: "Andrew Yeung commented on this", "Jobs recommended for you". */
export const HEADER_TEXT = '.update-components-header__text-view';
/** The text of an update or of a comment. */
export const TEXT = '.update-components-text';
/** A platform promotion inside an update (seen on the company page: "Are you hiring?"). */
export const PROMO = '.update-components-promo';

// Inside a comment (seen).
export const COMMENT_ACTOR_LINK = 'a.comments-comment-meta__description-container, a.comments-comment-meta__image-link';
export const COMMENT_NAME = '.comments-comment-meta__description-title';
export const COMMENT_DEGREE = '.comments-comment-meta__data';

// Inside a conversation (inferred, as CONVERSATION).
export const CONVERSATION_NAMES = '.msg-conversation-listitem__participant-names, .msg-conversation-card__participant-names';
export const CONVERSATION_SNIPPET = '.msg-conversation-card__message-snippet';
/** A badge beside the snippet: "Sponsored", "LinkedIn Offer", "InMail". */
export const CONVERSATION_PILL = '.msg-conversation-card__pill';

/** Feed containers and stamped updates, for drift checks (seen: scaffold-finite-scroll, the hotkey items). */
export const FEED_LIST = '.scaffold-finite-scroll__content';
export const FEED_CELL = '[data-finite-scroll-hotkey-item]';
