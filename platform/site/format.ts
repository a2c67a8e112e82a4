import type { Contribution, Locale } from '../../api-client/contract';

const dateFormats = {
  fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' }),
};
const monthFormats = {
  fr: new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A day as people in France read it ("3 mars 2026"), whatever the server's time zone. */
export function formatDate(locale: Locale, iso: string): string {
  return dateFormats[locale].format(new Date(iso));
}

/** Numbers as the page's language writes them ("1 234" or "1,234"). */
export function formatNumber(page: { locale: Locale }): (n: number) => string {
  const format = new Intl.NumberFormat(page.locale === 'fr' ? 'fr-FR' : 'en-GB');
  return (n) => format.format(n);
}

/** "2026-03" as "mars 2026". */
export function formatMonth(locale: Locale, month: string): string {
  return monthFormats[locale].format(new Date(`${month}-01T00:00:00Z`));
}

export function quoteOf(
  c: Contribution,
): { exact: string; prefix?: string | undefined; suffix?: string | undefined } | undefined {
  const quote = c.target.selectors.find((s) => s.type === 'TextQuoteSelector');
  return quote?.type === 'TextQuoteSelector' ? quote : undefined;
}

/** Text fragments (`#:~:text=`) escape their own delimiters besides what a URL escapes. */
const fragmentPart = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D');

/**
 * The page a contribution was written on, scrolled to the quoted passage where the browser
 * knows text fragments (others open the page and ignore the fragment). A long passage is
 * named by its first and last words.
 */
export function pageLink(c: Contribution): string {
  const quote = quoteOf(c);
  const words = quote?.exact.trim().split(/\s+/) ?? [];
  if (words.length === 0) return c.target.url;
  const fragment =
    words.length <= 12
      ? fragmentPart(words.join(' '))
      : `${fragmentPart(words.slice(0, 5).join(' '))},${fragmentPart(words.slice(-5).join(' '))}`;
  return `${c.target.url.split('#')[0]}#:~:text=${fragment}`;
}

/** The start of a text, cut at a word, for descriptions and titles. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max).trimEnd()}…`;
}
