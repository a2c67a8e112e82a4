import { signal } from '@preact/signals';
import type { ModerationCounts } from '../../../api-client/contract';
import { h, render } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Account, Role } from '../../../api-client/contract';
import { account, callJson, keepToken, token } from './api';
import { Campaigns } from './campaigns';
import { Dashboard } from './dashboard/page';
import './console.css';
import { Embed } from './embed';
import { Exports } from './exports/page';
import { lang, setLang, t } from './i18n';
import { Moderation } from './moderation/page';
import { usePolling } from './polling';
import { SignIn } from './sign-in';

type Section = 'moderation' | 'dashboard' | 'campaigns' | 'exports' | 'embed';

const sectionsFor: Record<Role, Section[]> = {
  admin: ['moderation', 'dashboard', 'campaigns', 'exports', 'embed'],
  moderator: ['moderation', 'dashboard', 'exports', 'embed'],
  ngo: ['campaigns', 'exports', 'embed'],
  administration: ['moderation', 'dashboard', 'exports', 'embed'],
};

const section = signal<Section | null>(null);
/** The whole queue's counts (no filter), for the navigation; refreshed while the page is visible. */
const queueCounts = signal<ModerationCounts | null>(null);

function refreshQueueCounts(): void {
  callJson<ModerationCounts>('/v1/moderation/counts').then(
    (counts) => (queueCounts.value = counts),
    () => undefined,
  );
}

function Header() {
  const s = t();
  return h(
    'header',
    { class: 'top' },
    h('p', { class: 'brand' }, s.appTitle),
    h(
      'div',
      { class: 'session' },
      account.value
        ? h('span', null, s.signedInAs, h('strong', null, account.value.name), ` (${s.roles[account.value.role]})`)
        : null,
      h(
        'button',
        {
          type: 'button',
          lang: lang.value === 'fr' ? 'en' : 'fr',
          'aria-label': s.switchLangLabel,
          onClick: () => setLang(lang.value === 'fr' ? 'en' : 'fr'),
        },
        s.switchLang,
      ),
      account.value
        ? h(
            'button',
            {
              type: 'button',
              onClick: () => {
                keepToken(null);
                account.value = null;
                section.value = null;
              },
            },
            s.signOut,
          )
        : null,
    ),
  );
}

function Console(props: { account: Account }) {
  const s = t();
  const sections = sectionsFor[props.account.role];
  const current = section.value && sections.includes(section.value) ? section.value : sections[0]!;
  const moderates = sections.includes('moderation');
  usePolling(() => moderates && refreshQueueCounts());
  useEffect(() => {
    if (moderates) refreshQueueCounts();
  }, [moderates]);
  const pending = queueCounts.value?.pending;
  const label: Record<Section, string> = {
    moderation: pending === undefined ? s.tabModeration : s.tabModerationCount(pending),
    dashboard: s.tabDashboard,
    campaigns: s.tabCampaigns,
    exports: s.tabExports,
    embed: s.tabEmbed,
  };
  return h(
    'div',
    null,
    h(
      'nav',
      { 'aria-label': s.tabsLabel },
      h(
        'ul',
        { class: 'tabs' },
        sections.map((name) =>
          h(
            'li',
            { key: name },
            h(
              'button',
              {
                type: 'button',
                'aria-current': name === current ? 'page' : undefined,
                onClick: () => (section.value = name),
              },
              label[name],
            ),
          ),
        ),
      ),
    ),
    h(
      'main',
      { id: 'main', tabIndex: -1 },
      current === 'moderation'
        ? h(Moderation, null)
        : current === 'dashboard'
          ? h(Dashboard, null)
          : current === 'campaigns'
            ? h(Campaigns, null)
            : current === 'exports'
              ? h(Exports, null)
              : h(Embed, null),
    ),
  );
}

function App() {
  const s = t();
  useEffect(() => {
    document.documentElement.lang = lang.value;
    document.title = s.appTitle;
  }, [lang.value]);
  useEffect(() => {
    // A token kept from earlier in this tab: check it is still good.
    if (token.value && !account.value) {
      callJson<Account>('/v1/me').then(
        (me) => (account.value = me),
        () => keepToken(null),
      );
    }
  }, []);
  return h(
    'div',
    { class: 'app' },
    h('a', { class: 'skip', href: '#main' }, s.skip),
    h(Header, null),
    account.value
      ? h(Console, { account: account.value })
      : h('main', { id: 'main', tabIndex: -1 }, token.value ? h('p', null, s.loading) : h(SignIn, null)),
  );
}

render(h(App, null), document.getElementById('app')!);
