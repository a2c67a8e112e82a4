import type { Locale } from '../contract';

/** A count's two forms, `{n}` standing for the number. */
export type Plural = { one: string; other: string };

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};

/** French counts 0 and 1 as singular, English only 1: Intl knows both. */
export function countIn(forms: Record<Locale, Plural>, n: number, locale: Locale): string {
  const rules = (pluralRules[locale] ??= new Intl.PluralRules(locale));
  const form = rules.select(n) === 'one' ? forms[locale].one : forms[locale].other;
  return form.replace('{n}', new Intl.NumberFormat(locale).format(n));
}
