import { describe, expect, it } from 'vitest';
import { chooseLookupPlan, estimateWordShare, type BigramStats } from './lookup-plan';

const NEED = 1001;

describe('chooseLookupPlan', () => {
  it('takes the index for a rare word and for a word in a few percent of the rows', () => {
    expect(chooseLookupPlan({ rows: 1_000_000, share: 0.0001 }, NEED)).toEqual({ kind: 'index' });
    // 诚信 in about 2% of a million company names: the walk would read some 50,000 rows for 1,001 matches.
    expect(chooseLookupPlan({ rows: 1_000_000, share: 0.02 }, NEED)).toEqual({ kind: 'index' });
  });

  it('walks the date index for a word in a large share of the rows, within a bound of a few times the expected rows', () => {
    // 有限公 in most company names: about 1,500 rows read for 1,001 matches, against 35,000 posting entries.
    const plan = chooseLookupPlan({ rows: 1_000_000, share: 0.7 }, NEED);
    expect(plan.kind).toBe('walk');
    if (plan.kind !== 'walk') return;
    expect(plan.bound).toBeGreaterThanOrEqual(Math.ceil(NEED / 0.7));
    expect(plan.bound).toBeLessThanOrEqual(Math.ceil((4 * NEED) / 0.7));
  });

  it('decides by the cost the estimate implies, not by a fixed number of matches', () => {
    // The same 50,000 matches: dense in a small table (walk), sparse in a large one (index).
    expect(chooseLookupPlan({ rows: 100_000, share: 0.5 }, NEED).kind).toBe('walk');
    expect(chooseLookupPlan({ rows: 10_000_000, share: 0.005 }, NEED).kind).toBe('index');
    // A deeper page needs more matches: a share that walks for one page may not for a deeper one.
    const share = 0.3;
    const shallow = chooseLookupPlan({ rows: 1_000_000, share }, NEED);
    const deep = chooseLookupPlan({ rows: 1_000_000, share }, 50 * NEED);
    expect(shallow.kind).toBe('walk');
    expect(deep.kind).toBe('index');
  });

  it('never walks past the table, and takes the index without an estimate', () => {
    expect(chooseLookupPlan(null, NEED)).toEqual({ kind: 'index' });
    expect(chooseLookupPlan({ rows: 0, share: 1 }, NEED)).toEqual({ kind: 'index' });
    expect(chooseLookupPlan({ rows: 1_000_000, share: 0 }, NEED)).toEqual({ kind: 'index' });
    // Fewer rows than needed: the walk would read the whole table, the index reads every match anyway.
    expect(chooseLookupPlan({ rows: 800, share: 1 }, NEED)).toEqual({ kind: 'index' });
    const plan = chooseLookupPlan({ rows: 3_000, share: 1 }, NEED);
    if (plan.kind === 'walk') expect(plan.bound).toBeLessThanOrEqual(3_000);
  });
});

describe('estimateWordShare', () => {
  const stats: BigramStats = {
    shares: new Map([
      ['有限', 0.8],
      ['限公', 0.8],
      ['诚信', 0.02],
      ['文明', 0.3],
      ['江南', 0.05],
      ['南区', 0.04],
    ]),
    untracked: 0.0007,
  };

  it('gives a word the share of its rarest bigram, and untracked bigrams the floor', () => {
    expect(estimateWordShare(['有限公'], stats)).toBe(0.8);
    expect(estimateWordShare(['诚信'], stats)).toBe(0.02);
    expect(estimateWordShare(['江南区'], stats)).toBe(0.04);
    expect(estimateWordShare(['鑫源商'], stats)).toBe(0.0007);
    expect(estimateWordShare(['诚信达'], stats)).toBe(0.0007);
  });

  it('gives words that must all occur the share of the rarest, and ignores case', () => {
    expect(estimateWordShare(['文明', '有限公'], stats)).toBe(0.3);
    expect(estimateWordShare(['文明', '诚信'], stats)).toBe(0.02);
    const latin: BigramStats = { shares: new Map([['ab', 0.5]]), untracked: 0.001 };
    expect(estimateWordShare(['AB'], latin)).toBe(0.5);
    expect(estimateWordShare([], stats)).toBe(0);
  });
});
