import * as z from 'zod/mini';
import { Answer } from './answer';
import { CampaignId, CommitmentId, HttpUrl, IsoDateTime, nfc, rule, safeText } from './fields';
import { locales } from './messages';
import { Reply } from './reply';
import {
  BODY_MAX_LENGTH,
  contributionKinds,
  contributionSources,
  contributionStatuses,
  gapTypes,
  PSEUDONYM_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from './limits';
import { Selector } from './selectors';

export const ContributionKind = z.enum(contributionKinds, { error: rule('kind.unknown') });
export const GapType = z.enum(gapTypes, { error: rule('gap-type.unknown') });
export const ContributionStatus = z.enum(contributionStatuses);

/** Where on the web a contribution points: the page, and optionally the exact words. */
export const Target = z.strictObject(
  {
    url: HttpUrl,
    title: z
      .string({ error: rule('field.type') })
      .check(nfc, z.trim(), z.maxLength(TITLE_MAX_LENGTH, { error: 'title.too-long' }), safeText),
    selectors: z.array(Selector, { error: rule('field.type') }).check(z.maxLength(4, { error: 'selectors.too-many' })),
  },
  { error: rule('field.type') },
);

/**
 * What makes a name look like another or like nothing: controls, format characters
 * (zero-width, bidirectional overrides and isolates), line separators, default-ignorable
 * code points (variation selectors, Hangul fillers) and the blank Braille pattern.
 */
const invisible = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800]/u;
/** Emoji keep their joiners and presentation selectors: "❤️" and "👩‍💻" are visible. */
const emoji =
  /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)*/gu;

export const Author = z.strictObject(
  {
    pseudonym: z.string({ error: rule('pseudonym.empty') }).check(
      nfc,
      z.trim(),
      z.minLength(1, { error: 'pseudonym.empty' }),
      z.maxLength(PSEUDONYM_MAX_LENGTH, { error: 'pseudonym.too-long' }),
      safeText,
      z.refine((name: string) => !invisible.test(name.replace(emoji, '')), { error: 'pseudonym.invisible' }),
    ),
  },
  { error: 'field.type' },
);

const contributionFields = {
  id: z.uuid({ error: rule('id.not-uuid') }),
  kind: ContributionKind,
  gapType: z.optional(GapType),
  body: z
    .string({ error: rule('body.empty') })
    .check(
      nfc,
      z.trim(),
      z.minLength(1, { error: 'body.empty' }),
      z.maxLength(BODY_MAX_LENGTH, { error: 'body.too-long' }),
      safeText,
    ),
  target: Target,
  commitmentId: z.optional(CommitmentId),
  campaignId: z.optional(CampaignId),
  author: z.optional(Author),
  locale: z.enum(locales, { error: rule('locale.unknown') }),
  source: z.enum(contributionSources, { error: rule('source.unknown') }),
  createdAt: IsoDateTime,
  /** A reply's parent: the published contribution it answers (never itself a reply). */
  parentId: z.optional(z.uuid({ error: rule('id.not-uuid') })),
};

interface KindFields {
  kind: ContributionKind;
  gapType?: string | undefined;
  parentId?: string | undefined;
  commitmentId?: string | undefined;
  campaignId?: string | undefined;
  target: { selectors: readonly unknown[] };
}

/**
 * What each kind carries. A gap has its type, a comment none. A reply names its parent
 * and nothing of its own about where it stands: no gap type, no quote, no commitment, no
 * campaign; it stands where its parent does (the platform checks that its page is the
 * parent's). Only a reply names a parent.
 */
const fieldsMatchKind = z.superRefine((value: KindFields, ctx) => {
  const refuse = (message: string, path: PropertyKey[]) =>
    ctx.addIssue({ code: 'custom', message, path, input: value });
  if (value.kind === 'gap' && value.gapType === undefined) refuse('gap-type.required', ['gapType']);
  if (value.kind === 'comment' && value.gapType !== undefined) refuse('gap-type.only-for-gaps', ['gapType']);
  if (value.kind !== 'reply') {
    if (value.parentId !== undefined) refuse('parent.only-for-replies', ['parentId']);
    return;
  }
  if (value.parentId === undefined) refuse('parent.required', ['parentId']);
  if (value.gapType !== undefined) refuse('reply.gap-type', ['gapType']);
  if (value.target.selectors.length > 0) refuse('reply.selectors', ['target', 'selectors']);
  if (value.commitmentId !== undefined) refuse('reply.commitment', ['commitmentId']);
  if (value.campaignId !== undefined) refuse('reply.campaign', ['campaignId']);
});

/** What a client sends. Unknown fields are refused, so a typo never passes silently. */
export const ContributionInput = z
  .strictObject({
    ...contributionFields,
    withdrawalKeyHash: z.optional(
      z
        .string({ error: rule('withdrawal-key.format') })
        .check(z.regex(/^[0-9a-f]{64}$/, { error: 'withdrawal-key.format' })),
    ),
  })
  .check(fieldsMatchKind);

const count = z.int().check(z.gte(0));

/**
 * What the platform returns: the input, its moderation status and when it arrived; a
 * moderator's public `reply` (given with a decision), and the `answer` the organisation
 * concerned gave under its own name. A citizen's reply is another contribution, of kind
 * `reply`, whose `parentId` is this one.
 */
export const Contribution = z.object({
  ...contributionFields,
  status: ContributionStatus,
  receivedAt: IsoDateTime,
  reply: z.optional(Reply),
  answer: z.optional(Answer),
  /** How many devices said "Moi aussi". */
  supportCount: z.optional(count),
  /** How many published replies it has (a reply has none: one level). */
  replyCount: z.optional(count),
});

export type ContributionKind = z.infer<typeof ContributionKind>;
export type GapType = z.infer<typeof GapType>;
export type ContributionStatus = z.infer<typeof ContributionStatus>;
export type Target = z.infer<typeof Target>;
export type ContributionInput = z.infer<typeof ContributionInput>;
export type Contribution = z.infer<typeof Contribution>;
