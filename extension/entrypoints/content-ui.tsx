import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerChunk } from '../content/chunks';
import { openComposer } from '../ui/composer';
import { showContributions } from '../ui/contributions-popover';

// Imported by the content script on first use: a selection acted on, a highlight opened.
export default defineUnlistedScript(() => registerChunk('ui', { openComposer, showContributions }));
