import type { CaseStatus, CaseSummary } from '@api';

/** How close a case is to breaching its SLA, for the queue and the case page. */
export interface SlaRisk {
  level: 'breached' | 'due-soon' | 'on-track' | 'none';
  /** "first assignment" or "decision": the deadline that matters now. */
  stage: string;
  dueAt?: Date;
  /** "overdue by 1 h 5 min", "due in 45 min" */
  label: string;
}

/** Within this much of its deadline a case is "due soon". */
export const DUE_SOON_MS = 60 * 60 * 1000;

const DONE: readonly CaseStatus[] = ['DECIDED', 'DISMISSED', 'CLOSED'];

/**
 * The deadline that still matters (the API's `nextDueAt`: first assignment until someone takes the case, then the
 * decision; `slaDueAt` from an API that does not send it) and how near it is at `now`.
 */
export function slaRisk(c: Pick<CaseSummary, 'status' | 'assignee' | 'slaDueAt' | 'nextDueAt' | 'decisionDueAt'>,
                        now: Date): SlaRisk {
  if (DONE.includes(c.status)) {
    return { level: 'none', stage: '', label: 'no deadline' };
  }
  const dueAt = c.nextDueAt ?? (c.assignee ? c.decisionDueAt ?? c.slaDueAt : c.slaDueAt);
  const stage = c.status === 'APPEALED' ? 'appeal review' : c.assignee ? 'decision' : 'first assignment';
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) {
    return { level: 'breached', stage, dueAt, label: `${stage} overdue by ${duration(-left)}` };
  }
  return { level: left <= DUE_SOON_MS ? 'due-soon' : 'on-track', stage, dueAt, label: `${stage} due in ${duration(left)}` };
}

/** "2 d 3 h", "1 h 5 min", "45 min", "less than a minute" */
export function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
  return `${mins} min`;
}

/** The queue's statuses in the order work flows, each with its count (0 when the facet has none). */
export const QUEUE_STATUSES: readonly CaseStatus[] = ['OPEN', 'IN_REVIEW', 'DECISION_PROPOSED', 'APPEALED'];

export function statusCounts(facet: Record<string, number> | undefined,
                             statuses: readonly CaseStatus[] = QUEUE_STATUSES): { status: CaseStatus; count: number }[] {
  const known = statuses.map((status) => ({ status, count: facet?.[status] ?? 0 }));
  const others = Object.entries(facet ?? {})
    .filter(([status, count]) => !statuses.includes(status as CaseStatus) && count > 0)
    .map(([status, count]) => ({ status: status as CaseStatus, count }));
  return [...known, ...others];
}
