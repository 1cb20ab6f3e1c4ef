import type { CaseEvent } from '@api';
import { describe, expect, it } from 'vitest';
import {
  CASE_POLL_MS, MAX_BACKOFF_MS, describeChange, etagOf, isNewer, nextPollDelay, pollOutcome, retryAfterSeconds,
  shouldPollNow,
} from './watch';

describe('pollOutcome', () => {
  it('reads 304 as unchanged, not as an error', () => {
    expect(pollOutcome(304)).toEqual({ kind: 'unchanged' });
    expect(pollOutcome(200)).toEqual({ kind: 'changed' });
  });

  it('stops at a case gone from sight and slows down when asked to', () => {
    expect(pollOutcome(404)).toEqual({ kind: 'gone' });
    expect(pollOutcome(429, 12)).toEqual({ kind: 'slow-down', afterMs: 12_000 });
    expect(pollOutcome(429)).toEqual({ kind: 'slow-down', afterMs: 60_000 });
    expect(pollOutcome(503)).toEqual({ kind: 'failed' });
    expect(pollOutcome(0)).toEqual({ kind: 'failed' });
  });
});

describe('nextPollDelay', () => {
  it('keeps the interval while all is well', () => {
    expect(nextPollDelay({ kind: 'unchanged' }, CASE_POLL_MS, 0)).toBe(CASE_POLL_MS);
    expect(nextPollDelay({ kind: 'changed' }, CASE_POLL_MS, 0)).toBe(CASE_POLL_MS);
  });

  it('waits Retry-After, never less than the interval', () => {
    expect(nextPollDelay({ kind: 'slow-down', afterMs: 30_000 }, CASE_POLL_MS, 0)).toBe(30_000);
    expect(nextPollDelay({ kind: 'slow-down', afterMs: 1_000 }, CASE_POLL_MS, 0)).toBe(CASE_POLL_MS);
  });

  it('backs off over consecutive failures, up to a minute', () => {
    expect(nextPollDelay({ kind: 'failed' }, CASE_POLL_MS, 1)).toBe(10_000);
    expect(nextPollDelay({ kind: 'failed' }, CASE_POLL_MS, 2)).toBe(20_000);
    expect(nextPollDelay({ kind: 'failed' }, CASE_POLL_MS, 50)).toBe(MAX_BACKOFF_MS);
  });

  it('stops once the case is gone or the work is done', () => {
    expect(nextPollDelay({ kind: 'gone' }, CASE_POLL_MS, 0)).toBeUndefined();
    expect(nextPollDelay({ kind: 'done' }, CASE_POLL_MS, 0)).toBeUndefined();
  });
});

describe('shouldPollNow', () => {
  it('polls a visible page holding a case with no write of its own under way', () => {
    expect(shouldPollNow({ hidden: false, writing: false, holding: true })).toBe(true);
  });

  it('does not poll a hidden tab, during a write, or before the case is read', () => {
    expect(shouldPollNow({ hidden: true, writing: false, holding: true })).toBe(false);
    expect(shouldPollNow({ hidden: false, writing: true, holding: true })).toBe(false);
    expect(shouldPollNow({ hidden: false, writing: false, holding: false })).toBe(false);
  });
});

describe('isNewer', () => {
  it('never lets an older or equal version replace the one held', () => {
    expect(isNewer(7, 6)).toBe(false);
    expect(isNewer(7, 7)).toBe(false);
    expect(isNewer(7, 8)).toBe(true);
    expect(isNewer(undefined, 1)).toBe(true);
  });
});

describe('etagOf and retryAfterSeconds', () => {
  it('quotes a version as the ETag does', () => {
    expect(etagOf(7)).toBe('"7"');
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = new Date('2026-12-06T14:00:00Z');
    expect(retryAfterSeconds('12', now)).toBe(12);
    expect(retryAfterSeconds('Sun, 06 Dec 2026 14:00:30 GMT', now)).toBe(30);
    expect(retryAfterSeconds('Sun, 06 Dec 2026 13:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds(null, now)).toBeUndefined();
  });
});

function event(sequence: number, type: string, actor: string): CaseEvent {
  return { sequence, type, actor, occurredAt: new Date(), region: 'SEA', correlationId: 'c', causationId: 'c', payload: {} };
}

describe('describeChange', () => {
  const history = [event(1, 'CaseOpened', 'system'), event(2, 'CaseAssigned', 'ana.sea'), event(3, 'NoteAdded', 'lee.sea')];

  it('names the events after the version held, with who did them', () => {
    expect(describeChange(history, 2, 3)).toBe('The case changed: note added by lee.sea.');
    expect(describeChange(history, 1, 3)).toBe('The case changed: case assigned by ana.sea; note added by lee.sea.');
  });

  it('names the latest three and counts the rest', () => {
    const many = [...history, event(4, 'CaseEscalated', 'ana.sea'), event(5, 'NoteAdded', 'lee.sea')];
    expect(describeChange(many, 0, 5)).toBe('The case changed: note added by lee.sea; case escalated by ana.sea; '
      + 'note added by lee.sea; and 2 earlier changes.');
  });

  it('names the new version when the history is missing', () => {
    expect(describeChange(null, 2, 4)).toBe('The case changed (it is now at version 4).');
  });
});
