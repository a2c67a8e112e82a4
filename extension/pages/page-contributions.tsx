import { browser } from 'wxt/browser';
import { ContributionItem } from '../components/contribution-item';
import { pagesStrings } from '../i18n/pages';
import type { PageState } from '../messaging/protocol';
import { pageLocale } from './locale';

/** The page's published contributions; those whose passage is gone are listed apart, never hidden. */
export function PageContributions({ state }: { state: PageState }) {
  const locale = pageLocale.value;
  const t = pagesStrings[locale];
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
  const orphans = new Set(state.orphanIds);
  const placed = state.contributions.filter((c) => !orphans.has(c.id));
  const lost = state.contributions.filter((c) => orphans.has(c.id));
  return (
    <>
      <section aria-labelledby="published-title">
        <h2 id="published-title">{t.published(state.contributions.length)}</h2>
        {state.lookup === 'pending' ? (
          <p>{t.loading}</p>
        ) : state.lookup === 'failed' ? (
          <p>{t.lookupFailed}</p>
        ) : placed.length === 0 && lost.length === 0 ? (
          <p>{t.noneYet}</p>
        ) : (
          <ul class="list">
            {placed.map((c) => (
              <ContributionItem key={c.id} contribution={c} locale={locale} />
            ))}
          </ul>
        )}
      </section>
      {lost.length > 0 ? (
        <section aria-labelledby="orphans-title">
          <h2 id="orphans-title">{t.orphansTitle(lost.length)}</h2>
          <p class="hint">{t.orphansHint}</p>
          <ul class="list">
            {lost.map((c) => (
              <ContributionItem key={c.id} contribution={c} locale={locale} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
