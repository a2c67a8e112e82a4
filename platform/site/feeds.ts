import { CommitmentId } from '../../api-client/contract';
import { Feed } from 'feed';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import type { PublicEntry } from '../storage/storage';
import { answersOf } from './answer';
import { answerHeading, kindLabel } from './components/contribution-card';
import { NotFoundPage, pageContext, type PageContext, type SiteOptions } from './context';
import { quoteOf } from './format';

/** Entries per feed: the newest publications. */
const FEED_SIZE = 50;

/** Atom's `html` content is markup: everything a citizen wrote is escaped into it. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((part) => `<p>${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
    .join('');

function entryContent(page: PageContext, entry: PublicEntry): string {
  const c = entry.contribution;
  const quote = quoteOf(c);
  const answers = answersOf(c).map((answer) => {
    const heading = answerHeading(page, answer);
    const line = [heading.by, heading.status, heading.when].filter(Boolean).join(' · ');
    return `<p><strong>${escapeHtml(line)}</strong></p>${paragraphs(answer.body)}`;
  });
  return [quote ? `<blockquote>${paragraphs(quote.exact)}</blockquote>` : '', paragraphs(c.body), ...answers].join('');
}

/** When an entry last changed: its publication, or the latest answer it got since. */
function updatedAt(entry: PublicEntry): string {
  return answersOf(entry.contribution)
    .map((answer) => answer.at)
    .reduce((latest, at) => (at > latest ? at : latest), entry.publishedAt);
}

function atom(page: PageContext, feed: { title: string; alternate: string; entries: PublicEntry[] }): string {
  const w = page.words;
  const newest = feed.entries.map(updatedAt).sort().at(-1);
  const atomFeed = new Feed({
    // The feed's own address in its language is its identity; an empty feed says 1970
    // rather than "now", so the same content is the same document (and the same ETag).
    id: page.addressIn(page.locale),
    title: feed.title,
    description: w['feed.subtitle'],
    link: feed.alternate,
    feed: page.addressIn(page.locale),
    language: page.locale,
    updated: new Date(newest ?? 0),
    generator: false,
    author: { name: w['site.name'] },
  });
  for (const entry of feed.entries) {
    const c = entry.contribution;
    const who = c.author?.pseudonym ?? w['contribution.anonymous'];
    atomFeed.addItem({
      title: escapeHtml(`${w['feed.entryTitle'](kindLabel(page, entry), c.commitmentId)} — ${who}`),
      // One id per contribution whatever the feed's language: its permanent address.
      id: page.absolute(`/c/${c.id}`),
      link: page.absolute(`/c/${c.id}`, page.locale === 'en' ? { lang: 'en' } : {}),
      date: new Date(updatedAt(entry)),
      published: new Date(entry.publishedAt),
      content: entryContent(page, entry),
      author: [{ name: who }],
      ...(c.gapType ? { category: [{ term: c.gapType }] } : {}),
    });
  }
  return atomFeed.atom1();
}

function atomResponse(c: Context<AppEnv>, page: PageContext, body: string): Response {
  return c.body(body, 200, {
    'content-type': 'application/atom+xml; charset=utf-8',
    'cache-control': 'no-cache',
    'content-language': page.locale,
    vary: 'Accept-Language',
    'access-control-allow-origin': '*',
  });
}

/** GET /flux.atom: the newest published contributions, whatever their commitment. */
export async function siteFeed(c: Context<AppEnv>, options: SiteOptions): Promise<Response> {
  const page = pageContext(c, options);
  const entries = await options.storage.listPublic({ limit: FEED_SIZE, offset: 0 });
  return atomResponse(
    c,
    page,
    atom(page, { title: page.words['feed.title'], alternate: page.absolute('/', page.carried), entries }),
  );
}

/** GET /engagements/{id}/flux.atom: the newest published contributions on one commitment. */
export async function commitmentFeed(c: Context<AppEnv>, options: SiteOptions): Promise<Response> {
  const page = pageContext(c, options);
  const id = c.req.param('id') ?? '';
  const commitment = CommitmentId.safeParse(id).success
    ? await options.storage.getCommitment(id, page.locale)
    : undefined;
  if (!commitment) throw new NotFoundPage();
  const entries = await options.storage.listPublic({ commitmentId: id, limit: FEED_SIZE, offset: 0 });
  return atomResponse(
    c,
    page,
    atom(page, {
      title: page.words['feed.commitmentTitle'](commitment.id, commitment.title),
      alternate: page.absolute(`/engagements/${id}`, page.carried),
      entries,
    }),
  );
}
