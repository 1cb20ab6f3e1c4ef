import {
  RegulatoryRequestStatus, type Disclosure, type SearchRegulatoryRequestsRequest,
} from '@api';
import { hasAny, type Session } from './session';

/** The regulatory requests list's search as its URL holds it: `?authority=bka&status=RECEIVED&dueBefore=2026-12-31`. */
export interface RegulatoryQuery {
  authority?: string;
  status?: RegulatoryRequestStatus[];
  /** Days (`YYYY-MM-DD`, the person's time zone): due at or after the start of `dueAfter`, before the end of `dueBefore`. */
  dueAfter?: string;
  dueBefore?: string;
  page?: number;
}

export const REGULATORY_PAGE_SIZE = 20;
const LAST_PAGE = 10_000 / REGULATORY_PAGE_SIZE - 1;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function regulatoryQueryFromParams(params: URLSearchParams): RegulatoryQuery {
  const query: RegulatoryQuery = {};
  const authority = params.get('authority')?.trim();
  if (authority) query.authority = authority.slice(0, 200);
  const statuses = Object.values(RegulatoryRequestStatus) as string[];
  const status = params.getAll('status').filter((s): s is RegulatoryRequestStatus => statuses.includes(s));
  if (status.length > 0) query.status = [...new Set(status)];
  for (const name of ['dueAfter', 'dueBefore'] as const) {
    const value = params.get(name) ?? '';
    if (DAY.test(value) && dayStart(value) !== undefined) query[name] = value;
  }
  const page = Number.parseInt(params.get('page') ?? '', 10);
  if (Number.isInteger(page) && page > 0) query.page = Math.min(page, LAST_PAGE);
  return query;
}

export function regulatoryQueryToParams(query: RegulatoryQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.authority?.trim()) params.set('authority', query.authority.trim());
  for (const s of query.status ?? []) params.append('status', s);
  if (query.dueAfter) params.set('dueAfter', query.dueAfter);
  if (query.dueBefore) params.set('dueBefore', query.dueBefore);
  if (query.page) params.set('page', String(query.page));
  return params;
}

/** The generated client's request: days become instants (due before the end of `dueBefore`, inclusive of that day). */
export function regulatoryRequestOf(query: RegulatoryQuery): SearchRegulatoryRequestsRequest {
  const before = query.dueBefore ? dayStart(query.dueBefore) : undefined;
  return {
    authority: query.authority || undefined,
    status: query.status && new Set(query.status),
    dueAfter: query.dueAfter ? dayStart(query.dueAfter) : undefined,
    dueBefore: before && new Date(before.getFullYear(), before.getMonth(), before.getDate() + 1),
    page: query.page,
    size: REGULATORY_PAGE_SIZE,
  };
}

/** The start of a day (`YYYY-MM-DD`) in the browser's time zone; `undefined` for a day that does not exist. */
function dayStart(day: string): Date | undefined {
  const [y, m, d] = day.split('-').map(Number);
  const at = new Date(y, m - 1, d);
  return at.getFullYear() === y && at.getMonth() === m - 1 && at.getDate() === d ? at : undefined;
}

/** What legal may do with a request in its status (the request's rules; the API still decides). */
export type RequestAction = 'accept' | 'reject' | 'askClarification' | 'recordClarification' | 'close' | 'prepareDisclosure';

export function requestActions(session: Session, status: RegulatoryRequestStatus): Set<RequestAction> {
  const actions = new Set<RequestAction>();
  if (!hasAny(session, 'legal')) return actions;
  switch (status) {
    case 'RECEIVED':
      actions.add('accept').add('reject').add('askClarification');
      break;
    case 'CLARIFICATION_REQUESTED':
      actions.add('recordClarification').add('reject');
      break;
    case 'ACCEPTED':
      actions.add('close').add('prepareDisclosure');
      break;
    default:
      break; // rejected and closed requests are over
  }
  return actions;
}

/** Four eyes: a prepared package is approved by a legal user other than the one who prepared it. */
export function canApproveDisclosure(session: Session, disclosure: Pick<Disclosure, 'status' | 'preparedBy'>): boolean {
  return hasAny(session, 'legal') && disclosure.status === 'PREPARED' && disclosure.preparedBy !== session.username;
}

/** Case ids typed one per line or separated by commas or spaces, without repeats. */
export function caseIdsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter((s) => s !== ''))];
}
