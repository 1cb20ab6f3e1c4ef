import {
  CaseStatus, EnforcementState, Priority, RiskCategory, type SearchCasesRequest,
} from '@api';

/** A search as the search form edits it; {@link toRequest} makes it the generated client's request. */
export interface CaseQuery {
  q?: string;
  signal?: string;
  subjectId?: string;
  assignee?: string;
  status?: CaseStatus[];
  category?: RiskCategory[];
  priority?: Priority[];
  enforcement?: EnforcementState;
  page?: number;
}

export function toRequest(query: CaseQuery, size: number): SearchCasesRequest {
  const { status, category, priority, ...rest } = query;
  return {
    ...rest,
    status: status && new Set(status),
    category: category && new Set(category),
    priority: priority && new Set(priority),
    size,
  };
}

/** The largest page the API serves: `(page + 1) * size` must not exceed 10,000 (size 25 here). */
export const LAST_PAGE = 10_000 / 25 - 1;

/**
 * A search as the console's URL holds it (`?q=..&status=OPEN&status=IN_REVIEW&page=2`), read back leniently: values
 * the API does not know (an old bookmark, a typo) are dropped rather than sent to fail the whole search.
 */
export function searchFromParams(params: URLSearchParams): CaseQuery {
  const request: CaseQuery = {};
  for (const name of ['q', 'signal', 'subjectId', 'assignee'] as const) {
    const value = params.get(name)?.trim();
    if (value) request[name] = value;
  }
  const status = known(params.getAll('status'), Object.values(CaseStatus));
  if (status.length > 0) request.status = status;
  const category = known(params.getAll('category'), Object.values(RiskCategory));
  if (category.length > 0) request.category = category;
  const priority = known(params.getAll('priority'), Object.values(Priority));
  if (priority.length > 0) request.priority = priority;
  const enforcement = known([params.get('enforcement') ?? ''], Object.values(EnforcementState));
  if (enforcement.length > 0) request.enforcement = enforcement[0];
  const page = Number.parseInt(params.get('page') ?? '', 10);
  if (Number.isInteger(page) && page > 0) request.page = Math.min(page, LAST_PAGE);
  return request;
}

export function searchToParams(request: CaseQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ['q', 'signal', 'subjectId', 'assignee'] as const) {
    const value = request[name]?.trim();
    if (value) params.set(name, value);
  }
  request.status?.forEach((v) => params.append('status', v));
  request.category?.forEach((v) => params.append('category', v));
  request.priority?.forEach((v) => params.append('priority', v));
  if (request.enforcement) params.set('enforcement', request.enforcement);
  if (request.page && request.page > 0) params.set('page', String(request.page));
  return params;
}

function known<T extends string>(values: string[], allowed: readonly T[]): T[] {
  return [...new Set(values.filter((v): v is T => (allowed as readonly string[]).includes(v)))];
}
