// What a placeholder's button is called for assistive technology: the action and the item it acts
// on ("Show reply from @acme"), not just "Show" repeated down the page.
import type { ItemKind } from '../core/model';

/** The item a placeholder stands for, as much as its button's name needs. */
export interface PlaceholderSubject {
  kind: ItemKind;
  author: { handle: string };
}

export type PlaceholderAction = 'Show' | 'Hide' | 'Collapse';

const NOUNS: Record<ItemKind, string> = {
  post: 'post', reply: 'reply', mention: 'mention', quote: 'quote', repost: 'repost', ad: 'ad', notification: 'notification',
};

/** "Show reply from @acme"; without a handle "Show reply"; without a subject just the action. */
export function buttonName(action: PlaceholderAction, subject: PlaceholderSubject | undefined): string {
  if (!subject) return action;
  const handle = subject.author.handle.replace(/^@/, '');
  return handle ? `${action} ${NOUNS[subject.kind]} from @${handle}` : `${action} ${NOUNS[subject.kind]}`;
}
