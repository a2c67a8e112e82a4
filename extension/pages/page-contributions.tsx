import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Contribution } from '../../api-client/contract';
import { ContributionItem } from '../components/contribution-item';
import { shownCount } from '../components/support-button';
import { useSupportMarks, type SupportMarks } from '../components/support-marks';
import { pagesStrings } from '../i18n/pages';
import { talkBackStrings } from '../i18n/talk-back';
import type { PageState } from '../messaging/protocol';
import { decidePassage } from './active-page';
import { supportsFeed } from './drafts-feed';
import { liveList } from './live-page';
import { pageLocale, settings } from './locale';
import { PublishedItem } from './published-item';

type SortOrder = 'newest' | 'support';

/** Newest first (as the platform lists them), or the most supported first, newest among equals. */
function sorted(
  items: readonly Contribution[],
  order: SortOrder,
  support: SupportMarks,
  listedAt: number,
): Contribution[] {
  if (order === 'newest') return [...items];
  const count = (c: Contribution) => shownCount({ count: c.supportCount ?? 0, at: listedAt }, support.marks.get(c.id));
  return [...items].sort((a, b) => count(b) - count(a) || b.receivedAt.localeCompare(a.receivedAt));
}

/** The platform's public pages for this page and its contributions, in the extension's language. */
function publicPages(platformUrl: string | undefined, pageUrl: string, locale: string) {
  if (!platformUrl) return undefined;
  const base = platformUrl.replace(/\/+$/, '');
  const lang = locale === 'en' ? 'lang=en' : '';
  return {
    all: `${base}/pages?url=${encodeURIComponent(pageUrl)}${lang ? `&${lang}` : ''}`,
    permalink: (id: string) => `${base}/c/${encodeURIComponent(id)}${lang ? `?${lang}` : ''}`,
  };
}

/**
 * A contribution whose passage may have changed: the words found that may be
 * it, and the citizen's answer. Nothing is highlighted until they say "C'est ici".
 */
function PossibleMatch({
  contribution,
  found,
  onAnswered,
}: {
  contribution: Contribution;
  found: string;
  onAnswered: (here: boolean, done: boolean) => void;
}) {
  const t = pagesStrings[pageLocale.value];
  const busy = useSignal(false);
  const foundId = `found-${contribution.id}`;
  const answer = (here: boolean) => {
    busy.value = true;
    void decidePassage(contribution.id, here)
      .catch(() => false)
      .then((done) => {
        busy.value = false;
        onAnswered(here, done);
      });
  };
  return (
    <li aria-label={t.possibleLabel}>
      <ul class="list">
        <ContributionItem contribution={contribution} locale={pageLocale.value} />
      </ul>
      <p class="found" id={foundId}>
        <strong>{t.foundOnPage}</strong> <span class="quote">{found}</span>
      </p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          aria-describedby={foundId}
          disabled={busy.value}
          onClick={() => answer(true)}
        >
          {t.itsHere}
        </button>
        <button type="button" aria-describedby={foundId} disabled={busy.value} onClick={() => answer(false)}>
          {t.notHere}
        </button>
      </div>
    </li>
  );
}

/**
 * The page's published contributions; those whose passage may have changed are
 * offered for the citizen to confirm, those whose passage is gone are listed
 * apart: never hidden.
 */
export function PageContributions({ state }: { state: PageState }) {
  const locale = pageLocale.value;
  const t = pagesStrings[locale];
  const said = useSignal('');
  const order = useSignal<SortOrder>('newest');
  const heading = useRef<HTMLHeadingElement>(null);
  const live = liveList.value;
  // The panel's own list, kept current by the live stream, once read; the tab's until then.
  const contributions = live?.url === state.url ? live.items : state.contributions;
  const listedAt = live?.url === state.url ? live.readAt : state.readAt;
  const support = useSupportMarks(state.allowed ? contributions.map((c) => c.id) : [], supportsFeed.value);
  if (!state.allowed) {
    return (
      <section aria-labelledby="published-title">
        <h2 id="published-title">{t.published(0)}</h2>
        <p>{t.notAllowed}</p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t.editAllowList}
        </button>
      </section>
    );
  }
  const links = publicPages(settings.value?.platformUrl, state.url, locale);
  const orphans = new Set(state.orphanIds);
  const found = new Map(state.possible.map((p) => [p.id, p.text]));
  const placed = sorted(
    contributions.filter((c) => !orphans.has(c.id) && !found.has(c.id)),
    order.value,
    support,
    listedAt,
  );
  const lost = contributions.filter((c) => orphans.has(c.id));
  const publishedItem = (c: Contribution) => (
    <PublishedItem
      key={c.id}
      contribution={c}
      listedAt={listedAt}
      permalink={links?.permalink(c.id)}
      support={support}
    />
  );
  const maybe = contributions.filter((c) => found.has(c.id));
  const tb = talkBackStrings[locale];
  const answered = (here: boolean, done: boolean) => {
    said.value = !done ? t.decideFailed : here ? t.confirmedHere : t.refusedHere;
    // The answered item leaves its list: focus goes to the list's heading, not to the page's top.
    if (done) heading.current?.focus();
  };
  return (
    <>
      <section aria-labelledby="published-title">
        <h2 id="published-title" tabIndex={-1} ref={heading}>
          {t.published(contributions.length)}
        </h2>
        <p class="status" role="status">
          {support.failed ? tb.supportFailed : said.value}
        </p>
        {state.lookup === 'pending' ? (
          <p>{t.loading}</p>
        ) : state.lookup === 'failed' ? (
          <p>{t.lookupFailed}</p>
        ) : contributions.length === 0 ? (
          <p>{t.noneYet}</p>
        ) : placed.length > 0 ? (
          <>
            {placed.length > 1 ? (
              <p class="sort">
                <label for="published-sort">{tb.sortBy}</label>
                <select
                  id="published-sort"
                  value={order.value}
                  onChange={(event) => (order.value = (event.target as HTMLSelectElement).value as SortOrder)}
                >
                  <option value="newest">{tb.sortNewest}</option>
                  <option value="support">{tb.sortSupport}</option>
                </select>
              </p>
            ) : null}
            <ul class="list">{placed.map(publishedItem)}</ul>
          </>
        ) : null}
        {links ? (
          <p>
            <a href={links.all} target="_blank" rel="noopener noreferrer">
              {t.seeAll}
            </a>
          </p>
        ) : null}
      </section>
      {maybe.length > 0 ? (
        <section aria-labelledby="possible-title">
          <h2 id="possible-title">{t.possibleTitle(maybe.length)}</h2>
          <p class="hint">{t.possibleHint}</p>
          <ul class="list">
            {maybe.map((c) => (
              <PossibleMatch key={c.id} contribution={c} found={found.get(c.id)!} onAnswered={answered} />
            ))}
          </ul>
        </section>
      ) : null}
      {lost.length > 0 ? (
        <section aria-labelledby="orphans-title">
          <h2 id="orphans-title">{t.orphansTitle(lost.length)}</h2>
          <p class="hint">{t.orphansHint}</p>
          <ul class="list">{lost.map(publishedItem)}</ul>
        </section>
      ) : null}
    </>
  );
}
