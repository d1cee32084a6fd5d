import { describe, expect, it } from 'vitest';
import { takeBatch } from '../../src/modules/courses/study/heartbeat-batch.ts';

const p = (personId: string, n: number) => ({ write: { personId }, n });

describe('takeBatch (heartbeat group commit)', () => {
  it('keeps queue order and takes each person once; a second heartbeat of a person waits for the next batch', () => {
    const { batch, rest } = takeBatch([p('a', 1), p('b', 2), p('a', 3), p('c', 4), p('b', 5)], 10);
    expect(batch.map((x) => x.n)).toEqual([1, 2, 4]);
    expect(rest.map((x) => x.n)).toEqual([3, 5]);
    expect(takeBatch(rest, 10).batch.map((x) => x.n)).toEqual([3, 5]);
  });

  it('takes at most max writes', () => {
    const { batch, rest } = takeBatch([p('a', 1), p('b', 2), p('c', 3)], 2);
    expect(batch.map((x) => x.n)).toEqual([1, 2]);
    expect(rest.map((x) => x.n)).toEqual([3]);
  });

  it('an empty queue gives an empty batch', () => {
    expect(takeBatch([], 5)).toEqual({ batch: [], rest: [] });
  });
});
