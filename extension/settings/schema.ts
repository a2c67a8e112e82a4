import * as z from 'zod/mini';
import { HttpUrl, PSEUDONYM_MAX_LENGTH } from '../../api-client/contract';
import { languageSettings } from '../i18n/locale';

/**
 * One entry of the allow-list: a host name (`www.service-public.fr`, `127.0.0.1`)
 * or every host under a domain (`*.gouv.fr`, which also covers `gouv.fr`).
 */
export const AllowListEntry = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.maxLength(253), z.regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/));

export const Settings = z.object({
  /** Where contributions are sent and looked up. */
  platformUrl: HttpUrl,
  /** Hosts where the extension may ask the platform about the page being read. */
  allowList: z.array(AllowListEntry).check(z.maxLength(200)),
  language: z.enum(languageSettings),
  /** Offered in the composer; empty for anonymous. */
  pseudonym: z.string().check(z.trim(), z.maxLength(PSEUDONYM_MAX_LENGTH)),
});

export type Settings = z.infer<typeof Settings>;
