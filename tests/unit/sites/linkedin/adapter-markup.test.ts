// The LinkedIn adapter on markup no capture shows: pages in other languages (structure and the
// per-language words), the messaging list's Sponsored conversations, notification cards, a comment
// under the user's own update, and where each URL puts the user.
import { afterEach, describe, expect, it } from 'vitest';
import { FactStore } from '../../../../src/content/fact-store';
import { classify } from '../../../../src/core/classify';
import { linkedInAdapter } from '../../../../src/sites/linkedin/adapter';
import { contextFor } from '../../../../src/sites/linkedin/routes';
import { ruleset } from '../../core/builders';
import { envFor, loadPage, parseAll } from './helpers';

const pages: Array<ReturnType<typeof loadPage>> = [];
const open = (html: string, url: string) => {
  const p = loadPage(html, url);
  pages.push(p);
  return p.doc;
};
afterEach(async () => {
  for (const p of pages.splice(0)) await p.win.happyDOM.close();
});

const twice = (s: string) => `<span aria-hidden="true">${s}</span><span class="visually-hidden">${s}</span>`;

/** One update in the captures' markup: actor link, title, degree, sub-description, Follow button, header, text. */
function update(o: { urn: string; href: string; name: string; degree?: string; sub: string; follow?: boolean; header?: string; text: string }): string {
  return `<div class="feed-shared-update-v2 artdeco-card" role="article" data-urn="${o.urn}">
    ${o.header === undefined ? '' : `<div class="update-components-header"><span class="update-components-header__text-view">${o.header}</span></div>`}
    <div class="update-components-actor__container"><a class="update-components-actor__image" href="${o.href}"></a>
    <div class="update-components-actor__meta"><a class="update-components-actor__meta-link" href="${o.href}">
      <span class="update-components-actor__title"><span><span dir="ltr">${twice(o.name)}</span></span>${o.degree === undefined ? '' : `<span class="update-components-actor__supplementary-actor-info">${twice(o.degree)}</span>`}</span></a>
      <span class="update-components-actor__sub-description">${o.sub}</span></div>
    ${o.follow === true ? '<button class="follow update-components-actor__follow-button" aria-pressed="false" type="button"><span aria-hidden="true">Suivre</span></button>' : ''}</div>
    <div class="update-components-text"><span>${o.text}</span></div></div>`;
}

describe('a French page (lang="fr")', () => {
  const html = `<html lang="fr"><body>
    ${update({ urn: 'urn:li:activity:1', href: 'https://www.linkedin.com/company/acme/', name: 'Acme', sub: twice('Sponsorisé'), follow: true, text: 'Soldes !' })}
    ${update({ urn: 'urn:li:activity:2', href: 'https://www.linkedin.com/in/jean?miniProfileUrn=urn%3Ali%3Afsd_profile%3AACoAAJEANJEAN1', name: 'Jean Dupont', degree: '• 2e', sub: `${twice('Promu par <a href="https://www.linkedin.com/company/megacorp/">MegaCorp</a>')}`, follow: true, text: 'Annonce' })}
    ${update({ urn: 'urn:li:activity:3', href: 'https://www.linkedin.com/in/marie/', name: 'Marie Curie', degree: '• 1er', sub: twice('2 h • Modifié'), text: 'Bonjour' })}
    ${update({ urn: 'urn:li:activity:4', href: 'https://www.linkedin.com/company/acme/', name: 'Acme', sub: twice('1 j'), follow: true, header: '<span><a href="/in/marie/">Marie Curie</a></span> aime ça', text: 'Notre équipe' })}
    ${update({ urn: 'urn:li:aggregate:(urn:li:jobPosting:1,urn:li:jobPosting:2)', href: 'https://www.linkedin.com/company/acme/jobs/', name: 'Acme', sub: '', header: 'Offres d’emploi recommandées pour vous', text: 'Designer' })}
  </body></html>`;

  it('tells ads, "Promoted by", connections, pages and the platform apart by structure and the French words', () => {
    const doc = open(html, 'https://www.linkedin.com/feed/');
    const { items, failures } = parseAll(doc, envFor('https://www.linkedin.com/feed/'));
    expect(failures).toEqual([]);
    expect(items.map((i) => ({ h: i.author.handle, promoted: i.promoted, page: i.fromPage, followed: i.author.followed, via: i.surfacedBy }))).toEqual([
      // "Sponsorisé": the French word for a company's ad.
      { h: 'company/acme', promoted: true, page: true, followed: false, via: undefined },
      // "Promu par <a href=/company/…>": a link to the paying page, whatever the words.
      { h: 'jean', promoted: true, page: false, followed: false, via: undefined },
      // "• 1er": a 1 after the bullet is a connection.
      { h: 'marie', promoted: false, page: false, followed: true, via: undefined },
      // A header naming a member: the network's suggestion; from a page the user doesn't follow.
      { h: 'company/acme', promoted: false, page: true, followed: false, via: 'network' },
      // A header naming nobody, on a jobs aggregate: the platform's recommendation.
      { h: 'company/acme', promoted: false, page: true, followed: 'unknown', via: 'platform' },
    ]);
    const rs = ruleset();
    expect(items.map((i) => classify(i, rs).reasonCode)).toEqual(['ad', 'ad', 'followed', 'brand-page', 'platform-recommendation']);
    expect(classify(items[4]!, ruleset({ settings: { collapseRecommendations: true } }))).toMatchObject({ action: 'collapse', class: 'interruption' });
  });
});

describe('the messaging list', () => {
  const conversation = (name: string, pill: string | null, snippet: string, thread: string) => `<li class="msg-conversation-listitem">
    <a class="msg-conversation-listitem__link" href="/messaging/thread/${thread}/"><h3 class="msg-conversation-listitem__participant-names"><span class="truncate">${name}</span></h3>
    <p class="msg-conversation-card__message-snippet">${pill === null ? '' : `<span class="msg-conversation-card__pill">${pill}</span>`}<span>${snippet}</span></p></a></li>`;

  it('collapses Sponsored and "LinkedIn Offer" conversations (English and German), keeps InMail and people', () => {
    for (const [lang, sponsored] of [['en', 'Sponsored'], ['de', 'LinkedIn-Angebot'], ['en', 'LinkedIn Offer']] as const) {
      const doc = open(`<html lang="${lang}"><body><ul>
        ${conversation('MegaCorp', sponsored, 'Claim your offer', '2-a')}
        ${conversation('Riley Stone', 'InMail', 'I have a role', '2-b')}
        ${conversation('Sam Rivera', null, 'See you Saturday?', '2-c')}</ul></body></html>`, 'https://www.linkedin.com/messaging/');
      const { items } = parseAll(doc, envFor('https://www.linkedin.com/messaging/'));
      expect(items.map((i) => [i.id, i.author.displayName, i.promoted])).toEqual([
        ['/messaging/thread/2-a/', 'MegaCorp', true], ['/messaging/thread/2-b/', 'Riley Stone', false], ['/messaging/thread/2-c/', 'Sam Rivera', false],
      ]);
      expect(items.map((i) => classify(i, ruleset()).action)).toEqual(['collapse', 'show', 'show']);
    }
  });
});

describe('notification cards and comments', () => {
  it('attributes a card to the member or page it links to, and skips LinkedIn notices naming nobody', () => {
    const doc = open(`<html lang="en"><body>
      <article class="nt-card" data-urn="urn:li:fsd_notificationCard:1"><a href="https://www.linkedin.com/company/acme/posts">Acme</a><span>Acme mentioned you</span></article>
      <article class="nt-card" data-urn="urn:li:fsd_notificationCard:2"><a href="/feed/">Your post has 10 impressions</a></article></body></html>`, 'https://www.linkedin.com/notifications/');
    const env = envFor('https://www.linkedin.com/notifications/');
    const { items, skipped } = parseAll(doc, env);
    expect(skipped).toBe(1);
    expect(items).toMatchObject([{ id: 'urn:li:fsd_notificationCard:1', kind: 'notification', fromPage: true, author: { handle: 'company/acme', followed: 'unknown' } }]);
    // Whether the user follows the page is for the facts to say: the card waits for them.
    expect(linkedInAdapter.awaitsFacts?.(items[0]!, env)).toBe(true);
    env.facts.merge({ site: 'linkedin', accounts: [{ id: 'urn:li:fsd_company:1', handle: 'company/acme', followed: false, orgProfile: true }], items: [] });
    expect(linkedInAdapter.awaitsFacts?.(items[0]!, env)).toBe(false);
  });

  it("marks a page's comment under the user's own update as in their own thread, and collapses it", () => {
    const facts = new FactStore();
    facts.merge({ site: 'linkedin', viewerId: 'urn:li:fsd_profile:ACoAAMORGANLEE1', accounts: [{ id: 'urn:li:fsd_profile:ACoAAMORGANLEE1', handle: 'morgan-lee' }], items: [] });
    const doc = open(`<html lang="en"><body>
      ${update({ urn: 'urn:li:activity:9', href: 'https://www.linkedin.com/in/morgan-lee/', name: 'Morgan Lee', sub: twice('1h'), text: 'Garden opens Saturday' }).replace(/<\/div>$/, `
      <article class="comments-comment-entity" data-id="urn:li:comment:(activity:9,10)">
        <a class="comments-comment-meta__description-container" href="https://www.linkedin.com/company/acme"><h3><span class="comments-comment-meta__description-title">Acme</span></h3></a>
        <span class="comments-comment-item__main-content"><div class="update-components-text"><span>Gloves 30% off, DM us!</span></div></span>
      </article></div>`)}</body></html>`, 'https://www.linkedin.com/feed/update/urn:li:activity:9/');
    const env = envFor('https://www.linkedin.com/feed/update/urn:li:activity:9/', facts);
    expect(env.context).toBe('thread');
    const { items } = parseAll(doc, env);
    const comment = items.find((i) => i.kind === 'reply')!;
    expect(comment).toMatchObject({ inOwnThread: true, fromPage: true, author: { handle: 'company/acme' }, text: 'Gloves 30% off, DM us!' });
    // The update's own text is its own, not its comment's.
    expect(items.find((i) => i.kind === 'post')?.text).toBe('Garden opens Saturday');
    expect(classify({ ...comment, author: { ...comment.author, followed: false } }, ruleset())).toMatchObject({
      action: 'collapse', reasonCode: 'brand-page', why: { say: 'brandPage', name: 'Acme', kind: 'reply' },
    });
  });
});

describe('contextFor', () => {
  it('knows the feed, an update, notifications, search, profiles and pages (seek), and the rest', () => {
    const at = (p: string) => contextFor(new URL(`https://www.linkedin.com${p}`));
    expect(['/', '/feed/', '/feed'].map(at)).toEqual(['home', 'home', 'home']);
    expect(at('/feed/update/urn:li:activity:1/')).toBe('thread');
    expect(at('/notifications/?filter=all')).toBe('notifications');
    expect(at('/search/results/content/?keywords=x')).toBe('search');
    expect(['/in/shind/recent-activity/all/', '/company/lorikeetcx/posts/', '/showcase/x/', '/school/y/'].map(at)).toEqual(['profile', 'profile', 'profile', 'profile']);
    expect(['/messaging/', '/mynetwork/', '/jobs/'].map(at)).toEqual(['other', 'other', 'other']);
  });
});
