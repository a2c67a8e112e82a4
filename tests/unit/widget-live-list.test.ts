import { describe, expect, it } from 'vitest';
import type { Contribution } from '../../api-client/contract';
import { withLiveEvent } from '../../widget/runtime/live-list';
import { aContribution } from '../support/contributions';

const published = (body: string): Contribution => ({
  ...aContribution({ body }),
  status: 'published',
  receivedAt: '2026-11-30T10:00:00.000Z',
  supportCount: 0,
  replyCount: 0,
});

const [a, b, c] = [published('a'), published('b'), published('c')];
const newest = { prepend: true, complete: false };
const bodies = (items: readonly Contribution[] | undefined) => items?.map((i) => i.body);

describe('the widget’s list after a live event', () => {
  it('puts a new contribution on top of the newest-first list, once', () => {
    const after = withLiveEvent([a, b], { type: 'contribution', id: '9', data: c }, newest);
    expect(after?.change).toBe('added');
    expect(bodies(after?.items)).toEqual(['c', 'a', 'b']);
    // Replayed after a reconnection: already there, nothing changes.
    expect(withLiveEvent(after!.items, { type: 'contribution', id: '9', data: c }, newest)).toBeUndefined();
  });

  it('in another order, adds it at the end only when no page follows, so it never stands in a wrong place', () => {
    const bySupport = { prepend: false, complete: true };
    expect(bodies(withLiveEvent([a, b], { type: 'contribution', id: '9', data: c }, bySupport)?.items)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(
      withLiveEvent([a, b], { type: 'contribution', id: '9', data: c }, { prepend: false, complete: false }),
    ).toBeUndefined();
  });

  it('changes an answer and the counts in place, without reordering', () => {
    const answered = { ...b, reply: { body: 'Réponse publiée.', at: '2026-11-30T11:00:00.000Z' } };
    const after = withLiveEvent([a, b, c], { type: 'answer', id: '10', data: answered }, newest);
    expect(after?.change).toBe('answered');
    expect(after?.items[1]?.reply?.body).toBe('Réponse publiée.');
    const counted = withLiveEvent(
      [a, b, c],
      { type: 'counts', id: '11', data: { id: c.id, supportCount: 7, replyCount: 2 } },
      newest,
    );
    expect(counted?.change).toBe('counted');
    expect(counted?.items.map((i) => [i.body, i.supportCount, i.replyCount])).toEqual([
      ['a', 0, 0],
      ['b', 0, 0],
      ['c', 7, 2],
    ]);
  });

  it('takes out what left public view, and ignores events about what it does not show', () => {
    const after = withLiveEvent([a, b, c], { type: 'removed', id: '12', data: { id: b.id } }, newest);
    expect(after?.change).toBe('removed');
    expect(bodies(after?.items)).toEqual(['a', 'c']);
    const stranger = published('ailleurs');
    expect(withLiveEvent([a], { type: 'removed', id: '13', data: { id: stranger.id } }, newest)).toBeUndefined();
    expect(withLiveEvent([a], { type: 'answer', id: '14', data: stranger }, newest)).toBeUndefined();
    expect(
      withLiveEvent(
        [a],
        { type: 'counts', id: '15', data: { id: stranger.id, supportCount: 1, replyCount: 0 } },
        newest,
      ),
    ).toBeUndefined();
  });
});
