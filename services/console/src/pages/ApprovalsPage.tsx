import type { CaseSearchResult } from '@api';
import { useEffect, useState } from 'react';
import { attempt } from '../api';
import { CaseTable } from '../components/CaseTable';
import { useTitle } from '../components/useTitle';
import { useConsole } from '../context';
import type { ApiProblem } from '../logic/problems';
import { hasAny } from '../logic/session';

/** A lead's work: decisions waiting for a second pair of eyes, and enforcement that failed and waits for a retry. */
export function ApprovalsPage() {
  useTitle('Approvals and enforcement');
  const { api, session } = useConsole();
  const [waiting, setWaiting] = useState<CaseSearchResult | null>(null);
  const [failed, setFailed] = useState<CaseSearchResult | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [loadedAt, setLoadedAt] = useState(new Date());
  const lead = hasAny(session, 'lead');

  useEffect(() => {
    if (!lead) return;
    void Promise.all([
      attempt(() => api.cases.searchCases({ status: new Set(['DECISION_PROPOSED'] as const), size: 100 })),
      attempt(() => api.cases.searchCases({ enforcement: 'FAILED', status: new Set(['DECIDED'] as const), size: 100 })),
    ]).then(([w, f]) => {
      setWaiting(w.ok ? w.value : null);
      setFailed(f.ok ? f.value : null);
      setProblem(!w.ok ? w.problem : !f.ok ? f.problem : null);
      setLoadedAt(new Date());
    });
  }, [api, lead]);

  if (!lead) {
    return (
      <>
        <h1>Approvals and enforcement</h1>
        <p>This page is for leads.</p>
      </>
    );
  }
  return (
    <>
      <h1>Approvals and enforcement</h1>
      {problem && <p role="alert" className="problem">{problem.detail}</p>}
      <section aria-labelledby="waiting-title" className="panel">
        <h2 id="waiting-title">Decisions waiting for approval{waiting ? ` (${waiting.total})` : ''}</h2>
        <p>Open a case to read the proposal, then approve it or send it back. Nobody approves their own proposal.</p>
        {waiting && <CaseTable caption="Proposed decisions" cases={waiting.items} now={loadedAt} />}
      </section>
      <section aria-labelledby="failed-title" className="panel">
        <h2 id="failed-title">Failed enforcement{failed ? ` (${failed.total})` : ''}</h2>
        <p>Open a case to see why an action failed and order it again.</p>
        {failed && <CaseTable caption="Cases with a failed action" cases={failed.items} now={loadedAt} />}
      </section>
    </>
  );
}
