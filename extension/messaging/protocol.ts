import * as z from 'zod/mini';
import {
  Answer,
  BODY_MAX_LENGTH,
  Commitment,
  CommitmentId,
  Contribution,
  ContributionKind,
  ContributionStatus,
  GapType,
  HttpUrl,
  locales,
  ModerationReason,
  OwnContributionStatus,
  Reply,
  Selector,
  TextQuoteSelector,
  TITLE_MAX_LENGTH,
} from '../../api-client/contract';
import { draftStates, formFieldNames, type FormFields, type PlatformState } from '../../api-client/drafts';
import {
  OwnNewsRequest,
  ReplyCreateRequest,
  SupportMarksRequest,
  SupportPressRequest,
  type SupportMark,
} from './talk-back';

// Extension pages forbid eval; zod would otherwise probe `new Function` and log a CSP violation.
z.config({ jitless: true });

/**
 * Every message between the extension's parts, as zod schemas: the background
 * checks each request against them before doing anything, and the pages check
 * each answer. Built from the contract's own schemas, so a draft's fields are
 * the contribution's fields.
 */

// A draft may run past the contract's limits while it is typed (the send says so);
// this bound only keeps a forged message from filling the database.
const DRAFT_TEXT_MAX = BODY_MAX_LENGTH * 4;

export const DraftId = z.uuid();

/** What the citizen types in a composer: the drafts module's form fields, checked. */
export const DraftFields = z.strictObject({
  kind: ContributionKind,
  gapType: z.optional(GapType),
  body: z.string().check(z.maxLength(DRAFT_TEXT_MAX)),
  pseudonym: z.string().check(z.maxLength(200)),
}) satisfies z.ZodMiniType<FormFields>;

/** The page and the passage a draft is about, as the content script read them. */
export const PageTarget = z.strictObject({
  url: HttpUrl,
  title: z.string().check(z.maxLength(TITLE_MAX_LENGTH * 4)),
  selectors: z.array(Selector).check(z.maxLength(4)),
});

export const DraftCreateRequest = z.strictObject({
  fields: DraftFields,
  target: PageTarget,
  commitmentId: z.optional(CommitmentId),
  /** The language the citizen writes in: the composer's. */
  locale: z.enum(locales),
});
export const DraftSaveRequest = z.strictObject({ id: DraftId, fields: DraftFields });
export const DraftIdRequest = z.strictObject({ id: DraftId });
export const PageLookupRequest = z.strictObject({ url: HttpUrl });
export const CommitmentsRequest = z.strictObject({
  /** The address the page files contributions under (its canonical link). */
  url: HttpUrl,
  /** The address being read: it must be on the allow-list. */
  readingAt: HttpUrl,
  ids: z.array(CommitmentId).check(z.maxLength(20)),
});
export const NoData = z.undefined();

export const FieldName = z.enum(formFieldNames);

/** Why the last attempt failed, as recorded: the UI says it in its own language (api-client/drafts status). */
export const DraftReason = z.object({
  sentence: z.string(),
  code: z.optional(z.string()),
  status: z.optional(z.number()),
});

/** A sentence in every language the extension speaks. */
export const Sentences = z.object({ fr: z.string(), en: z.string() });

/** What became of a sent contribution on the platform, as the device last learnt (api-client/drafts PlatformState). */
export const PlatformStateData = z.object({
  status: OwnContributionStatus.shape.status,
  reason: z.optional(ModerationReason),
  reply: z.optional(Reply),
  answer: z.optional(Answer),
  withdrawnAt: z.optional(z.string()),
  replyCount: z.optional(z.number()),
  checkedAt: z.number(),
}) satisfies z.ZodMiniType<PlatformState>;

/**
 * A draft as a composer shows it: data, not words. The background does not know
 * which language the page showing it speaks; the page turns it into a sentence.
 */
export const DraftView = z.object({
  id: DraftId,
  state: z.enum(draftStates),
  fields: DraftFields,
  lastError: z.optional(DraftReason),
  server: z.optional(z.object({ status: ContributionStatus, receivedAt: z.string() })),
  platform: z.optional(PlatformStateData),
});

/** A draft as "Mes contributions" lists it. */
export const DraftSummary = z.object({
  ...DraftView.shape,
  pageUrl: z.optional(z.string()),
  pageTitle: z.optional(z.string()),
  /** A reply's parent: the published contribution it answers. */
  parentId: z.optional(z.string()),
  quote: z.optional(z.string()),
  updatedAt: z.number(),
  /** Epoch ms: when the citizen sent it (pressed "Envoyer"), for what left the device. */
  sentAt: z.optional(z.number()),
  /** Something happened to it on the platform since the citizen last looked (the badge counts these). */
  news: z.boolean(),
  /** The citizen may still change the words (draft, refused). */
  canEdit: z.boolean(),
  /** Refused, or waiting after a failure: "Renvoyer" makes sense. */
  canRetry: z.boolean(),
  /** Never left the device (or was refused): "Supprimer" deletes it here, where it only ever was. */
  canDelete: z.boolean(),
  /** The platform holds its text and this device the secret: "Retirer" erases it there. */
  canWithdraw: z.boolean(),
  /** Sent (or maybe sent): "Oublier sur cet appareil", which loses the way to withdraw it. */
  canForget: z.boolean(),
});

/** The citizen's own passage on a page, sent but not public: highlighted for them alone, as pending. */
export const OwnPassage = z.object({
  id: DraftId,
  selectors: z.array(Selector).check(z.maxLength(4)),
  /** Waiting to leave this device, or awaiting the moderators. */
  stage: z.enum(['waiting', 'pending']),
});

/** The composer asks for the unsent draft of this page and passage, to continue it. */
export const DraftResumeRequest = z.strictObject({
  /** The address the page files contributions under. */
  url: HttpUrl,
  selectors: z.array(Selector).check(z.maxLength(4)),
});

/** "Mes contributions" was looked at: these entries' news is no longer news. */
export const DraftsSeenRequest = z.strictObject({ ids: z.array(DraftId).check(z.maxLength(10_000)) });

export const SendResult = z.union([
  z.object({ ok: z.literal(true), view: DraftView }),
  z.object({ ok: z.literal(false), errors: z.partialRecord(FieldName, Sentences) }),
]);

/**
 * What the citizen said of a published contribution's passage on this device,
 * after Vigie offered a possible match: "C'est ici" (`here`, the selectors of
 * the place confirmed, tried first from then on) or "Ce n'est pas ici" (the
 * quotes of the places refused, not offered again).
 */
export const PassageChoice = z.object({
  here: z.optional(z.array(Selector).check(z.minLength(1), z.maxLength(4))),
  notHere: z.array(TextQuoteSelector).check(z.maxLength(10)),
});

/** A content script tells the background what the citizen chose, to keep on this device. */
export const PassageChooseRequest = z.strictObject({
  /** The address the page files contributions under: choices are kept for that page. */
  url: HttpUrl,
  contributionId: z.uuid(),
  choice: z.union([
    z.strictObject({ here: z.array(Selector).check(z.minLength(1), z.maxLength(4)) }),
    z.strictObject({ notHere: TextQuoteSelector }),
  ]),
});

export const PageLookupResponse = z.union([
  z.object({ allowed: z.literal(false) }),
  z.object({
    allowed: z.literal(true),
    contributions: z.array(Contribution),
    /** When the platform was asked for them (epoch ms). */
    readAt: z.number(),
    /** This device's choices about their passages, by contribution id. */
    choices: z.record(z.string(), PassageChoice),
  }),
]);

/** What a page's content script knows, for the side panel. */
export const PageState = z.object({
  /** The address contributions are filed under. */
  url: z.string(),
  /** The address being read. */
  location: z.string(),
  title: z.string(),
  allowed: z.boolean(),
  commitmentIds: z.array(CommitmentId),
  lookup: z.enum(['not-allowed', 'pending', 'done', 'failed']),
  contributions: z.array(Contribution),
  /** When the platform was asked for them (epoch ms; 0 before). */
  readAt: z.number(),
  /** Contributions whose passage is no longer found on the page. */
  orphanIds: z.array(z.string()),
  /**
   * Contributions whose passage may have changed: words found that may be it,
   * not highlighted until the citizen says "C'est ici".
   */
  possible: z.array(z.object({ id: z.string(), text: z.string() })),
  /** Contributions still being placed on the page. */
  anchoring: z.boolean(),
});

/** Sent to extension pages on the `vigie:drafts` port at every change. */
export const DraftsSnapshot = z.object({
  drafts: z.array(DraftSummary),
  /** What the sync engine knows of the link, for the status line. */
  link: z.object({ online: z.nullable(z.boolean()), lastFailure: z.nullable(DraftReason) }),
});

/** The first (and only) message a composer sends on its `vigie:draft` port. */
export const WatchDraftRequest = z.strictObject({ id: DraftId });

export type DraftFields = z.infer<typeof DraftFields>;
export type PageTarget = z.infer<typeof PageTarget>;
export type DraftCreateRequest = z.infer<typeof DraftCreateRequest>;
export type DraftSaveRequest = z.infer<typeof DraftSaveRequest>;
export type DraftIdRequest = z.infer<typeof DraftIdRequest>;
export type PageLookupRequest = z.infer<typeof PageLookupRequest>;
export type OwnPassage = z.infer<typeof OwnPassage>;
export type DraftResumeRequest = z.infer<typeof DraftResumeRequest>;
export type CommitmentsRequest = z.infer<typeof CommitmentsRequest>;
export type FieldName = z.infer<typeof FieldName>;
export type Sentences = z.infer<typeof Sentences>;
export type DraftView = z.infer<typeof DraftView>;
export type DraftSummary = z.infer<typeof DraftSummary>;
export type SendResult = z.infer<typeof SendResult>;
export type PageLookupResponse = z.infer<typeof PageLookupResponse>;
export type PageState = z.infer<typeof PageState>;
export type PassageChoice = z.infer<typeof PassageChoice>;
export type PassageChooseRequest = z.infer<typeof PassageChooseRequest>;
/** The side panel's question to a tab: is the possible match of this contribution its passage? */
export interface PassageDecision {
  id: string;
  here: boolean;
}
export type DraftsSnapshot = z.infer<typeof DraftsSnapshot>;

/** Port names: live updates the background pushes. */
export const DRAFTS_PORT = 'vigie:drafts';
export const DRAFT_PORT = 'vigie:draft';

/**
 * The request schema of every message the background answers. The types of
 * @webext-core/messaging come from here, and so do the checks it does not make.
 */
export const backgroundRequests = {
  'page:lookup': PageLookupRequest,
  'draft:create': DraftCreateRequest,
  'draft:save': DraftSaveRequest,
  'draft:send': DraftIdRequest,
  'draft:delete': DraftIdRequest,
  'draft:retry': DraftIdRequest,
  'draft:withdraw': DraftIdRequest,
  'draft:forget': DraftIdRequest,
  'draft:resume': DraftResumeRequest,
  'draft:discard': DraftIdRequest,
  'drafts:seen': DraftsSeenRequest,
  'drafts:refresh': NoData,
  'page:own': PageLookupRequest,
  'options:open': NoData,
  'commitments:find': CommitmentsRequest,
  'network:online': NoData,
  'passage:choose': PassageChooseRequest,
  'support:press': SupportPressRequest,
  'support:marks': SupportMarksRequest,
  'reply:create': ReplyCreateRequest,
  'own:news': OwnNewsRequest,
} as const;

export type BackgroundRequests = { [K in keyof typeof backgroundRequests]: z.infer<(typeof backgroundRequests)[K]> };

export interface BackgroundAnswers {
  'page:lookup': PageLookupResponse;
  'draft:create': DraftView;
  'draft:save': DraftView;
  'draft:send': SendResult;
  'draft:delete': boolean;
  'draft:retry': SendResult;
  'draft:withdraw': DraftView;
  'draft:forget': boolean;
  'draft:resume': DraftView | null;
  'draft:discard': boolean;
  'drafts:seen': number;
  'drafts:refresh': void;
  'page:own': OwnPassage[];
  'options:open': void;
  'commitments:find': z.infer<typeof Commitment>[];
  'network:online': void;
  'passage:choose': void;
  'support:press': SupportMark;
  'support:marks': SupportMark[];
  'reply:create': DraftView;
  'own:news': void;
}

/** What the background (or a page) asks a tab's content script. */
export interface ContentAnswers {
  /** The keyboard command: show the toolbar for the current selection, focused. */
  'selection:act': void;
  'page:state': PageState;
  /** The citizen's answer to a possible match, from the side panel; the tab's state after it, or null. */
  'passage:decide': PageState | null;
}

type Protocol<Requests, Answers> = {
  [K in keyof Answers]: (data: K extends keyof Requests ? Requests[K] : undefined) => Answers[K];
};

type ContentRequests = { 'passage:decide': PassageDecision };

export type ProtocolMap = Protocol<BackgroundRequests, BackgroundAnswers> & Protocol<ContentRequests, ContentAnswers>;
