// The options page shell: a side navigation of sections (each addressable by #hash) and the
// current section. Only the section in view is rendered, so the 10,000-row log costs nothing
// while you edit rules. Rules and Backup load on demand: they need the rule schemas, and with
// them the RE2 regex engine, which the other sections (and the first paint) can do without.
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import { SECTION_REQUEST_KEY } from '../ui/platform';
import { AllowedSection } from './sections/AllowedSection';
import { FollowsSection } from './sections/FollowsSection';
import { GeneralSection } from './sections/GeneralSection';
import { LogSection } from './sections/LogSection';
import { SitesSection } from './sections/SitesSection';
import { SyncSection } from './sections/SyncSection';

import { SECTIONS, type SectionId } from './sections';

export { SECTIONS, type SectionId };

type Loader = () => Promise<ComponentType>;

const VIEWS: Record<SectionId, ComponentType | Loader> = {
  general: GeneralSection,
  rules: () => import('./sections/RulesSection').then((m) => m.RulesSection),
  allowed: AllowedSection,
  follows: FollowsSection,
  log: LogSection,
  sites: SitesSection,
  sync: SyncSection,
  data: () => import('./sections/DataSection').then((m) => m.DataSection),
};

const LAZY: ReadonlySet<SectionId> = new Set(['rules', 'data']);
const loaded = new Map<SectionId, ComponentType>();

/** The section's component, loading it first when it is one of the on-demand ones. */
function useView(section: SectionId): ComponentType | null {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!LAZY.has(section) || loaded.has(section)) return undefined;
    let live = true;
    (VIEWS[section] as Loader)().then((view) => {
      loaded.set(section, view);
      if (live) setTick((n) => n + 1);
    }, (e: unknown) => console.error(`doorman: could not load the ${section} section`, e));
    return () => {
      live = false;
    };
  }, [section]);
  return LAZY.has(section) ? (loaded.get(section) ?? null) : (VIEWS[section] as ComponentType);
}

const ICONS: Record<SectionId, string> = {
  general: 'M3 5h14M3 10h14M3 15h14M7 3v4M13 8v4M9 13v4',
  rules: 'M4 4h12v3H4zM4 9h8v3H4zM4 14h10v3H4z',
  allowed: 'M10 2l6 3v5c0 3.5-2.6 6.4-6 7.5C6.6 16.4 4 13.5 4 10V5l6-3zm-2.5 8l2 2 3.5-4',
  follows: 'M7 9a3 3 0 100-6 3 3 0 000 6zm-5 8c0-3 2.2-5 5-5s5 2 5 5M14 8a2.5 2.5 0 100-5M15 12c2 .4 3 2 3 5',
  log: 'M4 3h9l3 3v11H4zM7 8h6M7 11h6M7 14h4',
  sites: 'M10 2a8 8 0 100 16 8 8 0 000-16zM2 10h16M10 2c2.5 2.5 3 5.5 3 8s-.5 5.5-3 8c-2.5-2.5-3-5.5-3-8s.5-5.5 3-8z',
  sync: 'M4 8a6 6 0 0110.5-3.5L16 6M16 3v3h-3M16 12a6 6 0 01-10.5 3.5L4 14M4 17v-3h3',
  data: 'M10 3c4 0 7 1.3 7 3s-3 3-7 3-7-1.3-7-3 3-3 7-3zM3 6v8c0 1.7 3 3 7 3s7-1.3 7-3V6M3 10c0 1.7 3 3 7 3s7-1.3 7-3',
};

const isSection = (s: string): s is SectionId => (SECTIONS as readonly string[]).includes(s);

function sectionFromHash(): SectionId {
  const h = location.hash.replace(/^#/, '');
  return isSection(h) ? h : 'general';
}

export function App() {
  const [section, setSection] = useState<SectionId>(() => {
    const asked = localStorage.getItem(SECTION_REQUEST_KEY);
    if (asked !== null) {
      localStorage.removeItem(SECTION_REQUEST_KEY);
      if (isSection(asked)) {
        history.replaceState(null, '', `#${asked}`);
        return asked;
      }
    }
    return sectionFromHash();
  });
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    const onHash = () => setSection(sectionFromHash());
    // The popup asks an already open options page for a section through localStorage.
    const onStorage = (e: StorageEvent) => {
      if (e.key !== SECTION_REQUEST_KEY || e.newValue === null) return;
      localStorage.removeItem(SECTION_REQUEST_KEY);
      if (isSection(e.newValue)) location.hash = e.newValue;
    };
    addEventListener('hashchange', onHash);
    addEventListener('storage', onStorage);
    return () => {
      removeEventListener('hashchange', onHash);
      removeEventListener('storage', onStorage);
    };
  }, []);

  useEffect(() => {
    document.title = `${t(`section_${section}`)} · ${t('extName')}`;
    // After a navigation (not on load), move focus to the new section's heading for screen readers.
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [section]);

  const View = useView(section);
  useEffect(() => {
    // Fetch the on-demand sections once the page is idle, so switching to them is instant.
    const warm = () => LAZY.forEach((s) => void (VIEWS[s] as Loader)().then((v) => loaded.set(s, v)));
    const id = typeof requestIdleCallback === 'function' ? requestIdleCallback(warm, { timeout: 3_000 }) : setTimeout(warm, 1_500);
    return () => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id as number) : clearTimeout(id));
  }, []);
  return (
    <div class="shell">
      <a class="skip-link" href="#main">{t('skipToContent')}</a>
      <aside class="sidebar">
        <div class="sidebar__brand">
          <img src="/icons/icon-48.png" alt="" width={32} height={32} />
          <div>
            <div class="sidebar__name">{t('extName')}</div>
            <div class="sidebar__tagline">{t('tagline')}</div>
          </div>
        </div>
        <nav aria-label={t('sectionsNav')}>
          <ul class="nav">
            {SECTIONS.map((s) => (
              <li key={s}>
                <a class="nav__link" href={`#${s}`} aria-current={s === section ? 'page' : undefined}>
                  <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">
                    <path d={ICONS[s]} fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
                  </svg>
                  {t(`section_${s}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <main id="main" class="content">
        <header class="content__head">
          <h1 ref={heading} tabIndex={-1} class="content__title">{t(`section_${section}`)}</h1>
          <p class="content__lead">{t(`sectionLead_${section}`)}</p>
        </header>
        {View ? <View /> : <div class="skeleton" style={{ height: '200px' }} aria-busy="true" />}
      </main>
    </div>
  );
}
