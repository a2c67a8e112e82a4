/**
 * The contract's limits and vocabularies as plain values, free of zod, so that a
 * first-load bundle (the widget's shell) can show them without loading the schemas.
 */
export const BODY_MAX_LENGTH = 5000;
export const PSEUDONYM_MAX_LENGTH = 40;
export const TITLE_MAX_LENGTH = 300;
export const QUOTE_MAX_LENGTH = 2000;
export const QUOTE_CONTEXT_MAX_LENGTH = 64;
export const URL_MAX_LENGTH = 2048;
export const BATCH_MAX_ITEMS = 100;

/** `reply`: a citizen's reply to another contribution (one level), with `parentId`. */
export const contributionKinds = ['comment', 'gap', 'reply'] as const;
export const gapTypes = [
  'missing-information',
  'outdated',
  'missing-data',
  'broken-link',
  'unclear-responsibility',
  'no-contact',
  'inaccessible',
  'other',
] as const;
/** `site`: the platform's own public pages (a « Moi aussi » or a reply written there). */
export const contributionSources = ['extension', 'widget', 'site'] as const;
export const contributionStatuses = ['pending', 'published', 'hidden', 'rejected'] as const;
/** Where an organisation stands on a contribution it answers (see answer.ts). */
export const answerStatuses = ['received', 'in-progress', 'answered', 'not-our-remit'] as const;
