import { render } from 'preact';
import { getDb } from '../background/db';
import { AnnouncerProvider } from '../ui/announcer';
import { browserPlatform } from '../ui/browser-platform';
import { EnvContext } from '../ui/platform';
import { BOOT_MARK } from '../ui/ready';
import '../ui/styles/tokens.css';
import '../ui/styles/base.css';
import '../ui/styles/controls.css';
import './popup.css';
import { Popup } from './Popup';

// Scripts loaded and evaluated: the benchmark splits time to first render at this mark.
performance.mark(BOOT_MARK);

const env = { db: getDb(), platform: browserPlatform };
// Open the database now, while the first frame renders, instead of at the first query.
env.db.open().catch((e: unknown) => console.error('doorman: could not open the database', e));

render(
  <EnvContext.Provider value={env}>
    <AnnouncerProvider>
      <Popup />
    </AnnouncerProvider>
  </EnvContext.Provider>,
  document.getElementById('app')!,
);
