import { describe, expect, it } from 'vitest';
import { chooseLookupPlan, commonWalkBound, estimateWordShare, NAME_WALK_ROW_COST, PROBE_MATCHES, SURELY_COMMON_FACTOR, TEXT_WALK_ROW_COST, type BigramStats } from './lookup-plan';

const NEED = 1001;

describe('chooseLookupPlan', () => {
  it('takes the index for a rare word and for a word in a few percent of the rows', () => {
    expect(chooseLookupPlan({ rows: 1_000_000, share: 0.0001 }, NEED, NAME_WALK_ROW_COST)).toEqual({ kind: 'index' });
    // 诚信 in about 2% of a million company names: the walk would read some 50,000 rows for 1,001 matches.
    expect(chooseLookupPlan({ rows: 1_000_000, share: 0.02 }, NEED, NAME_WALK_ROW_COST)).toEqual({ kind: 'index' });
  });

  it('walks the date index for a word in a large share of the rows, within a bound of a few times the expected rows', () => {
    // A fragment in 90% of a million names: about 1,100 rows read for 1,001 matches, against 900,000 posting entries.
    const plan = chooseLookupPlan({ rows: 1_000_000, share: 0.9 }, NEED, NAME_WALK_ROW_COST);
    expect(plan.kind).toBe('walk');
    if (plan.kind !== 'walk') return;
    expect(plan.bound).toBeGreaterThanOrEqual(Math.ceil(NEED / 0.9));
    expect(plan.bound).toBeLessThanOrEqual(Math.ceil((4 * NEED) / 0.9));
    // 有限公 in 64% of them: a name's test is cheap (measured), so it walks too.
    expect(chooseLookupPlan({ rows: 1_000_000, share: 0.64 }, NEED, NAME_WALK_ROW_COST).kind).toBe('walk');
  });

  it('decides by the cost the estimate implies, not by a fixed number of matches', () => {
    // The same 900,000 matches: dense in a million rows (walk), sparse in a hundred million (index).
    expect(chooseLookupPlan({ rows: 1_000_000, share: 0.9 }, NEED, NAME_WALK_ROW_COST).kind).toBe('walk');
    expect(chooseLookupPlan({ rows: 100_000_000, share: 0.009 }, NEED, NAME_WALK_ROW_COST).kind).toBe('index');
    // A deeper page needs more matches: a share that walks for one page may not for a deeper one.
    const share = 0.15;
    expect(chooseLookupPlan({ rows: 1_000_000, share }, NEED, NAME_WALK_ROW_COST).kind).toBe('walk');
    expect(chooseLookupPlan({ rows: 1_000_000, share }, 20 * NEED, NAME_WALK_ROW_COST).kind).toBe('index');
  });

  it('walks long texts only where a row test is cheap enough: 文明 in most articles still takes the index', () => {
    // A walk over long texts reads each row's bigram array; the index plan reads posting entries.
    expect(chooseLookupPlan({ rows: 100_000, share: 0.73 }, NEED).kind).toBe('index');
    expect(chooseLookupPlan({ rows: 100_000, share: 0.73 }, NEED, TEXT_WALK_ROW_COST)).toEqual({ kind: 'index' });
    expect(chooseLookupPlan({ rows: 1_000_000, share: 0.95 }, NEED, TEXT_WALK_ROW_COST)).toEqual({ kind: 'index' });
    // The same share of short names walks.
    expect(chooseLookupPlan({ rows: 1_000_000, share: 0.95 }, NEED, NAME_WALK_ROW_COST).kind).toBe('walk');
  });

  it('never walks past the table, and takes the index without an estimate', () => {
    expect(chooseLookupPlan(null, NEED, NAME_WALK_ROW_COST)).toEqual({ kind: 'index' });
    expect(chooseLookupPlan({ rows: 0, share: 1 }, NEED, NAME_WALK_ROW_COST)).toEqual({ kind: 'index' });
    expect(chooseLookupPlan({ rows: 1_000_000, share: 0 }, NEED, NAME_WALK_ROW_COST)).toEqual({ kind: 'index' });
    // Fewer rows than needed: the walk would read the whole table, the index reads every match anyway.
    expect(chooseLookupPlan({ rows: 800, share: 1 }, NEED, 0.1)).toEqual({ kind: 'index' });
    const plan = chooseLookupPlan({ rows: 3_000, share: 1 }, NEED, 0.1);
    expect(plan.kind).toBe('walk');
    if (plan.kind === 'walk') expect(plan.bound).toBeLessThanOrEqual(3_000);
  });
});

describe('chooseLookupPlan: surely common words (no count, the page walked)', () => {
  const PAGE = 20;

  it('skips the count of a word estimated in ten times the cap or more, when walking to the page is cheaper', () => {
    // 文明 in 73% of 100,000 articles: a page is about 27 rows of a walk.
    expect(chooseLookupPlan({ rows: 100_000, share: 0.73 }, NEED, TEXT_WALK_ROW_COST, PAGE)).toEqual({ kind: 'common', share: 0.73 });
    // A tab that is only counted walks for PROBE_MATCHES matches, to check the estimate.
    expect(chooseLookupPlan({ rows: 100_000, share: 0.73 }, NEED, TEXT_WALK_ROW_COST, 0).kind).toBe('common');
    // 有限公 in 64% of a million names.
    expect(chooseLookupPlan({ rows: 1_000_000, share: 0.64 }, NEED, NAME_WALK_ROW_COST, PAGE).kind).toBe('common');
  });

  it('counts below the margin, whatever the walk would cost', () => {
    const share = ((SURELY_COMMON_FACTOR * (NEED - 1)) / 100_000) * 0.99;
    expect(chooseLookupPlan({ rows: 100_000, share }, NEED, 0.001, PAGE).kind).not.toBe('common');
    expect(chooseLookupPlan({ rows: 100_000, share: share / 0.98 }, NEED, 0.001, PAGE).kind).toBe('common');
    // Without the page's size (the counting walk's callers), never.
    expect(chooseLookupPlan({ rows: 100_000, share: 0.73 }, NEED, TEXT_WALK_ROW_COST).kind).toBe('index');
  });

  it('counts when walking to a deep page would cost more than counting', () => {
    expect(chooseLookupPlan({ rows: 100_000, share: 0.73 }, NEED, TEXT_WALK_ROW_COST, 50 * PAGE).kind).toBe('index');
    // A word in 1% of the long texts: even its first page is cheaper through the index.
    expect(chooseLookupPlan({ rows: 2_000_000, share: 0.01 }, NEED, TEXT_WALK_ROW_COST, PAGE).kind).toBe('index');
  });

  it('bounds the walk at a few times the rows the estimate expects, and at least a probe of matches', () => {
    expect(commonWalkBound(1, PAGE)).toBe(4 * PAGE);
    expect(commonWalkBound(0.5, 0)).toBe(8 * PROBE_MATCHES);
    expect(commonWalkBound(0.25, 100)).toBe(1600);
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
