import type { Context } from 'hono';
import type { Locale } from '../../api-client/contract';
import type { AppEnv } from '../http/env';
import type { Storage } from '../storage/storage';
import { siteWords, type ParamProblem, type SiteWords } from './i18n';
import type { TalkScript } from './talk-script';

export interface SiteOptions {
  storage: Storage;
  /** The platform's configured public address: every absolute link starts with it, never with Host. */
  publicUrl: () => string;
  /** The built « Moi aussi » and « Répondre » script, when there is one. */
  talkScript?: TalkScript | undefined;
}

export type Params = Record<string, string | number | undefined>;

/** What every page needs to know about the request it answers. */
export interface PageContext {
  locale: Locale;
  words: SiteWords;
  /** The path, as asked. */
  path: string;
  /** What links and forms carry from the address: `lang` when the reader chose it there. */
  carried: Params;
  /** A link inside the site; it keeps `lang` when the reader chose it in the address. */
  href(path: string, params?: Params): string;
  /** An absolute address from the configured public one, in no particular language (ids, permalinks). */
  absolute(path: string, params?: Params): string;
  /** This page's absolute address in a language: French without `lang`, English with `lang=en`. */
  addressIn(locale: Locale, params?: Params): string;
  /** This page in the other language. */
  otherLanguage(params?: Params): string;
  /** The address of the « Moi aussi » and « Répondre » script, when it was built. */
  talkScript: string | undefined;
}

/** A bad parameter: the page answers 400 with this sentence, in the site's look. */
export class BadParameter extends Error {
  constructor(readonly problem: ParamProblem) {
    super(problem);
  }
}

/** Nothing here: the page answers 404 in the site's look. */
export class NotFoundPage extends Error {}

function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The page's language: `?lang=` first (a link can say it), then Accept-Language (what the
 * app's middleware read), French when unsure. A `lang` other than fr or en is a bad request.
 */
export function pageContext(c: Context<AppEnv>, options: SiteOptions, { lenient = false } = {}): PageContext {
  let asked = c.req.query('lang');
  if (asked !== undefined && asked !== 'fr' && asked !== 'en') {
    // An error page speaks the header's language when `lang` itself is what is wrong.
    if (!lenient) throw new BadParameter('param.lang');
    asked = undefined;
  }
  const locale: Locale = asked ?? c.get('locale');
  const keep = (params: Params = {}): Params => (asked ? { ...params, lang: locale } : params);
  const base = options.publicUrl();
  const path = c.req.path;
  return {
    locale,
    words: siteWords(locale),
    path,
    carried: keep(),
    href: (to, params) => `${to}${query(keep(params))}`,
    absolute: (to, params) => `${base}${to}${query(params ?? {})}`,
    addressIn: (language, params) =>
      `${base}${path}${query(language === 'en' ? { ...params, lang: 'en' } : (params ?? {}))}`,
    otherLanguage: (params) => `${path}${query({ ...params, lang: locale === 'fr' ? 'en' : 'fr' })}`,
    talkScript: options.talkScript?.entry,
  };
}
