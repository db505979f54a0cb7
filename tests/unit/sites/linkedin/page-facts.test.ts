// LinkedIn's Voyager JSON → facts on hostile and edge-case input: caps, URN syntax, the user's own
// connections and following lists, a repeat of a capture's entities many times over.
import { describe, expect, it } from 'vitest';
import { checkPageFacts } from '../../../../src/shared/facts-check';
import { MAX_FACT_ACCOUNTS } from '../../../../src/shared/facts-tag';
import { linkedInPageFacts } from '../../../../src/sites/linkedin/page-facts';
import { ownListOf } from '../../../../src/sites/linkedin/routes';

const profile = (id: string, slug: string) => ({ $type: 'com.linkedin.voyager.dash.identity.profile.Profile', entityUrn: `urn:li:fsd_profile:${id}`, firstName: 'A', lastName: slug, publicIdentifier: slug });
const following = (urn: string, on: boolean) => ({ $type: 'com.linkedin.voyager.dash.feed.FollowingState', entityUrn: `urn:li:fsd_followingState:${urn}`, following: on });

describe('linkedInPageFacts', () => {
  it('never throws and returns nothing for junk', () => {
    for (const junk of [null, 1, 'x', [], { included: 'no' }, { included: [{ $type: 5 }] }, { included: [{ $type: 'com.linkedin.voyager.dash.feed.Update', metadata: { backendUrn: 'javascript:alert(1)' } }] }]) {
      expect(linkedInPageFacts(junk)).toEqual({ site: 'linkedin', accounts: [], items: [] });
    }
  });

  it('keeps only URNs the declaration accepts and handles LinkedIn could have', () => {
    const facts = linkedInPageFacts({ included: [
      profile('ACoAAB_yCEcBhEvIVmuH3QJTRGAGs1L7FJIr5TU', 'Luke-Harries'),
      profile('short', 'nobody'),
      { $type: 'com.linkedin.voyager.dash.organization.Company', entityUrn: 'urn:li:fsd_company:12x', name: 'Bad', url: 'https://www.linkedin.com/company/bad/' },
      { $type: 'com.linkedin.voyager.dash.organization.Company', entityUrn: 'urn:li:fsd_company:12', name: 'Évian', url: 'https://www.linkedin.com/showcase/%C3%A9vian/' },
      { $type: 'com.linkedin.voyager.dash.organization.Company', entityUrn: 'urn:li:fsd_company:13', name: 'Elsewhere', url: 'https://evil.example/company/x/' },
    ] });
    expect(facts.accounts).toEqual([
      { id: 'urn:li:fsd_profile:ACoAAB_yCEcBhEvIVmuH3QJTRGAGs1L7FJIr5TU', handle: 'luke-harries', displayName: 'A Luke-Harries' },
      { id: 'urn:li:fsd_company:12', handle: 'showcase/évian', orgProfile: true, displayName: 'Évian' },
      { id: 'urn:li:fsd_company:13', handle: '', orgProfile: true, displayName: 'Elsewhere' },
    ]);
    expect(checkPageFacts(facts, 'linkedin')).toEqual(facts);
  });

  it('applies FollowingState to the account it names, and a 1st-degree connection is followed whatever it says', () => {
    const id = 'ACoAAC_IExgBvR3nBC7FQc1mL9UzWTP8GL8wqP0';
    const facts = linkedInPageFacts({ included: [
      following(`urn:li:fsd_profile:${id}`, false),
      profile(id, 'nils'),
      following('urn:li:fsd_company:79083508', true),
    ] });
    expect(facts.accounts).toEqual([
      { id: `urn:li:fsd_profile:${id}`, handle: 'nils', displayName: 'A nils', followed: false },
      // A state for a page this response does not describe: a stub the fact store merges by id.
      { id: 'urn:li:fsd_company:79083508', handle: '', followed: true },
    ]);
    const connections = linkedInPageFacts({ included: [
      profile(id, 'nils'), following(`urn:li:fsd_profile:${id}`, false),
      { $type: 'com.linkedin.voyager.dash.relationships.Connection', entityUrn: 'urn:li:fsd_connection:1', connectedMember: `urn:li:fsd_profile:${id}` },
    ] }, { ownList: 'connections' });
    expect(connections.accounts[0]?.followed).toBe(true);
    expect(connections.followingList).toBe(true);
  });

  it('says a response is the user own list only on their connections and Following pages', () => {
    expect(ownListOf('/mynetwork/invite-connect/connections/')).toBe('connections');
    expect(ownListOf('/mynetwork/network-manager/people-follow/following/')).toBe('following');
    expect(ownListOf('/mynetwork/network-manager/company/')).toBe('following');
    expect(ownListOf('/in/someone/details/interests/')).toBeNull();
    expect(ownListOf('/feed/')).toBeNull();
    const f = linkedInPageFacts({ included: [following('urn:li:fsd_company:1', true)] }, { ownList: null });
    expect(f.followingList).toBeUndefined();
    expect(linkedInPageFacts({ included: [following('urn:li:fsd_company:1', true)] }, { ownList: 'following' }).followingList).toBe(true);
  });

  it('caps accounts at the per-message limit on a flood', () => {
    const included = Array.from({ length: MAX_FACT_ACCOUNTS + 500 }, (_, i) => profile(`ACoAA${String(i).padStart(10, '0')}`, `p${i}`));
    const facts = linkedInPageFacts({ included });
    expect(facts.accounts).toHaveLength(MAX_FACT_ACCOUNTS);
    expect(checkPageFacts(facts, 'linkedin')?.accounts).toHaveLength(MAX_FACT_ACCOUNTS);
  });
});
