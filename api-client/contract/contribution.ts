import { z } from 'zod';
import { CampaignId, CommitmentId, HttpUrl, IsoDateTime, rule } from './fields';
import { locales } from './messages';
import { Selector } from './selectors';

export const contributionKinds = ['comment', 'gap'] as const;
export const gapTypes = [
  'missing-information',
  'outdated',
  'missing-data',
  'broken-link',
  'unclear-responsibility',
  'no-contact',
  'inaccessible',
  'other',
] as const;
export const contributionSources = ['extension', 'widget'] as const;
export const contributionStatuses = ['pending', 'published', 'hidden', 'rejected'] as const;

export const BODY_MAX_LENGTH = 5000;

export const ContributionKind = z.enum(contributionKinds, { error: rule('kind.unknown') });
export const GapType = z.enum(gapTypes, { error: rule('gap-type.unknown') });
export const ContributionStatus = z.enum(contributionStatuses);

/** Where on the web a contribution points: the page, and optionally the exact words. */
export const Target = z
  .strictObject(
    {
      url: HttpUrl,
      title: z.string({ error: rule('field.type') }).trim().max(300, { error: 'title.too-long' }),
      selectors: z.array(Selector, { error: rule('field.type') }).max(4, { error: 'selectors.too-many' }),
    },
    { error: rule('field.type') },
  )
  .meta({ id: 'Target' });

export const Author = z
  .strictObject(
    {
      pseudonym: z
        .string({ error: rule('pseudonym.empty') })
        .trim()
        .min(1, { error: 'pseudonym.empty' })
        .max(40, { error: 'pseudonym.too-long' }),
    },
    { error: 'field.type' },
  )
  .meta({ id: 'Author', description: 'Citizens stay anonymous: a pseudonym at most.' });

const contributionFields = {
  id: z.uuid({ error: rule('id.not-uuid') }).meta({
    description: 'Made once by the client; the idempotency key of the contribution.',
  }),
  kind: ContributionKind,
  gapType: GapType.optional(),
  body: z
    .string({ error: rule('body.empty') })
    .trim()
    .min(1, { error: 'body.empty' })
    .max(BODY_MAX_LENGTH, { error: 'body.too-long' })
    .meta({ description: 'Plain text, never markup.' }),
  target: Target,
  commitmentId: CommitmentId.optional(),
  campaignId: CampaignId.optional(),
  author: Author.optional(),
  locale: z.enum(locales, { error: rule('locale.unknown') }),
  source: z.enum(contributionSources, { error: rule('source.unknown') }),
  createdAt: IsoDateTime.meta({ description: "The client's clock: shown, never used for ordering." }),
};

type GapFields = { kind: 'comment' | 'gap'; gapType?: string | undefined };

function checkGapType(value: GapFields, ctx: z.RefinementCtx) {
  if (value.kind === 'gap' && value.gapType === undefined) {
    ctx.addIssue({ code: 'custom', message: 'gap-type.required', path: ['gapType'] });
  }
  if (value.kind === 'comment' && value.gapType !== undefined) {
    ctx.addIssue({ code: 'custom', message: 'gap-type.only-for-gaps', path: ['gapType'] });
  }
}

/** What a client sends. Unknown fields are refused, so a typo never passes silently. */
export const ContributionInput = z
  .strictObject(contributionFields)
  .superRefine(checkGapType)
  .meta({ id: 'ContributionInput' });

/** What the platform returns: the input, its moderation status and when it arrived. */
export const Contribution = z
  .object({
    ...contributionFields,
    status: ContributionStatus,
    receivedAt: IsoDateTime.meta({ description: "The platform's clock: the only one used for ordering." }),
  })
  .meta({ id: 'Contribution' });

export type ContributionKind = z.infer<typeof ContributionKind>;
export type GapType = z.infer<typeof GapType>;
export type ContributionStatus = z.infer<typeof ContributionStatus>;
export type Target = z.infer<typeof Target>;
export type ContributionInput = z.infer<typeof ContributionInput>;
export type Contribution = z.infer<typeof Contribution>;
