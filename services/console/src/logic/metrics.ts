import type { AppealRates, SourceOutcomes } from '@api';
import { duration } from './sla';

/** One bar of a chart drawn as a `<meter>`: a label, its value, and the largest value of the chart as its maximum. */
export interface Bar {
  key: string;
  value: number;
  max: number;
}

/**
 * Bars for a count per key (backlog by status, breaches by stage), in the order given first (the order work flows),
 * then any other key the API counted; all against one scale, the largest count (at least 1, so empty charts draw).
 */
export function bars(counts: Record<string, number> | undefined, order: readonly string[]): Bar[] {
  const entries = [
    ...order.map((key) => [key, counts?.[key] ?? 0] as const),
    ...Object.entries(counts ?? {}).filter(([key]) => !order.includes(key)),
  ];
  const max = Math.max(1, ...entries.map(([, value]) => value));
  return entries.map(([key, value]) => ({ key, value, max }));
}

/** A rate of 0..1 as people read it: "12.5 %"; "no data" when the API has none (nothing decided yet). */
export function percent(rate: number | undefined): string {
  if (rate === undefined || Number.isNaN(rate)) return 'no data';
  const value = Math.round(rate * 1000) / 10;
  return `${value} %`;
}

/** A time in seconds as "1 h 5 min"; "no data" without cases. */
export function seconds(value: number | undefined): string {
  return value === undefined ? 'no data' : duration(value * 1000);
}

/** Detection sources with the most false positives (by rate, then count) first: where a model or rule needs work. */
export function noisiestSources(sources: readonly SourceOutcomes[]): SourceOutcomes[] {
  return [...sources].sort((a, b) => (b.falsePositiveRate ?? -1) - (a.falsePositiveRate ?? -1)
    || b.falsePositives - a.falsePositives || b.cases - a.cases);
}

/** "3 of 40 violations appealed (7.5 %), 1 of 2 decided appeals overturned (50 %)" */
export function appealSummary(a: AppealRates): string {
  return `${a.appealed} of ${a.decidedViolations} violations appealed (${percent(a.appealRate)}), `
    + `${a.overturned} of ${a.appealsDecided} decided appeals overturned (${percent(a.overturnRate)})`;
}
