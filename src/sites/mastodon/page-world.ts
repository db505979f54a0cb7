// Runs in a Mastodon server's own JS world at document_start, before the app's scripts: reads the API
// responses the app already fetches (axios, i.e. XHR) and hands compact facts to the isolated content
// script. The shared machinery (src/page-world) does the hooking, guarding and posting.
import { installPageReader } from '../../page-world/install';
import { mastodonPageReader } from './page-reader';

installPageReader(window, mastodonPageReader(window));
