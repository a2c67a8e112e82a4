import type { ComponentChildren } from 'preact';
import { assetUrls } from './assets';
import { TalkWords } from './components/talk-controls';
import type { PageContext, Params } from './context';

export interface OpenGraph {
  title: string;
  description: string;
  type: 'website' | 'article';
  publishedTime?: string | undefined;
}

export interface PageHead {
  title: string;
  description: string;
  /** What names this page beside its path (a page number, a search): part of its canonical address. */
  params?: Params | undefined;
  /** The Atom feed that goes with the page. */
  feed?: { title: string; href: string } | undefined;
  openGraph?: OpenGraph | undefined;
  /** Breadcrumb above the title: links, then the current page's name. */
  trail?: Array<{ label: string; href?: string }> | undefined;
  /** The page keeps a list up to date with the live events (assets/live.js). */
  live?: boolean | undefined;
  /** The page shows contributions: « Moi aussi » and « Répondre » (api-client/public-pages), when built. */
  talk?: boolean | undefined;
}

function Header({ page }: { page: PageContext }) {
  const w = page.words;
  return (
    <header role="banner" class="fr-header">
      <div class="fr-header__body">
        <div class="fr-container">
          <div class="fr-header__body-row">
            <div class="fr-header__brand fr-enlarge-link">
              <div class="fr-header__brand-top">
                <div class="fr-header__logo">
                  <p class="fr-logo" lang="fr">
                    République
                    <br />
                    Française
                  </p>
                </div>
              </div>
              <div class="fr-header__service">
                <a href={page.href('/')} title={`${w['nav.home']} — ${w['site.name']}`}>
                  <p class="fr-header__service-title">{w['site.name']}</p>
                </a>
                <p class="fr-header__service-tagline">{w['site.tagline']}</p>
              </div>
            </div>
          </div>
        </div>
      </div>
    </header>
  );
}

/** Plain links, always shown: the DSFR's collapsing menu needs JavaScript and these pages do not. */
function Navigation({ page, params }: { page: PageContext; params: Params | undefined }) {
  const w = page.words;
  const other = page.locale === 'fr' ? 'en' : 'fr';
  const links = [
    { href: page.href('/'), label: w['nav.plan'], current: page.path === '/' },
    { href: page.href('/recherche'), label: w['nav.search'], current: page.path === '/recherche' },
    { href: page.href('/pages'), label: w['nav.pages'], current: page.path === '/pages' },
    { href: page.href('/donnees'), label: w['nav.data'], current: page.path === '/donnees' },
  ];
  return (
    <nav class="vigie-nav" aria-label={w['site.menu']}>
      <div class="fr-container">
        <ul>
          {links.map((link) => (
            <li>
              <a class="fr-link" href={link.href} aria-current={link.current ? 'page' : undefined}>
                {link.label}
              </a>
            </li>
          ))}
          <li class="vigie-nav__lang">
            <a
              class="fr-link"
              href={page.otherLanguage(params)}
              lang={other}
              hreflang={other}
              title={w['lang.otherLabel']}
            >
              {w['lang.other']}
            </a>
          </li>
        </ul>
      </div>
    </nav>
  );
}

function Breadcrumb({ page, trail }: { page: PageContext; trail: NonNullable<PageHead['trail']> }) {
  return (
    <nav role="navigation" class="fr-breadcrumb" aria-label={page.words['nav.breadcrumb']}>
      <ol class="fr-breadcrumb__list">
        <li>
          <a class="fr-breadcrumb__link" href={page.href('/')}>
            {page.words['nav.home']}
          </a>
        </li>
        {trail.map((step) => (
          <li>
            {step.href ? (
              <a class="fr-breadcrumb__link" href={step.href}>
                {step.label}
              </a>
            ) : (
              <a class="fr-breadcrumb__link" aria-current="page">
                {step.label}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Footer({ page }: { page: PageContext }) {
  const w = page.words;
  return (
    <footer class="fr-footer" role="contentinfo">
      <div class="fr-container">
        <div class="fr-footer__body">
          <div class="fr-footer__brand">
            <p class="fr-logo" lang="fr">
              République
              <br />
              Française
            </p>
          </div>
          <div class="fr-footer__content">
            <p class="fr-footer__content-desc">{w['site.footer']}</p>
            <ul class="fr-footer__content-list">
              <li class="fr-footer__content-item">
                <a class="fr-footer__content-link" href={page.href('/donnees')}>
                  {w['nav.data']}
                </a>
              </li>
              <li class="fr-footer__content-item">
                <a class="fr-footer__content-link" href={page.href('/flux.atom')} type="application/atom+xml">
                  {w['nav.feed']}
                </a>
              </li>
            </ul>
          </div>
        </div>
      </div>
    </footer>
  );
}

/** The whole document: head (title, canonical, language versions, feed, Open Graph), header, main, footer. */
export function Layout({ page, head, children }: { page: PageContext; head: PageHead; children: ComponentChildren }) {
  const w = page.words;
  const og = head.openGraph;
  const canonical = page.addressIn(page.locale, head.params);
  return (
    <html lang={page.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${head.title} — ${w['site.name']}`}</title>
        <meta name="description" content={head.description} />
        <link rel="canonical" href={canonical} />
        <link rel="alternate" hreflang="fr" href={page.addressIn('fr', head.params)} />
        <link rel="alternate" hreflang="en" href={page.addressIn('en', head.params)} />
        {head.feed ? (
          <link rel="alternate" type="application/atom+xml" title={head.feed.title} href={head.feed.href} />
        ) : null}
        <link rel="stylesheet" href={assetUrls.dsfrCss} />
        <link rel="stylesheet" href={assetUrls.siteCss} />
        <link rel="icon" href={assetUrls.favicon} type="image/svg+xml" />
        <script type="module" src={assetUrls.shareJs} />
        {head.live ? <script type="module" src={assetUrls.liveJs} /> : null}
        {head.talk && page.talkScript ? <script type="module" src={page.talkScript} /> : null}
        {og ? (
          <>
            <meta property="og:site_name" content={w['site.name']} />
            <meta property="og:type" content={og.type} />
            <meta property="og:title" content={og.title} />
            <meta property="og:description" content={og.description} />
            <meta property="og:url" content={canonical} />
            <meta property="og:locale" content={page.locale === 'fr' ? 'fr_FR' : 'en_GB'} />
            {og.publishedTime ? <meta property="article:published_time" content={og.publishedTime} /> : null}
            <meta name="twitter:card" content="summary" />
          </>
        ) : null}
      </head>
      <body>
        <div class="fr-skiplinks">
          <nav class="fr-container" role="navigation" aria-label={w['site.skip']}>
            <ul class="fr-skiplinks__list">
              <li>
                <a class="fr-link" href="#contenu">
                  {w['site.skip']}
                </a>
              </li>
            </ul>
          </nav>
        </div>
        <Header page={page} />
        <Navigation page={page} params={head.params} />
        <main role="main" id="contenu" tabIndex={-1} class="fr-container fr-pb-6w">
          {head.trail ? <Breadcrumb page={page} trail={head.trail} /> : <div class="fr-pt-4w" />}
          {children}
        </main>
        <Footer page={page} />
        {head.talk ? <TalkWords page={page} /> : null}
      </body>
    </html>
  );
}
