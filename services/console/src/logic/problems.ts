import type { FieldError, HeldCase, Problem } from '@api';

/** A failed API call, read from its RFC 9457 problem details (or what stands in for them). */
export interface ApiProblem {
  status: number;
  code: string;
  detail: string;
  errors: FieldError[];
  currentVersion?: number;
  /** The legal holds that refused an erasure (`subject-under-legal-hold`): each case and the request holding it. */
  holds?: HeldCase[];
  /** `Retry-After` of a `429`, in seconds. */
  retryAfter?: number;
}

/** What a form shows: messages next to the fields it has, the rest above the form. */
export interface PlacedErrors {
  byField: Record<string, string[]>;
  unplaced: string[];
}

/**
 * Reads a problem body. `body` is the parsed JSON of an error response (or undefined when it was not JSON).
 * A 404 is "not found" whatever the reason: a case of another region answers exactly like an unknown id.
 */
export function toProblem(status: number, body: unknown): ApiProblem {
  const p = (typeof body === 'object' && body !== null ? body : {}) as Problem;
  const errors = Array.isArray(p.errors)
    ? p.errors.filter((e): e is FieldError => typeof e?.field === 'string' && typeof e?.message === 'string')
    : [];
  return {
    status,
    code: typeof p.code === 'string' ? p.code : fallbackCode(status),
    detail: typeof p.detail === 'string' && p.detail !== '' ? p.detail : fallbackDetail(status),
    errors,
    currentVersion: typeof p.currentVersion === 'number' ? p.currentVersion : undefined,
    holds: Array.isArray(p.holds)
      ? p.holds.filter((h): h is HeldCase => typeof h?.caseId === 'string' && typeof h?.requestId === 'string')
      : undefined,
  };
}

function fallbackCode(status: number): string {
  switch (status) {
    case 401: return 'unauthenticated';
    case 403: return 'forbidden';
    case 404: return 'not-found';
    case 409: return 'conflict';
    case 429: return 'too-many-requests';
    default: return status >= 500 ? 'server-error' : 'invalid-request';
  }
}

function fallbackDetail(status: number): string {
  switch (status) {
    case 401: return 'Your sign-in has expired. Sign in again.';
    case 403: return 'Your roles do not allow this action.';
    case 404: return 'Not found.';
    case 429: return 'Too many requests: wait a moment and try again.';
    default: return status >= 500 ? 'Casebook could not answer. Try again later.' : 'The request was refused.';
  }
}

/** The case moved on since it was read: reload it and send again (what was typed is kept). */
export function isStaleVersion(problem: ApiProblem): boolean {
  return problem.status === 409 && (problem.code === 'stale-version' || problem.code === 'concurrent-change');
}

/**
 * Puts each field error next to the form field it names. The API names body fields by their JSON path
 * (`rationale`, `actions[1].parameters[reason]`, `policyRefs[0]`) and parameters by name (`If-Match`); a form
 * field takes the errors of its own path and of everything under it. What no field of the form claims (and a
 * problem without field errors, such as a broken business rule) goes above the form.
 */
export function placeFieldErrors(problem: ApiProblem, formFields: readonly string[]): PlacedErrors {
  const byField: Record<string, string[]> = {};
  const unplaced: string[] = [];
  for (const error of problem.errors) {
    const field = owningField(error.field, formFields);
    if (field === undefined) {
      unplaced.push(`${error.field}: ${error.message}`);
    } else {
      (byField[field] ??= []).push(error.message);
    }
  }
  if (problem.errors.length === 0) {
    unplaced.push(problem.detail);
  }
  return { byField, unplaced };
}

/** The longest form field whose path is the error's path, or a prefix of it at a `.` or `[` boundary. */
function owningField(path: string, formFields: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const field of formFields) {
    if (path === field || path.startsWith(field + '.') || path.startsWith(field + '[')) {
      if (best === undefined || field.length > best.length) best = field;
    }
  }
  return best;
}
