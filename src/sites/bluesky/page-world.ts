// Runs in bsky.app's own JS world at document_start, before the app's scripts: reads the XRPC
// responses the app already fetches from the user's PDS (follow state, verification, labels, reply
// parents) and hands compact facts to the isolated content script through the shared machinery.
import { installPageReader } from '../../page-world/install';
import { bskyPageReader } from './page-reader';

installPageReader(window, bskyPageReader);
