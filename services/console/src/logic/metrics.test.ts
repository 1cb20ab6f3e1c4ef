import { describe, expect, it } from 'vitest';
import type { SourceOutcomes } from '@api';
import { appealSummary, bars, noisiestSources, percent, seconds } from './metrics';

const rates = { decidedViolations: 0, appealed: 0, appealsDecided: 0, overturned: 0 };
const source = (id: string, cases: number, falsePositives: number, falsePositiveRate?: number): SourceOutcomes =>
  ({ source: { kind: 'MODEL', id, version: '1' }, cases, decided: cases, confirmed: cases - falsePositives,
    falsePositives, falsePositiveRate, appeals: rates });

describe('bars', () => {
  it('draws every status in work order on one scale, zeros included, then statuses it did not expect', () => {
    expect(bars({ IN_REVIEW: 4, OPEN: 8, ESCALATED: 1 }, ['OPEN', 'IN_REVIEW', 'DECISION_PROPOSED'])).toEqual([
      { key: 'OPEN', value: 8, max: 8 }, { key: 'IN_REVIEW', value: 4, max: 8 },
      { key: 'DECISION_PROPOSED', value: 0, max: 8 }, { key: 'ESCALATED', value: 1, max: 8 }]);
  });

  it('keeps a scale of at least 1 for an empty chart', () => {
    expect(bars({}, ['FIRST_ASSIGNMENT'])).toEqual([{ key: 'FIRST_ASSIGNMENT', value: 0, max: 1 }]);
  });
});

describe('rates and times', () => {
  it('reads rates as percentages with one decimal, and says so when there is no data', () => {
    expect(percent(0.125)).toBe('12.5 %');
    expect(percent(1 / 3)).toBe('33.3 %');
    expect(percent(0)).toBe('0 %');
    expect(percent(undefined)).toBe('no data');
  });

  it('reads seconds as a duration', () => {
    expect(seconds(3900)).toBe('1 h 5 min');
    expect(seconds(undefined)).toBe('no data');
  });

  it('summarises appeals with their rates', () => {
    expect(appealSummary({ decidedViolations: 40, appealed: 3, appealsDecided: 2, overturned: 1, appealRate: 0.075,
      overturnRate: 0.5 })).toBe('3 of 40 violations appealed (7.5 %), 1 of 2 decided appeals overturned (50 %)');
  });
});

describe('noisiestSources', () => {
  it('puts the highest false-positive rate first, ties by count, sources without decisions last', () => {
    const order = noisiestSources([source('quiet', 50, 1, 0.02), source('undecided', 9, 0), source('noisy', 10, 6, 0.6),
      source('noisy-too', 20, 12, 0.6)]).map((s) => s.source.id);
    expect(order).toEqual(['noisy-too', 'noisy', 'quiet', 'undecided']);
  });
});
