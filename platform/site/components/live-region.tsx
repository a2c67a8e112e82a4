import type { PageContext } from '../context';

/**
 * What the live page's script (assets/live.js) reads from a list it keeps up to date:
 * where its stream is (resuming from the event id the page was made at), where the
 * server renders one contribution, whether new contributions go on top (the first page
 * only: later pages would shift), and the words it fills in. Without JavaScript, nothing
 * of it shows.
 */
/** Stands for the event id in the rendered page until it is filled in, out of the ETag (respond.ts). */
export const EVENT_ID_PLACEHOLDER = 'vigie-live-event-id';

export function liveAttributes(
  page: PageContext,
  live: { commitmentId: string; firstPage: boolean },
): Record<string, string> {
  const w = page.words;
  const stream = new URLSearchParams({ commitmentId: live.commitmentId, lastEventId: EVENT_ID_PLACEHOLDER });
  return {
    'data-live': `/v1/stream?${stream.toString()}`,
    'data-fragments': '/fragments/contributions/',
    ...(live.firstPage ? { 'data-first-page': '' } : {}),
    'data-support-one': w['support.one'],
    'data-support-other': w['support.other'],
    'data-replies-heading': w['replies.heading'],
    'data-removed': w['live.removed'],
    'data-answered': w['live.answered'],
    'data-reset': w['live.reset'],
    'data-reload': w['live.reload'],
  };
}

/**
 * The note that the list is live (shown by the script) and the polite live region it
 * announces changes in: present from the start, as screen readers only follow a region
 * that was in the page before it changed. Announcing never moves the focus.
 */
export function LiveRegion({ page }: { page: PageContext }) {
  return (
    <>
      <p class="vigie-live-note fr-text--sm" data-live-note="" hidden>
        {page.words['live.note']}
      </p>
      <div class="fr-sr-only" role="status" aria-live="polite" data-live-announcer="" />
      <div class="vigie-live-reset" data-live-reset="" hidden />
    </>
  );
}
