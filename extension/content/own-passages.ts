import type { UiLocale } from '../i18n/locale';
import { sendMessage } from '../messaging/messenger';
import { pageAddress } from '../shared/page-address';
import type { OwnPassagesPainter } from './chunks';
import { loadChunk } from './lazy-chunk';
import type { PageFacts } from './page-state';
import type { UiHost } from './ui-host';

export interface OwnPassagesStart {
  signal: AbortSignal;
  facts: PageFacts;
  host: () => UiHost;
  locale: UiLocale;
}

export interface OwnPassages {
  /** Asks the background again (the composer just sent, or its draft moved on). */
  refresh(): Promise<void>;
}

/**
 * The citizen's own contributions on this page that are not public yet (waiting to be
 * sent, awaiting review), marked on their passages for them alone. Asked of the
 * background (this device's drafts, no platform request) on pages of the allow-list once
 * the browser is idle, and after a send from this page anywhere; the highlighter chunk
 * loads only when there is one to mark.
 */
export function startOwnPassages(options: OwnPassagesStart): OwnPassages {
  const { signal } = options;
  let painter: Promise<OwnPassagesPainter> | undefined;
  const refresh = async () => {
    const own = await sendMessage('page:own', { url: pageAddress(document) });
    if (signal.aborted || (own.length === 0 && !painter)) return;
    painter ??= loadChunk('highlights').then((chunk) =>
      chunk.startOwnPassages({ host: options.host(), locale: options.locale, signal }),
    );
    await (await painter).show(own);
  };
  if (options.facts.allowed) {
    const idle = (run: () => void) =>
      'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 500);
    idle(() => void refresh().catch(() => undefined));
  }
  return { refresh: () => refresh().catch(() => undefined) };
}
