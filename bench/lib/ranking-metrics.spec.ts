import {
  countInTop,
  dcgAt,
  idealDcgAt,
  meanOf,
  ndcgAt,
  precisionAt,
  recallAt,
  reciprocalRank,
} from './ranking-metrics';

describe('ranking metrics', () => {
  const grades = { a: 2, b: 1, c: 1, d: 2 };

  it('precision@k counts graded items in the first k, k in the denominator', () => {
    expect(precisionAt(['a', 'x', 'b', 'y', 'z'], grades, 5)).toBeCloseTo(2 / 5);
    expect(precisionAt(['a', 'x'], grades, 5)).toBeCloseTo(1 / 5);
    expect(precisionAt(['a', 'x', 'b'], grades, 5, 2)).toBeCloseTo(1 / 5);
    expect(precisionAt([], grades, 5)).toBe(0);
  });

  it('recall@k over all labelled items, NaN without any', () => {
    expect(recallAt(['a', 'x', 'b'], grades, 10)).toBeCloseTo(2 / 4);
    expect(recallAt(['a'], {}, 10)).toBeNaN();
  });

  it('DCG by hand: gains 2^g - 1, discount log2(rank + 1)', () => {
    // ranking d(2), x(0), b(1): 3/log2(2) + 0/log2(3) + 1/log2(4) = 3 + 0 + 0.5
    expect(dcgAt(['d', 'x', 'b'], grades, 10)).toBeCloseTo(3.5);
    // only the first 2 count
    expect(dcgAt(['d', 'x', 'b'], grades, 2)).toBeCloseTo(3);
    // a repeated id counts once
    expect(dcgAt(['d', 'd'], grades, 10)).toBeCloseTo(3);
  });

  it('ideal DCG sorts the labels best first', () => {
    // 3/1 + 3/log2(3) + 1/2 + 1/log2(5)
    const expected = 3 + 3 / Math.log2(3) + 0.5 + 1 / Math.log2(5);
    expect(idealDcgAt(grades, 10)).toBeCloseTo(expected);
    expect(idealDcgAt(grades, 1)).toBeCloseTo(3);
  });

  it('nDCG@k: a hand-computed value, 1 for the ideal order, 0 for nothing relevant', () => {
    // ranking x, a, c: (3/log2(3) + 1/2) / (3 + 3/log2(3) + 0.5 + 1/log2(5))
    const dcg = 3 / Math.log2(3) + 1 / 2;
    const ideal = 3 + 3 / Math.log2(3) + 0.5 + 1 / Math.log2(5);
    expect(ndcgAt(['x', 'a', 'c'], grades, 10)).toBeCloseTo(dcg / ideal);
    expect(dcg / ideal).toBeCloseTo(0.4109, 3);
    expect(ndcgAt(['a', 'd', 'b', 'c'], grades, 10)).toBeCloseTo(1);
    expect(ndcgAt(['x', 'y'], grades, 10)).toBe(0);
    expect(ndcgAt(['x'], { x: 0 }, 10)).toBeNaN();
  });

  it('reciprocal rank of the first relevant item', () => {
    expect(reciprocalRank(['x', 'y', 'b'], grades)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['x', 'b', 'a'], grades, 2)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['x'], grades)).toBe(0);
  });

  it('counts forbidden items in the top k', () => {
    expect(countInTop(['a', 'x', 'y', 'z'], ['x', 'z', 'q'], 3)).toBe(1);
  });

  it('mean ignores NaN', () => {
    expect(meanOf([1, Number.NaN, 0])).toBeCloseTo(0.5);
    expect(meanOf([Number.NaN])).toBeNaN();
  });
});
