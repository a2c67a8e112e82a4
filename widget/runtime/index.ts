// The widget's one lazy chunk: reading the platform and keeping drafts load together on
// the first interaction, and compress better as one file than as several.
export { createReader } from './reader';
export { createWriter } from './writer';
export { copyLink, renderPublishedItems } from '../published-items';
