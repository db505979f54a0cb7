// What a placeholder's button is called for assistive technology: the action and the item it acts
// on ("Show reply from @acme"), not just "Show" repeated down the page; worded in the browser's UI
// language (the item nouns and the phrase are messages, public/_locales).
import type { ItemKind } from '../core/model';
import { cachedMessage as message } from './message-templates';
import { word, type PlaceholderWord } from './words';

/** The item a placeholder stands for, as much as its button's name needs. */
export interface PlaceholderSubject {
  kind: ItemKind;
  author: { handle: string };
}

export type PlaceholderAction = 'Show' | 'Hide' | 'Collapse';

const ACTION_WORD: Record<PlaceholderAction, PlaceholderWord> = {
  Show: 'placeholderShow', Hide: 'placeholderHide', Collapse: 'placeholderCollapse',
};

/** English, only where no catalogue answers (never inside the extension). */
const NOUNS: Record<ItemKind, string> = {
  post: 'post', reply: 'reply', mention: 'mention', quote: 'quote', repost: 'repost', ad: 'ad', notification: 'notification',
};

/** "Show reply from @acme"; without a handle "Show reply"; without a subject just the action. */
export function buttonName(action: PlaceholderAction, subject: PlaceholderSubject | undefined): string {
  const verb = word(ACTION_WORD[action]);
  if (!subject) return verb;
  const noun = message(`itemNoun_${subject.kind}`) || NOUNS[subject.kind];
  const handle = subject.author.handle.replace(/^@/, '');
  if (handle) return message('placeholderButtonName', [verb, noun, `@${handle}`]) || `${verb} ${noun} from @${handle}`;
  return message('placeholderButtonNameNoAuthor', [verb, noun]) || `${verb} ${noun}`;
}
