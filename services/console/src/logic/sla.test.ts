import { describe, expect, it } from 'vitest';
import { duration, slaRisk, statusCounts } from './sla';

const now = new Date('2026-12-06T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('slaRisk', () => {
  it('reads the first-assignment deadline of an unassigned case', () => {
    const risk = slaRisk({ status: 'OPEN', slaDueAt: at('2026-12-06T11:15:00Z'), nextDueAt: at('2026-12-06T11:15:00Z') }, now);
    expect(risk).toMatchObject({ level: 'breached', stage: 'first assignment', label: 'first assignment overdue by 45 min' });
  });

  it('reads the decision deadline once assigned, even without nextDueAt', () => {
    const risk = slaRisk({ status: 'IN_REVIEW', assignee: 'ana.sea', slaDueAt: at('2026-12-06T10:00:00Z'),
      decisionDueAt: at('2026-12-06T12:40:00Z') }, now);
    expect(risk).toMatchObject({ level: 'due-soon', stage: 'decision', label: 'decision due in 40 min' });
  });

  it('is on track beyond an hour, and has no deadline once decided', () => {
    expect(slaRisk({ status: 'OPEN', slaDueAt: at('2026-12-07T15:30:00Z') }, now))
      .toMatchObject({ level: 'on-track', label: 'first assignment due in 1 d 3 h' });
    expect(slaRisk({ status: 'DECIDED', slaDueAt: at('2026-12-01T00:00:00Z') }, now).level).toBe('none');
  });

  it('names the appeal review for an appealed case', () => {
    expect(slaRisk({ status: 'APPEALED', assignee: 'a', slaDueAt: at('2026-12-06T13:00:00Z'),
      nextDueAt: at('2026-12-06T14:00:00Z') }, now).label).toBe('appeal review due in 2 h');
  });
});

describe('duration', () => {
  it.each([[30_000, 'less than a minute'], [60_000, '1 min'], [3_600_000, '1 h'], [3_660_000, '1 h 1 min'],
    [86_400_000, '1 d'], [90_000_000, '1 d 1 h']])('%i ms is %s', (ms, text) => expect(duration(ms)).toBe(text));
});

describe('statusCounts', () => {
  it('lists the queue statuses in work order with zeros, then any other status the API counted', () => {
    expect(statusCounts({ IN_REVIEW: 3, OPEN: 5, CLOSED: 0, DECIDED: 2 })).toEqual([
      { status: 'OPEN', count: 5 }, { status: 'IN_REVIEW', count: 3 }, { status: 'DECISION_PROPOSED', count: 0 },
      { status: 'APPEALED', count: 0 }, { status: 'DECIDED', count: 2 }]);
  });
});
