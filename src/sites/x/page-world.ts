// Runs in x.com's own JS world at document_start, before X's scripts: reads the API responses X
// already fetches (follow state, badges, promoted markers) and hands compact facts to the isolated
// content script. The shared machinery (src/page-world) does the hooking, guarding and posting.
import { installPageReader } from '../../page-world/install';
import { xPageReader } from './page-reader';

installPageReader(window, xPageReader);
