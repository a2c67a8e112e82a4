import { describe, expect, it } from 'vitest';
import {
  ContributionInput,
  explainIssues,
  liveEventData,
  StreamQuery,
  SupportRequest,
  type ContributionInput as Input,
} from '../../api-client/contract';
import { platformRuleSentence } from '../../api-client/contract/platform-messages';
import { aContribution } from '../support/contributions';

const parent = aContribution();
const reply = (overrides: Partial<Input> = {}): Input => {
  const { commitmentId: _c, ...rest } = aContribution({ body: 'Moi aussi.' });
  return { ...rest, kind: 'reply', parentId: parent.id, target: { ...parent.target, selectors: [] }, ...overrides };
};

/** Each bad field's code, and the platform's French sentence for it. */
function refusal(value: unknown): Record<string, string> {
  const result = ContributionInput.safeParse(value);
  if (result.success) return {};
  return Object.fromEntries(
    explainIssues(result.error, 'fr', '', platformRuleSentence).map((e) => [e.pointer, `${e.code}: ${e.detail}`]),
  );
}

describe('the contract of replies, "Moi aussi" and live events', () => {
  it('takes a reply that names its parent and nothing of where it stands', () => {
    expect(ContributionInput.safeParse(reply()).success).toBe(true);
  });

  it('refuses a reply without a parent, with a gap type, a quote, a commitment or a campaign, and a parent on anything else', () => {
    expect(refusal(reply({ parentId: undefined }))).toEqual({
      '/parentId': 'parent.required: Une réponse doit indiquer la contribution à laquelle elle répond (parentId).',
    });
    expect(
      Object.keys(refusal(reply({ gapType: 'other', commitmentId: 'FR0067', campaignId: 'une-campagne' }))),
    ).toEqual(['/gapType', '/commitmentId', '/campaignId']);
    expect(refusal(reply({ target: parent.target }))).toEqual({
      '/target/selectors':
        'reply.selectors: Une réponse ne cite pas de passage de la page : elle répond à une contribution.',
    });
    expect(Object.keys(refusal({ ...aContribution(), parentId: parent.id }))).toEqual(['/parentId']);
    expect(Object.keys(refusal(reply({ parentId: 'pas-un-uuid' })))).toEqual(['/parentId']);
  });

  it('asks for a SHA-256 as the supporter key, and a scope and a numeric id for a stream', () => {
    expect(SupportRequest.safeParse({ supporterKeyHash: 'a'.repeat(64) }).success).toBe(true);
    expect(SupportRequest.safeParse({ supporterKeyHash: 'A'.repeat(64) }).success).toBe(false);
    expect(SupportRequest.safeParse({ supporterKeyHash: 'a'.repeat(64), device: 'x' }).success).toBe(false);
    expect(StreamQuery.safeParse({ commitmentId: 'FR0067', lastEventId: '42' }).success).toBe(true);
    expect(StreamQuery.safeParse({ commitmentId: 'FR0067', lastEventId: '-1' }).success).toBe(false);
    expect(StreamQuery.safeParse({}).success).toBe(false);
  });

  it('gives each live event type the schema of its data', () => {
    expect(liveEventData.counts.safeParse({ id: parent.id, supportCount: 2, replyCount: 0 }).success).toBe(true);
    expect(liveEventData.removed.safeParse({ id: parent.id, parentId: parent.id }).success).toBe(true);
    expect(liveEventData.reset.safeParse({ reason: 'too-far-behind' }).success).toBe(true);
    expect(liveEventData.reset.safeParse({ reason: 'autre' }).success).toBe(false);
  });
});
