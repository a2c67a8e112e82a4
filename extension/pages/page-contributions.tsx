import { browser } from 'wxt/browser';
import { ContributionItem } from '../components/contribution-item';
import { pagesStrings } from '../i18n/pages';
import type { PageState } from '../messaging/protocol';
import { pageLocale, settings } from './locale';

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
  const links = publicPages(settings.value?.platformUrl, state.url, locale);
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
              <ContributionItem key={c.id} contribution={c} locale={locale} permalink={links?.permalink(c.id)} />
            ))}
          </ul>
        )}
        {links ? (
          <p>
            <a href={links.all} target="_blank" rel="noopener noreferrer">
              {t.seeAll}
            </a>
          </p>
        ) : null}
      </section>
      {lost.length > 0 ? (
        <section aria-labelledby="orphans-title">
          <h2 id="orphans-title">{t.orphansTitle(lost.length)}</h2>
          <p class="hint">{t.orphansHint}</p>
          <ul class="list">
            {lost.map((c) => (
              <ContributionItem key={c.id} contribution={c} locale={locale} permalink={links?.permalink(c.id)} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
