import { useEffect, useRef } from 'react';
import { nextPollDelay, type PollOutcome } from '../logic/watch';

/**
 * Calls `tick` every `intervalMs` while `enabled` and the tab is visible: hidden, nothing runs; visible again, it
 * ticks at once. Each tick says what it found, which sets the next delay ({@link nextPollDelay}: back-off after
 * failures, `Retry-After`, stop when done). One tick at a time. A new `restartKey` (another case on the same page)
 * starts over, even after a stop.
 */
export function usePolling(tick: () => Promise<PollOutcome>, intervalMs: number, enabled = true, restartKey?: unknown) {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let running = false;
    let timer: number | undefined;
    let failures = 0;
    const schedule = (ms: number | undefined) => {
      window.clearTimeout(timer);
      timer = undefined;
      if (!stopped && ms !== undefined && document.visibilityState !== 'hidden') {
        timer = window.setTimeout(() => void run(), ms);
      }
    };
    const run = async () => {
      if (stopped || running || document.visibilityState === 'hidden') return;
      running = true;
      let outcome: PollOutcome;
      try {
        outcome = await latest.current();
      } catch {
        outcome = { kind: 'failed' };
      } finally {
        running = false;
      }
      failures = outcome.kind === 'failed' ? failures + 1 : 0;
      if (outcome.kind === 'gone' || outcome.kind === 'done') stopped = true;
      schedule(nextPollDelay(outcome, intervalMs, failures));
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        window.clearTimeout(timer);
        timer = undefined;
      } else if (timer === undefined) {
        void run();
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    schedule(intervalMs);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs, enabled, restartKey]);
}
