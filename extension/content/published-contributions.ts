import type { UiLocale } from '../i18n/locale';
import { sendMessage } from '../messaging/messenger';
import { pageAddress } from '../shared/page-address';
import type { Highlighter } from './chunks';
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
 * the page's published contributions (and this device's answers about their
 * passages), then, if any quotes a passage, loads the highlighter to paint them
 * and keep them painted as the page changes. Elsewhere it does nothing at all:
 * no message, no request, until the citizen acts.
 */
export function startPublishedContributions(options: PublishedContributionsOptions): PassageDecisions {
  const { signal, facts } = options;
  let highlighter: Highlighter | undefined;
  const decisions: PassageDecisions = { decide: async (id, here) => (await highlighter?.decide(id, here)) ?? false };
  if (!facts.allowed) return decisions;
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
    facts.readAt = answer.readAt;
    facts.lookup = 'done';
    const quoted = answer.contributions.filter((c) => c.target.selectors.length > 0);
    if (quoted.length === 0) return;
    facts.anchoring = true;
    const chunk = await loadChunk('highlights');
    const url = pageAddress(document);
    highlighter = await chunk.startHighlighter({
      host: options.host(),
      contributions: quoted,
      choices: answer.choices,
      locale: options.locale,
      signal,
      onPlaced: ({ orphanIds, possible }) => {
        facts.orphanIds = orphanIds;
        facts.possible = possible;
        facts.anchoring = false;
      },
      onChoose: (contributionId, choice) => sendMessage('passage:choose', { url, contributionId, choice }),
      onActivate: (contributions, at, marker) => {
        void loadChunk('ui').then((ui) =>
          ui.showContributions({
            host: options.host(),
            contributions,
            listedAt: answer.readAt,
            at,
            returnFocus: marker,
            locale: options.locale,
            signal,
          }),
        );
      },
    });
  }
  return decisions;
}

/** The side panel's questions about possible matches, answered once the highlighter runs. */
export interface PassageDecisions {
  decide(id: string, here: boolean): Promise<boolean>;
}
