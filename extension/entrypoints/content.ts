import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../content/main';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main: (ctx) => startContent(ctx),
});
