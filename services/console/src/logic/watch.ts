import type { CaseEvent } from '@api';

/**
 * Keeping a screen current (docs/adr/0025 and 0028): a case page polls with `If-None-Match` every few seconds, the
 * queue and long work (an index rebuild) refresh on intervals; all pause while the tab is hidden.
 */
export const CASE_POLL_MS = 5_000;
export const QUEUE_POLL_MS = 30_000;
export const REBUILD_POLL_MS = 2_000;
/** Failures back off, doubling, up to this. */
export const MAX_BACKOFF_MS = 60_000;

/** What one poll found. */
export type PollOutcome =
  | { kind: 'unchanged' }
  | { kind: 'changed' }
  | { kind: 'gone' }
  | { kind: 'slow-down'; afterMs: number }
  | { kind: 'failed' }
  /** Nothing more to watch (a rebuild that finished): the polling stops. */
  | { kind: 'done' };

/**
 * What the status of a poll's answer means: `304` (the case is still at the version held) is not an error, though the
 * generated client throws it as one; `404` is a case gone from sight (merged away is still found; another region or
 * erased access is not); `429` asks to wait `Retry-After`.
 */
export function pollOutcome(status: number, retryAfterSeconds?: number): PollOutcome {
  if (status === 304) return { kind: 'unchanged' };
  if (status >= 200 && status < 300) return { kind: 'changed' };
  if (status === 404) return { kind: 'gone' };
  if (status === 429) return { kind: 'slow-down', afterMs: Math.max(1, retryAfterSeconds ?? 60) * 1000 };
  return { kind: 'failed' };
}

/**
 * When to poll next, or `undefined` for never: the interval while all is well, `Retry-After` when asked to slow down,
 * a doubling back-off over consecutive failures (a server restarting is not hammered), nothing once gone or done.
 */
export function nextPollDelay(outcome: PollOutcome, intervalMs: number, consecutiveFailures: number): number | undefined {
  switch (outcome.kind) {
    case 'unchanged':
    case 'changed':
      return intervalMs;
    case 'slow-down':
      return Math.max(intervalMs, outcome.afterMs);
    case 'failed':
      return Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.max(0, Math.min(consecutiveFailures, 10)));
    case 'gone':
    case 'done':
      return undefined;
  }
}

/** Whether to poll now: not while the tab is hidden, nor while one's own write is under way (its answer comes next). */
export function shouldPollNow(state: { hidden: boolean; writing: boolean; holding: boolean }): boolean {
  return !state.hidden && !state.writing && state.holding;
}

/**
 * Whether a case read may replace the one on screen: only a later version. A poll answered just before one's own
 * write must not bring the state before it back.
 */
export function isNewer(held: number | undefined, incoming: number): boolean {
  return held === undefined || incoming > held;
}

/** The entity tag of a case version, as its `ETag` and `If-None-Match` carry it: `"7"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** `Retry-After` in seconds, as a number of seconds or an HTTP date; `undefined` when absent or unreadable. */
export function retryAfterSeconds(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** How many of the changes a live announcement names; the rest are counted. */
const NAMED_CHANGES = 3;

/**
 * Someone else's change in one sentence for the page's polite live region: "The case changed: note added by lee.sea."
 * `events` is the case's history (a case's version is the sequence of its latest event); those after `sinceVersion`
 * are the change. Without them (the history could not be read), the new version is named.
 */
export function describeChange(events: readonly CaseEvent[] | null, sinceVersion: number, newVersion: number): string {
  const fresh = (events ?? []).filter((e) => e.sequence > sinceVersion);
  if (fresh.length === 0) return `The case changed (it is now at version ${newVersion}).`;
  const named = fresh.slice(-NAMED_CHANGES).map((e) => `${eventWords(e.type)} by ${e.actor}`);
  const more = fresh.length - named.length;
  return `The case changed: ${named.join('; ')}${more > 0 ? `; and ${more} earlier change${more > 1 ? 's' : ''}` : ''}.`;
}

/** `CaseAssigned` reads "case assigned". */
function eventWords(type: string): string {
  return type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
