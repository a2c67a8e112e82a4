import type { UiLocale } from '../i18n/locale';
import { sendMessage } from '../messaging/messenger';
import { pageAddress } from '../shared/page-address';
import { loadChunk } from './lazy-chunk';
import type { PageFacts } from './page-state';
import type { UiHost } from './ui-host';

export interface PublishedContributionsOptions {
  signal: AbortSignal;
  facts: PageFacts;
  host: () => UiHost;
  locale: UiLocale;
}

/**
 * On a page of the allow-list, once the browser is idle: asks the background for
 * the page's published contributions, then, if any quotes a passage, loads the
 * highlighter to paint them. Elsewhere it does nothing at all: no message, no
 * request, until the citizen acts.
 */
export function startPublishedContributions(options: PublishedContributionsOptions): void {
  const { signal, facts } = options;
  if (!facts.allowed) return;
  const idle = (run: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 500);
  idle(() => {
    if (signal.aborted) return;
    void lookUp().catch(() => {
      facts.lookup = 'failed';
      facts.anchoring = false;
    });
  });

  async function lookUp() {
    const answer = await sendMessage('page:lookup', { url: pageAddress(document) });
    if (signal.aborted) return;
    if (!answer.allowed) {
      facts.allowed = false;
      facts.lookup = 'not-allowed';
      return;
    }
    facts.contributions = answer.contributions;
    facts.lookup = 'done';
    const quoted = answer.contributions.filter((c) => c.target.selectors.length > 0);
    if (quoted.length === 0) return;
    facts.anchoring = true;
    const highlights = await loadChunk('highlights');
    await highlights.startHighlighter({
      host: options.host(),
      contributions: quoted,
      locale: options.locale,
      signal,
      onAnchored: ({ orphanIds }) => {
        facts.orphanIds = orphanIds;
        facts.anchoring = false;
      },
      onActivate: (contributions, at, marker) => {
        void loadChunk('ui').then((ui) =>
          ui.showContributions({
            host: options.host(),
            contributions,
            at,
            returnFocus: marker,
            locale: options.locale,
            signal,
          }),
        );
      },
    });
  }
}
