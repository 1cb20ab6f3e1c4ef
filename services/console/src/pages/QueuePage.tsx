import type { CaseSearchResult } from '@api';
import { useCallback, useEffect, useState } from 'react';
import { attempt } from '../api';
import { CaseTable } from '../components/CaseTable';
import { useTitle } from '../components/useTitle';
import { usePolling } from '../components/usePolling';
import { useConsole } from '../context';
import { humanize } from '../logic/permissions';
import type { ApiProblem } from '../logic/problems';
import { regionsLabel } from '../logic/session';
import { statusCounts } from '../logic/sla';
import { pollOutcome, QUEUE_POLL_MS, type PollOutcome } from '../logic/watch';

const PAGE_SIZE = 25;

/** The open work of the person's regions, most at risk of breaching its SLA first (GET /api/v1/queue). */
export function QueuePage() {
  useTitle('Queue');
  const { api, session } = useConsole();
  const [page, setPage] = useState(0);
  const [result, setResult] = useState<CaseSearchResult | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [loadedAt, setLoadedAt] = useState(new Date());

  const load = useCallback(async (): Promise<PollOutcome> => {
    const r = await attempt(() => api.cases.getQueue({ page, size: PAGE_SIZE }));
    if (r.ok) {
      setResult(r.value);
      setProblem(null);
    } else {
      setProblem(r.problem);
    }
    setLoadedAt(new Date());
    return r.ok ? { kind: 'changed' } : pollOutcome(r.problem.status, r.problem.retryAfter);
  }, [api, page]);

  useEffect(() => {
    void load();
  }, [load]);
  // the queue moves as others work: it refreshes itself (not while the tab is hidden)
  usePolling(load, QUEUE_POLL_MS);

  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  return (
    <>
      <h1>Queue of {regionsLabel(session)}</h1>
      <p>
        Open work, the case nearest to breaching its SLA first. Refreshed every {QUEUE_POLL_MS / 1000} seconds; last
        at <time dateTime={loadedAt.toISOString()}>{loadedAt.toLocaleTimeString()}</time>.
      </p>
      {problem && <p role="alert" className="problem">{problem.detail}</p>}
      {result && (
        <>
          <section aria-labelledby="backlog-title" className="panel">
            <h2 id="backlog-title">Backlog by status</h2>
            <dl className="counts">
              {statusCounts(result.facets.status).map(({ status, count }) => (
                <div key={status}>
                  <dt>{humanize(status)}</dt>
                  <dd>{count}</dd>
                </div>
              ))}
            </dl>
          </section>
          <CaseTable caption={`Cases ${page * PAGE_SIZE + 1}–${Math.min(result.total, (page + 1) * PAGE_SIZE)} of ${result.total}`}
                     cases={result.items} now={loadedAt} />
          <nav aria-label="Queue pages" className="pager">
            <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>Previous page</button>
            <span>Page {page + 1} of {pages}</span>
            <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>Next page</button>
            <button type="button" onClick={() => void load()}>Refresh</button>
          </nav>
        </>
      )}
      {!result && !problem && <p aria-live="polite">Loading the queue…</p>}
    </>
  );
}
