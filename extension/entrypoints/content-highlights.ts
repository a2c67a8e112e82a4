import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerChunk } from '../content/chunks';
import { startHighlighter } from '../highlights/highlighter';

// Imported by the content script when a page has published contributions to show.
export default defineUnlistedScript(() => registerChunk('highlights', { startHighlighter }));
