import type { Case, CaseEvent, RelatedCase } from '@api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { attempt } from '../api';
import { usePolling } from '../components/usePolling';
import { useConsole } from '../context';
import type { ApiProblem } from '../logic/problems';
import { CASE_POLL_MS, describeChange, etagOf, isNewer, pollOutcome, shouldPollNow, type PollOutcome } from '../logic/watch';

export type Loaded = { c: Case; etag: string };

/**
 * One case as the case page shows it, kept current (docs/adr/0025, 0028):
 * - after one's own write, `load(version)` reads the case with `minVersion` = the version the write answered, so the
 *   page shows the write at once, never the state before it;
 * - while the page is open and visible, it polls every 5 s with `If-None-Match` = the version held: `304` changes
 *   nothing, a newer case replaces the one shown (forms keep what was typed: they are not remounted) and `changed`
 *   says what happened, for the page's polite live region.
 */
export function useWatchedCase(caseId: string) {
  const { api } = useConsole();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [events, setEvents] = useState<CaseEvent[] | null>(null);
  const [related, setRelated] = useState<RelatedCase[] | null>(null);
  const [now, setNow] = useState(new Date());
  /** Someone else's latest change, in words, for the live region (a new object each time, even for the same words). */
  const [changed, setChanged] = useState<{ message: string } | null>(null);
  const current = useRef(caseId);
  current.current = caseId;
  const held = useRef<number | undefined>(undefined);
  const writing = useRef(0);

  /** Shows a case read (never an older one than held) and reads its history and related cases again. */
  const show = useCallback(async (value: Loaded): Promise<{ events: CaseEvent[] | null } | null> => {
    if (current.current !== caseId || !isNewer(held.current, value.c.version)) return null;
    held.current = value.c.version;
    setLoaded(value);
    setProblem(null);
    setNow(new Date());
    const [history, rel] = await Promise.all([
      attempt(() => api.cases.getCaseHistory({ caseId })),
      attempt(() => api.cases.getRelatedCases({ caseId })),
    ]);
    if (current.current !== caseId) return null;
    const evs = history.ok ? history.value.events : null;
    setEvents(evs);
    setRelated(rel.ok ? rel.value.items : null);
    return { events: evs };
  }, [api, caseId]);

  const read = useCallback((params: { minVersion?: number; ifNoneMatch?: string }) => attempt(async () => {
    const response = await api.cases.getCaseRaw({ caseId, ...params });
    const c = await response.value();
    return { c, etag: response.raw.headers.get('ETag') ?? etagOf(c.version) };
  }), [api, caseId]);

  /** Reads the case, at `minVersion` or later when given (a write's version); a reload shows the case as it is. */
  const load = useCallback(async (minVersion?: number) => {
    let r = await read({ minVersion });
    if (!r.ok && r.problem.status === 409 && r.problem.code === 'version-not-reached') {
      r = await read({}); // not a version of this case: show the case as it is
    }
    if (current.current !== caseId) return;
    if (!r.ok) {
      setProblem(r.problem);
      setLoaded(null);
      held.current = undefined;
      return;
    }
    if (minVersion === undefined) held.current = undefined; // a reload replaces whatever is held
    await show(r.value);
  }, [caseId, read, show]);

  useEffect(() => {
    held.current = undefined;
    setLoaded(null);
    setEvents(null);
    setRelated(null);
    setChanged(null);
    void load();
  }, [load]);

  const poll = useCallback(async (): Promise<PollOutcome> => {
    const version = held.current;
    if (!shouldPollNow({ hidden: document.visibilityState === 'hidden', writing: writing.current > 0,
      holding: version !== undefined })) {
      return { kind: 'unchanged' };
    }
    const r = await read({ ifNoneMatch: etagOf(version!) });
    if (r.ok) {
      if (writing.current > 0) return { kind: 'unchanged' }; // one's own write is under way: its read comes next
      const shown = await show(r.value);
      if (shown !== null) setChanged({ message: describeChange(shown.events, version!, r.value.c.version) });
      return { kind: 'changed' };
    }
    const outcome = pollOutcome(r.problem.status, r.problem.retryAfter);
    if (outcome.kind === 'gone' && current.current === caseId) {
      setProblem(r.problem);
      setLoaded(null);
      held.current = undefined;
    }
    return outcome;
  }, [caseId, read, show]);

  usePolling(poll, CASE_POLL_MS, true, caseId);

  /** Around one's own write: no poll meanwhile, then the case at the version the write answered. */
  const written = useCallback(async (version: number) => {
    writing.current += 1;
    try {
      await load(version);
    } finally {
      writing.current -= 1;
    }
  }, [load]);

  const beginWrite = useCallback(() => {
    writing.current += 1;
    return () => {
      writing.current -= 1;
    };
  }, []);

  return { loaded, problem, events, related, now, changed, load, written, beginWrite };
}
