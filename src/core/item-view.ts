// What rules and policy read about one item, each derived value worked out at most once per
// classification: follow state (the page's answer, else the learned follow graph), allowlist, the
// lower-cased text and its probe, the brand assessment. One view per classify call; nothing is kept.
import type { AccountIndex } from './accounts';
import { assessBrand, type BrandAssessment, type BrandOverride } from './brand';
import { normalizeHandle } from './handle';
import type { FeedItem, TriState } from './model';
import { TextProbe } from './text-probe';

export interface AccountLists {
  follows: AccountIndex<true>;
  allowlist: AccountIndex<true>;
  overrides: AccountIndex<BrandOverride>;
}

export class ItemView {
  readonly followed: TriState;
  readonly allowlisted: boolean;
  private lower: string | undefined;
  private probe: TextProbe | undefined;
  private assessment: BrandAssessment | undefined;
  private handleKey: string | undefined;
  private hosts: readonly string[] | undefined;

  constructor(
    readonly item: FeedItem,
    private readonly lists: AccountLists,
  ) {
    const a = item.author;
    this.followed = followState(item, lists.follows);
    this.allowlisted = lists.allowlist.has(item.site, a.id, a.handle);
  }

  get lowerText(): string {
    return (this.lower ??= this.item.text.toLowerCase());
  }

  get textProbe(): TextProbe {
    return (this.probe ??= new TextProbe(this.item.text));
  }

  get handle(): string {
    return (this.handleKey ??= normalizeHandle(this.item.author.handle));
  }

  /**
   * Each link host and every parent domain of it ("a.shop.example" → a.shop.example, shop.example,
   * example): a link-domain rule for "example" covers its subdomains, never "badexample".
   */
  get linkHosts(): readonly string[] {
    if (this.hosts === undefined) {
      const out: string[] = [];
      for (const host of this.item.linkDomains) {
        out.push(host);
        for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) out.push(host.slice(dot + 1));
      }
      this.hosts = out;
    }
    return this.hosts;
  }

  get brand(): BrandAssessment {
    if (this.assessment === undefined) {
      const a = this.item.author;
      const override = this.lists.overrides.get(this.item.site, a.id, a.handle) ?? null;
      this.assessment = assessBrand(this.item, override, this.item.text === '' ? '' : this.lowerText);
    }
    return this.assessment;
  }
}

/** The page's own answer wins; the learned follow graph is consulted only when the page did not say. */
export function followState(item: FeedItem, follows: AccountIndex<true>): TriState {
  const a = item.author;
  if (a.followed !== 'unknown') return a.followed;
  return follows.has(item.site, a.id, a.handle) ? true : 'unknown';
}
