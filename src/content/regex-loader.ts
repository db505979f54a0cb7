// Gets the regex engine into this isolated world when a rule needs it: the background injects
// regex-engine.ts (scripting.executeScript, same world as this script), which leaves the engine on
// the global below. No web-accessible resource is involved, so pages cannot probe for the file.
import type { RegexEngine } from '../core/text-match';
import { send } from './extension-api';
import { REGEX_ENGINE_GLOBAL } from './regex-engine-key';

export interface RegexSource {
  /** The engine if it is already here. */
  current(): RegexEngine | null;
  /** Loads it (once); null when it could not be loaded. */
  load(): Promise<RegexEngine | null>;
}

function isEngine(v: unknown): v is RegexEngine {
  return typeof v === 'object' && v !== null && typeof (v as RegexEngine).compile === 'function';
}

export function injectedRegexEngine(scope: object = globalThis): RegexSource {
  const current = (): RegexEngine | null => {
    const v = (scope as Record<string, unknown>)[REGEX_ENGINE_GLOBAL];
    return isEngine(v) ? v : null;
  };
  let loading: Promise<RegexEngine | null> | null = null;
  return {
    current,
    load() {
      const here = current();
      if (here) return Promise.resolve(here);
      loading ??= send({ type: 'regex/load' })
        .then(() => current(), () => null)
        .then((engine) => {
          // A failure may be passing (the worker restarting): the next snapshot tries again.
          if (engine === null) loading = null;
          return engine;
        });
      return loading;
    },
  };
}
