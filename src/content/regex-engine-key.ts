// Where the regex engine file (regex-engine.ts) leaves the engine: a property of the content
// script's own isolated world, which the page cannot see.
export const REGEX_ENGINE_GLOBAL = '__doormanRegexEngine';
