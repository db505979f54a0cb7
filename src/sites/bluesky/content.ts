// Doorman on bsky.app: the shared content machinery driven by the Bluesky adapter.
import { startContent } from '../../content/start';
import { bskyAdapter } from './adapter';

startContent(bskyAdapter);
