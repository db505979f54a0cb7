// The options page's sections, in the order of its navigation: one list that the page, its tests and
// the accessibility checks all read, so a new section cannot be left out of any of them.
export const SECTIONS = ['general', 'rules', 'allowed', 'follows', 'log', 'sites', 'sync', 'data'] as const;
export type SectionId = (typeof SECTIONS)[number];
