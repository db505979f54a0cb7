import { render } from 'preact';

render(<main>Doorman</main>, document.getElementById('app')!);
