// Boots an extension page (popup or options): the UI language's lang and dir, the shared styles, the
// database opened early, and the providers every view expects.
import { render, type ComponentChildren } from 'preact';
import { z } from 'zod';
import { getDb } from '../db';
import { AnnouncerProvider } from './announcer';
import { browserPlatform } from './browser-platform';
import { applyPageLanguage } from './i18n';
import { EnvContext } from './platform';
import { BOOT_MARK } from './ready';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';

// Extension pages may not eval: tell zod up front instead of letting it probe with new Function.
z.config({ jitless: true });

export function mount(view: ComponentChildren): void {
  // Scripts loaded and evaluated: the benchmark splits time to first render at this mark.
  performance.mark(BOOT_MARK);
  applyPageLanguage(document);
  const env = { db: getDb(), platform: browserPlatform };
  // Open the database now, while the first frame renders, instead of at the first query.
  env.db.open().catch((e: unknown) => console.error('doorman: could not open the database', e));
  render(
    <EnvContext.Provider value={env}>
      <AnnouncerProvider>{view}</AnnouncerProvider>
    </EnvContext.Provider>,
    document.getElementById('app')!,
  );
}
