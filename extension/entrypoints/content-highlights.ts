import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerChunk } from '../content/chunks';
import { startHighlighter } from '../highlights/highlighter';
import { startOwnPassages } from '../highlights/own-passages';

// Imported by the content script when a page has published contributions, or the citizen's own, to show.
export default defineUnlistedScript(() => registerChunk('highlights', { startHighlighter, startOwnPassages }));
