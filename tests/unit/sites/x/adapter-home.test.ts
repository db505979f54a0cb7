// The X adapter on a real capture of x.com/home (April 2025): five posts, three of them with a video
// player wrapped in placementTracking, a quote, a carousel and side-bar trends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedItem } from '../../../../src/core/model';
import { xAdapter } from '../../../../src/sites/x/adapter';
import { CELL, PLACEMENT_TRACKING, TWEET } from '../../../../src/sites/x/selectors';
import { envFor, loadPage, parseAll, readCapture, type Parsed } from './helpers';

const URL_HOME = 'https://x.com/home';

describe('xAdapter on the x-home.html capture', () => {
  let page: ReturnType<typeof loadPage>;
  let parsed: Parsed;
  beforeAll(() => {
    page = loadPage(readCapture('x-home.html'), URL_HOME);
    parsed = parseAll(page.doc, envFor(URL_HOME));
  });
  afterAll(async () => {
    await page.win.happyDOM.close();
  });

  it('finds exactly the five posts, in order, with no parse failures', () => {
    expect(parsed.failures).toEqual([]);
    expect(parsed.skipped).toBe(0);
    expect(parsed.items.map((i) => [i.author.handle, i.id, i.kind])).toEqual([
      ['bytheophana', '1909645231751835965', 'post'],
      ['daniellefong', '1909395801283211287', 'post'],
      ['jai__malik', '1909617015733760109', 'post'],
      ['trychroma', '1909350411259331037', 'post'],
      ['nickadobos', '1909428901170102734', 'quote'],
    ]);
  });

  it('reads display names, text, permalinks and context', () => {
    const [tiff, danielle, jai, chroma, nick] = parsed.items;
    expect(tiff?.author.displayName).toBe('tiff');
    expect(tiff?.text).toMatch(/^I guess I will join every @MagicEden employee/);
    expect(tiff?.permalink).toBe('https://x.com/bytheophana/status/1909645231751835965');
    expect(danielle?.text).toContain('ran a hot plasma experiment at @lightcellenergy');
    expect(jai?.text).toMatch(/^Today, I’m excited to launch the Advanced Manufacturing Company of America/);
    expect(chroma?.author.displayName).toBe('Chroma');
    // The quote's own text ("Today, we're releasing a new paper") is not the post's text.
    expect(nick?.text).toMatch(/^This paper is crazy/);
    expect(nick?.text).not.toContain('One-Minute Video Generation');
    for (const item of parsed.items) {
      expect(item.context).toBe('home');
      expect(item.linkDomains).toEqual([]); // only @mentions in these texts: links to X itself
      expect(() => FeedItem.parse(item)).not.toThrow();
    }
  });

  it('does not take the video posts for ads (their placementTracking is a descendant)', () => {
    const withVideo = [...page.doc.querySelectorAll(TWEET)].filter((a) => a.querySelector(PLACEMENT_TRACKING));
    expect(withVideo).toHaveLength(3);
    for (const item of parsed.items) {
      expect(item.promoted).toBe(false);
      expect(item.kind).not.toBe('ad');
    }
  });

  it('without API facts, follow state is unknown and the badge kind is not guessed', () => {
    for (const item of parsed.items) {
      expect(item.author.followed).toBe('unknown');
      expect(item.author.followsYou).toBe('unknown');
      // Every author here shows svg[data-testid="icon-verified"], which cannot tell paid from business.
      expect(item.author.verified).toBe('none');
      expect(item.author.id).toBe('');
      expect(item.author.accountAgeDays).toBeNull();
      expect(item.inOwnThread).toBe(false);
    }
  });

  it('marks the whole timeline cell', () => {
    const first = page.doc.querySelector(TWEET)!;
    const target = xAdapter.markTarget(first);
    expect(target.matches(CELL)).toBe(true);
    expect(target.contains(first)).toBe(true);
  });

  it('sees no drift on a healthy page', () => {
    expect(xAdapter.detectDrift(page.doc, parsed.items.length)).toBeNull();
    expect(xAdapter.detectDrift(page.doc, 0)).toBeNull();
  });
});
