import * as z from 'zod/mini';
import { Account } from './account';
import { Answer, AnswerHistory, AnswerInput, AnswerStatus, AnswerVersion } from './answer';
import { BatchItemResult, BatchOutcome, BatchRequest, BatchResponse } from './batch';
import { Campaign } from './campaign';
import { CampaignInput, CampaignList, CampaignPatch } from './campaign-management';
import { Commitment, CommitmentList } from './commitment';
import { CommitmentFields, CommitmentRecord } from './commitment-input';
import { BulkDecisionItem, BulkDecisionResult, Dashboard, ExportCount, ModerationCounts } from './console';
import { ContributionStatusRequest, ContributionStatusResponse, OwnContributionStatus } from './contribution-status';
import { Author, Contribution, ContributionInput, Target } from './contribution';
import { CampaignId, CommitmentId, HttpUrl, IsoDateTime } from './fields';
import {
  BulkDecision,
  JournalEntry,
  ModerationDecision,
  ModerationItem,
  ModerationQueue,
  ReportInput,
  WithdrawalRequest,
} from './moderation';
import { FieldError, Problem } from './problem';
import { ContributionPage, Health } from './query';
import { Reply, ReplyBody } from './reply';
import { LiveCounts, LiveRemoval, LiveReset } from './live';
import { SupportRequest, SupportState } from './support';
import { TextPositionSelector, TextQuoteSelector } from './selectors';

/**
 * What the OpenAPI document says about the contract: component ids and descriptions.
 * Kept apart from the schemas so that a client bundle carries the checks and not the
 * prose; only the platform's OpenAPI builder imports this registry.
 */
export interface ContractDoc {
  /** Shown as a component of the OpenAPI document and referenced by $ref. */
  id?: string;
  description?: string;
  format?: string;
  examples?: string[];
}

export const contractDocs = z.registry<ContractDoc>();

const doc = (schema: z.core.$ZodType, meta: ContractDoc) => contractDocs.add(schema, meta);
const innerOf = (schema: z.ZodMiniOptional) => schema.def.innerType;

doc(IsoDateTime, { description: 'ISO 8601 date-time in UTC, e.g. 2026-11-27T09:30:00.000Z' });
doc(HttpUrl, { format: 'uri', description: 'An http or https address.' });
doc(CommitmentId, { description: 'OGP commitment id, e.g. FR0042', examples: ['FR0067'] });
doc(CampaignId, { description: 'Lower-case slug of 3 to 64 characters.' });

doc(TextQuoteSelector, { id: 'TextQuoteSelector' });
doc(TextPositionSelector, { id: 'TextPositionSelector' });

doc(Target, { id: 'Target' });
doc(Author, { id: 'Author', description: 'Citizens stay anonymous: a pseudonym at most.' });
doc(ContributionInput.shape.id, { description: 'Made once by the client; the idempotency key of the contribution.' });
doc(ContributionInput.shape.body, { description: 'Plain text, never markup.' });
doc(innerOf(ContributionInput.shape.withdrawalKeyHash), {
  description:
    'Hex SHA-256 of a secret the client made and keeps with its draft; the secret alone can later withdraw ' +
    'the contribution. Only the hash travels, so a lost answer loses nothing.',
});
doc(innerOf(ContributionInput.shape.parentId), {
  description:
    'A reply (kind reply) names the published contribution it answers, never itself a reply. A reply carries no ' +
    'gapType, selectors, commitmentId or campaignId: it stands on its parent’s page (target.url), under its commitment.',
});
doc(ContributionInput, { id: 'ContributionInput' });
doc(innerOf(Contribution.shape.supportCount), { description: 'How many devices said "Moi aussi".' });
doc(innerOf(Contribution.shape.replyCount), {
  description: 'How many published replies it has; GET /v1/contributions/{id}/replies lists them.',
});
doc(Contribution, {
  id: 'Contribution',
  description: 'receivedAt is the platform clock, the only one used for ordering.',
});
doc(ReplyBody, { description: 'Plain text, never markup.' });
doc(Reply, {
  id: 'Reply',
  description: "A moderator's public reply, given with a decision (an organisation answers with an Answer).",
});

doc(FieldError.shape.pointer, { description: 'JSON Pointer (RFC 6901) to the field, e.g. /items/0/body' });
doc(FieldError.shape.code, { description: 'Stable code of the broken rule, e.g. body.empty' });
doc(FieldError, { id: 'FieldError' });
doc(Problem, { id: 'Problem' });

doc(BatchRequest, { id: 'BatchRequest' });
doc(BatchOutcome, {
  description:
    'created: stored now. duplicate: this id was already stored with the same content. ' +
    'conflict: this id was stored with other content. invalid: the item breaks the contract.',
});
doc(BatchItemResult.shape.id, { description: "The item's id, or null when it had none." });
doc(BatchItemResult, { id: 'BatchItemResult' });
doc(BatchResponse.shape.results, { description: 'In the order of the items.' });
doc(BatchResponse, { id: 'BatchResponse' });

doc(ContributionPage.shape.nextCursor, { description: 'Pass as `cursor` for the next page; null at the end.' });
doc(ContributionPage, { id: 'ContributionPage' });
doc(Health, { id: 'Health' });

doc(Commitment.shape.status, {
  description:
    '"unverified" when the source (the seed, an import without a status) did not say and we would not guess.',
});
doc(Commitment.shape.pages, { description: 'Pages where the commitment is discussed.' });
doc(Commitment, { id: 'Commitment' });
doc(CommitmentList, { id: 'CommitmentList' });
doc(CommitmentFields, {
  id: 'CommitmentFields',
  description:
    'A full replacement: French required, English optional (empty, the French is shown). Left out: no summary, ' +
    'no themes, no pages, status unverified.',
});
doc(CommitmentRecord, {
  id: 'CommitmentRecord',
  description: 'A commitment as the platform keeps it, in both languages.',
});

doc(AnswerStatus, {
  description:
    'received: the organisation has it. in-progress: it works on it. answered: it answered. not-our-remit: it is not ' +
    'the organisation concerned.',
});
doc(AnswerInput, { id: 'AnswerInput' });
doc(Answer, {
  id: 'Answer',
  description:
    "The organisation's official answer, signed with its name: the latest version (at); firstAt when it was edited.",
});
doc(AnswerVersion, { id: 'AnswerVersion' });
doc(AnswerHistory, { id: 'AnswerHistory', description: 'Every version of the answer, oldest first.' });

doc(Campaign.shape.targets.shape.urlPatterns, {
  description:
    'Addresses of the pages the campaign targets; * stands for any run of characters, e.g. https://*.gouv.fr/marches-publics/*',
});
doc(innerOf(Campaign.shape.owner), {
  description: 'Who runs it: the name of the account (API token) that created it, which alone may manage it.',
});
doc(Campaign.shape.approval, {
  description: "pending: an NGO's new or changed campaign, seen by no citizen until an admin approves it.",
});
doc(Campaign, { id: 'Campaign' });
doc(CampaignInput, { id: 'CampaignInput' });
doc(CampaignPatch, { id: 'CampaignPatch' });
doc(CampaignList, { id: 'CampaignList' });

doc(ModerationDecision, { id: 'ModerationDecision' });
doc(ModerationItem.shape.reports.shape.count, {
  description: 'Distinct networks (IPv4 /24, IPv6 /48) whose readers reported it since its last review.',
});
doc(ModerationItem, { id: 'ModerationItem' });
doc(ModerationQueue, { id: 'ModerationQueue' });
doc(JournalEntry, {
  id: 'JournalEntry',
  description: 'One decision: who (the token’s name), when, what, why; the note is erased with a withdrawn text.',
});
doc(BulkDecision, { id: 'BulkDecision' });
doc(BulkDecisionItem, { id: 'BulkDecisionItem' });
doc(BulkDecisionResult, { id: 'BulkDecisionResult' });
doc(ModerationCounts, { id: 'ModerationCounts' });
doc(Dashboard, { id: 'Dashboard' });
doc(ExportCount, { id: 'ExportCount' });
doc(ReportInput, { id: 'ReportInput' });
doc(WithdrawalRequest, { id: 'WithdrawalRequest' });
doc(ContributionStatusRequest, { id: 'ContributionStatusRequest' });
doc(OwnContributionStatus, { id: 'OwnContributionStatus' });
doc(ContributionStatusResponse, {
  id: 'ContributionStatusResponse',
  description: 'Only the ids whose secret matched, in the order asked; nothing about the others.',
});

doc(SupportRequest.shape.supporterKeyHash, {
  description:
    'Hex SHA-256 of a secret the device made once and keeps (the same for every contribution); the platform ' +
    'stores only a hash of it with the contribution id.',
});
doc(SupportRequest, { id: 'SupportRequest' });
doc(SupportState, { id: 'SupportState' });
doc(LiveCounts, { id: 'LiveCounts', description: 'Data of a counts event.' });
doc(LiveRemoval, {
  id: 'LiveRemoval',
  description: 'Data of a removed event: drop it, and its replies with it.',
});
doc(LiveReset, { id: 'LiveReset', description: 'Data of a reset event: reload the list, then go on.' });

doc(Account.shape.name, { description: 'Who the token was made for, e.g. an NGO or a ministry team.' });
doc(innerOf(Account.shape.domains), {
  description: "An administration's site domains: example.gouv.fr is that host, *.example.gouv.fr any host below it.",
});
doc(Account, { id: 'Account' });
