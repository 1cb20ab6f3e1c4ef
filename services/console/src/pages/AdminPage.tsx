import type { RebuildStatus } from '@api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { attempt } from '../api';
import { Section } from '../components/Forms';
import { usePolling } from '../components/usePolling';
import { useTitle } from '../components/useTitle';
import { useConsole } from '../context';
import type { ApiProblem } from '../logic/problems';
import { rebuildView } from '../logic/rebuild';
import { pollOutcome, REBUILD_POLL_MS, type PollOutcome } from '../logic/watch';
import { When } from './CasePage';

/**
 * The admin's rebuild of the case-search index: start it, and follow it (a progress bar polled every 2 s until it
 * succeeds or fails). The status is the answering instance's own rebuild (the API's GET says so).
 */
export function AdminPage() {
  useTitle('Search index');
  const { api } = useConsole();
  const [status, setStatus] = useState<RebuildStatus | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const view = status ? rebuildView(status) : null;
  const running = view?.running ?? false;
  const wasRunning = useRef(false);

  const read = useCallback(async (): Promise<PollOutcome> => {
    const r = await attempt(() => api.admin.getCaseSearchRebuild());
    if (!r.ok) {
      setProblem(r.problem);
      return pollOutcome(r.problem.status, r.problem.retryAfter);
    }
    setProblem(null);
    setStatus(r.value);
    const now = rebuildView(r.value).running;
    // the end of a rebuild is said once, politely; the bar's steps are not (they would drown the screen reader)
    if (wasRunning.current && !now) {
      setAnnouncement(r.value.state === 'SUCCEEDED' ? 'The rebuild succeeded.' : 'The rebuild failed.');
    }
    wasRunning.current = now;
    return now ? { kind: 'changed' } : { kind: 'done' };
  }, [api]);

  useEffect(() => {
    void read();
  }, [read]);
  usePolling(read, REBUILD_POLL_MS, running);

  async function start() {
    setBusy(true);
    setAnnouncement('');
    try {
      const r = await attempt(() => api.admin.rebuildCaseSearch());
      if (r.ok) {
        setAnnouncement(`The rebuild into ${r.value.targetIndex} started.`);
        await read();
      } else {
        setProblem(r.problem);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Search index</h1>
      <p>
        Rebuilding replays the event store into a fresh case-search index, then switches searches to it; until then
        searches answer from the old index.
      </p>
      {problem && <p role="alert" className="problem">{problem.status === 409
        ? `A rebuild is already under way. ${problem.detail}` : problem.detail}</p>}
      <div className="actions">
        <button type="button" disabled={busy || running} onClick={() => void start()}>
          {running ? 'A rebuild is under way' : 'Rebuild the search index'}
        </button>
      </div>
      <p role="status" className="announcement">{announcement}</p>
      {status && view && (
        <Section id="rebuild" title="The last rebuild">
          <p id="rebuild-phase">{view.phase}</p>
          {(view.running || status.state === 'SUCCEEDED') && (
            <p>
              <label htmlFor="rebuild-progress">Progress of this phase: </label>
              <progress id="rebuild-progress" max={100} value={view.percent} aria-describedby="rebuild-phase">
                {view.percent !== undefined ? `${view.percent}%` : 'under way'}
              </progress>
              {' '}{view.percent !== undefined ? `${view.percent}%` : ''}
            </p>
          )}
          <dl className="facts">
            <dt>State</dt><dd>{status.state}</dd>
            <dt>Case events written</dt><dd>{status.eventsApplied}</dd>
            <dt>Read up to</dt><dd>{status.position} of {status.headPosition}</dd>
            {status.targetIndex && <><dt>Index</dt><dd>{status.targetIndex}</dd></>}
            {status.startedAt && <><dt>Started</dt><dd><When at={status.startedAt} /></dd></>}
            {status.finishedAt && <><dt>Finished</dt><dd><When at={status.finishedAt} /></dd></>}
            {status.failure && <><dt>Failure</dt><dd className="text">{status.failure}</dd></>}
          </dl>
        </Section>
      )}
    </>
  );
}
