import { render } from 'preact';
import { pagesStrings } from '../../i18n/pages';
import { CommitmentCard } from '../../pages/commitment-card';
import { pageView, followActivePage } from '../../pages/active-page';
import { connectDraftsFeed } from '../../pages/drafts-feed';
import { followLivePage } from '../../pages/live-page';
import { followSettings, pageLocale } from '../../pages/locale';
import { MyContributions } from '../../pages/my-contributions';
import { PageContributions } from '../../pages/page-contributions';
import '../../pages/pages.css';

function SidePanel() {
  const t = pagesStrings[pageLocale.value];
  const view = pageView.value;
  return (
    <main>
      <h1>{t.sidePanelTitle}</h1>
      {view.kind === 'loading' ? (
        <p>{t.loading}</p>
      ) : view.kind === 'unreadable' ? (
        <p>{t.noPage}</p>
      ) : (
        <>
          <p class="meta">
            {t.thisPage} : {view.state.title || view.state.url}
          </p>
          {view.state.allowed ? <CommitmentCard commitments={view.commitments} /> : null}
          <PageContributions state={view.state} />
        </>
      )}
      <MyContributions />
    </main>
  );
}

const lifetime = new AbortController();
followSettings(lifetime.signal);
connectDraftsFeed(lifetime.signal);
followActivePage(lifetime.signal);
followLivePage(lifetime.signal);
render(<SidePanel />, document.getElementById('app')!);
