// The regex engine as a file of its own, built as a classic script. The background injects it into a
// tab's isolated world when that tab's content script has a regex rule to compile (regex-loader.ts):
// re2js is as big as the rest of the content script, and most users have no regex rules.
import { re2 } from '../core/re2';
import { REGEX_ENGINE_GLOBAL } from './regex-engine-key';

(globalThis as Record<string, unknown>)[REGEX_ENGINE_GLOBAL] = re2;
