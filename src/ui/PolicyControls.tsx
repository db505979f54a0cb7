// Jobs 1 and 2 as controls: the policy, "hide unsolicited brand messages", the opt-in for
// platform-verified organisations, and collapsing network suggestions and platform recommendations.
// Shared by the popup and the options page.
import { updateSettings, type SettingsPatch } from '../db';
import { POLICIES, type Policy, type Settings } from '../core/settings';
import { useAnnounce } from './announcer';
import { Segmented, Switch } from './controls';
import { t } from './i18n';
import { useEnv } from './platform';
import { write } from './write';
import { errorDetail } from './problems';

export function PolicyControls({ settings }: { settings: Settings }) {
  const env = useEnv();
  const announce = useAnnounce();

  const change = async (patch: SettingsPatch, message: string, undoPatch: SettingsPatch) => {
    try {
      await write(env, (db) => updateSettings(db, patch));
      announce(message, () => write(env, (db) => updateSettings(db, undoPatch)));
    } catch (e) {
      announce(t('actionFailed', errorDetail(e)));
    }
  };

  const setPolicy = (policy: Policy) =>
    change({ policy }, t('policyChanged', t(`policy_${policy}`)), { policy: settings.policy });

  const strict = settings.policy === 'strict';
  const off = settings.policy === 'off';

  return (
    <div class="policy">
      <Segmented
        legend={t('policyLegend')}
        name="policy"
        value={settings.policy}
        options={POLICIES.map((p) => ({ value: p, label: t(`policy_${p}`) }))}
        onChange={(p) => void setPolicy(p)}
        describedBy="policy-desc"
      />
      <p id="policy-desc" class="policy__desc">{t(`policyDesc_${settings.policy}`)}</p>
      <Switch
        name="hideUnsolicitedBrands"
        checked={settings.hideUnsolicitedBrands}
        label={t('hideBrandsLabel')}
        description={off ? t('hideBrandsOff') : strict ? t('hideBrandsStrict') : t('hideBrandsDesc')}
        onChange={(v) =>
          void change({ hideUnsolicitedBrands: v }, t(v ? 'hideBrandsOn' : 'hideBrandsOffNow'), { hideUnsolicitedBrands: !v })
        }
      />
      <Switch
        name="letVerifiedOrganizations"
        checked={settings.letVerifiedOrganizations}
        label={t('verifiedOrgsLabel')}
        description={t('verifiedOrgsDesc')}
        onChange={(v) =>
          void change({ letVerifiedOrganizations: v }, t(v ? 'verifiedOrgsOn' : 'verifiedOrgsOff'), { letVerifiedOrganizations: !v })
        }
      />
      <Switch
        name="collapseNetworkSuggestions"
        checked={settings.collapseNetworkSuggestions}
        label={t('networkSuggestionsLabel')}
        description={t('networkSuggestionsDesc')}
        onChange={(v) =>
          void change({ collapseNetworkSuggestions: v }, t(v ? 'networkSuggestionsOn' : 'networkSuggestionsOff'), { collapseNetworkSuggestions: !v })
        }
      />
      <Switch
        name="collapseRecommendations"
        checked={settings.collapseRecommendations}
        label={t('recommendationsLabel')}
        description={t('recommendationsDesc')}
        onChange={(v) =>
          void change({ collapseRecommendations: v }, t(v ? 'recommendationsOn' : 'recommendationsOff'), { collapseRecommendations: !v })
        }
      />
    </div>
  );
}
