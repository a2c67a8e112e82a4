import type { Contribution } from '../../api-client/contract';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const motivations = { comment: 'commenting', gap: 'assessing', reply: 'replying' } as const;

/**
 * A contribution as a W3C Web Annotation: a comment is `commenting`, a
 * transparency gap is `assessing` (with its gap type as a `tagging` body), and
 * the target keeps the page and the selectors exactly as they were stored. A
 * citizen's reply is `replying`, and its target is the annotation it answers, as
 * the model has it for replies.
 */
export function toAnnotation(c: Contribution, baseUrl: string): Record<string, unknown> {
  const motivation = motivations[c.kind];
  const body: Record<string, unknown>[] = [
    { type: 'TextualBody', value: c.body, format: 'text/plain', language: c.locale, purpose: motivation },
  ];
  if (c.gapType !== undefined) body.push({ type: 'TextualBody', value: c.gapType, purpose: 'tagging' });
  if (c.reply) {
    body.push({
      type: 'TextualBody',
      value: c.reply.body,
      format: 'text/plain',
      purpose: 'replying',
      created: c.reply.at,
    });
  }
  if (c.answer) {
    // The organisation's answer: a reply created by the organisation, its status as a tag.
    body.push({
      type: 'TextualBody',
      value: c.answer.body,
      format: 'text/plain',
      purpose: 'replying',
      created: c.answer.firstAt ?? c.answer.at,
      modified: c.answer.at,
      creator: { type: 'Organization', name: c.answer.organisation },
    });
    body.push({ type: 'TextualBody', value: c.answer.status, purpose: 'tagging' });
  }
  const selectors = c.target.selectors;
  return {
    id: `${baseUrl}/v1/contributions/${c.id}`,
    type: 'Annotation',
    motivation,
    created: c.createdAt,
    ...(c.author ? { creator: { type: 'Person', nickname: c.author.pseudonym } } : {}),
    body,
    target: c.parentId
      ? `${baseUrl}/v1/contributions/${c.parentId}`
      : {
          source: c.target.url,
          ...(selectors.length === 0 ? {} : { selector: selectors.length === 1 ? selectors[0] : selectors }),
        },
  };
}
