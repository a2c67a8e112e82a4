import * as z from 'zod/mini';
import { URL_MAX_LENGTH } from './limits';
import type { MessageCode } from './messages';
import type { PlatformMessageCode } from './platform-messages';

/**
 * A field's error: the code of the rule it broke, or "field.required" when the
 * value is missing altogether, so the citizen reads the right sentence. Rules of
 * requests only the platform checks have their sentences in its own catalogue.
 */
export function rule(code: MessageCode | PlatformMessageCode) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'field.required' : code);
}

/**
 * Text a citizen or an organisation typed: no C0 control but tab, line feed and carriage
 * return (PostgreSQL cannot even store NUL), and no lone surrogate (half a character,
 * which no encoding can write). In `u` mode `\p{Cs}` matches only unpaired halves.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafeText = /[\0-\x08\x0B\x0C\x0E-\x1F]|\p{Cs}/u;
export const safeText = z.refine<string>((s) => !unsafeText.test(s), { error: 'text.control' });
/** Text is kept in NFC, so the same words typed on two systems are the same text (and a retry, a duplicate). */
export const nfc = z.normalize('NFC');

export const IsoDateTime = z.iso.datetime({ offset: false, error: rule('date.invalid') });

export const HttpUrl = z.string({ error: rule('url.invalid') }).check(
  z.maxLength(URL_MAX_LENGTH, { error: 'url.too-long' }),
  safeText,
  z.superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'url.invalid', input: value });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: 'url.scheme', input: value });
    }
  }),
);

export const CommitmentId = z
  .string({ error: rule('commitment-id.format') })
  .check(z.regex(/^[A-Z]{2}\d{4}$/, { error: 'commitment-id.format' }));

export const CampaignId = z
  .string({ error: rule('campaign-id.format') })
  .check(z.regex(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, { error: 'campaign-id.format' }));
