import * as z from 'zod/mini';
import { URL_MAX_LENGTH } from './limits';
import type { MessageCode } from './messages';

/**
 * A field's error: the code of the rule it broke, or "field.required" when the
 * value is missing altogether, so the citizen reads the right sentence.
 */
export function rule(code: MessageCode) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'field.required' : code);
}

export const IsoDateTime = z
  .iso.datetime({ offset: false, error: rule('date.invalid') })
  .check(z.meta({ description: 'ISO 8601 date-time in UTC, e.g. 2026-11-27T09:30:00.000Z' }));

export const HttpUrl = z.string({ error: rule('url.invalid') }).check(
  z.maxLength(URL_MAX_LENGTH, { error: 'url.too-long' }),
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
  z.meta({ format: 'uri', description: 'An http or https address.' }),
);

export const CommitmentId = z
  .string({ error: rule('commitment-id.format') })
  .check(
    z.regex(/^[A-Z]{2}\d{4}$/, { error: 'commitment-id.format' }),
    z.meta({ description: 'OGP commitment id, e.g. FR0042', examples: ['FR0067'] }),
  );

export const CampaignId = z
  .string({ error: rule('campaign-id.format') })
  .check(
    z.regex(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, { error: 'campaign-id.format' }),
    z.meta({ description: 'Lower-case slug of 3 to 64 characters.' }),
  );
