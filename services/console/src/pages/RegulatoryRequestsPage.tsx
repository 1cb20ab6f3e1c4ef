import { RegulatoryRequestStatus, type RegulatoryRequestPage } from '@api';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { attempt } from '../api';
import { useTitle } from '../components/useTitle';
import { useConsole } from '../context';
import { humanize } from '../logic/permissions';
import type { ApiProblem } from '../logic/problems';
import {
  REGULATORY_PAGE_SIZE, regulatoryQueryFromParams, regulatoryQueryToParams, regulatoryRequestOf, type RegulatoryQuery,
} from '../logic/regulatory';

/** Legal's list of regulatory requests, soonest due first, searched by authority, status and due date. */
export function RegulatoryRequestsPage() {
  useTitle('Regulatory requests');
  const { api } = useConsole();
  const [params, setParams] = useSearchParams();
  const query = regulatoryQueryFromParams(params);
  const key = regulatoryQueryToParams(query).toString();
  const [draft, setDraft] = useState<RegulatoryQuery>(query);
  const [result, setResult] = useState<RegulatoryRequestPage | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  useEffect(() => {
    const q = regulatoryQueryFromParams(new URLSearchParams(key));
    setDraft(q);
    let current = true;
    void attempt(() => api.regulatory.searchRegulatoryRequests(regulatoryRequestOf(q))).then((r) => {
      if (!current) return;
      if (r.ok) {
        setResult(r.value);
        setProblem(null);
      } else {
        setProblem(r.problem);
      }
    });
    return () => {
      current = false;
    };
  }, [api, key]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setParams(regulatoryQueryToParams({ ...draft, page: undefined }));
  }

  function toggle(status: RegulatoryRequestStatus, on: boolean) {
    const current = draft.status ?? [];
    setDraft({ ...draft, status: on ? [...current, status] : current.filter((s) => s !== status) });
  }

  const page = query.page ?? 0;
  const pages = result ? Math.max(1, Math.ceil(result.total / REGULATORY_PAGE_SIZE)) : 1;
  return (
    <>
      <h1>Regulatory requests</h1>
      <form onSubmit={submit} className="panel search-form" aria-labelledby="regulatory-search-title">
        <h2 id="regulatory-search-title">Search</h2>
        <div className="field">
          <label htmlFor="regulatory-authority">Authority (any part of its name)</label>
          <input id="regulatory-authority" type="text" maxLength={200} value={draft.authority ?? ''}
                 onChange={(e) => setDraft({ ...draft, authority: e.target.value })} />
        </div>
        <fieldset>
          <legend>Status</legend>
          {Object.values(RegulatoryRequestStatus).map((s) => (
            <label key={s}>
              <input type="checkbox" checked={(draft.status ?? []).includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
              {humanize(s)}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <label htmlFor="regulatory-due-after">Due from</label>
          <input id="regulatory-due-after" type="date" value={draft.dueAfter ?? ''}
                 onChange={(e) => setDraft({ ...draft, dueAfter: e.target.value || undefined })} />
          <label htmlFor="regulatory-due-before">Due until</label>
          <input id="regulatory-due-before" type="date" value={draft.dueBefore ?? ''}
                 onChange={(e) => setDraft({ ...draft, dueBefore: e.target.value || undefined })} />
          <button type="submit">Search</button>
        </div>
      </form>
      {problem && <p role="alert" className="problem">{problem.detail}</p>}
      {!result && !problem && <p aria-live="polite">Loading the requests…</p>}
      {result && (result.items.length === 0 ? <p>No request matches.</p> : (
        <>
          <table>
            <caption>Requests {page * REGULATORY_PAGE_SIZE + 1}–{Math.min(result.total, (page + 1) * REGULATORY_PAGE_SIZE)} of
              {' '}{result.total}, soonest due first</caption>
            <thead>
              <tr>
                <th scope="col">Request</th><th scope="col">Authority</th><th scope="col">Kind</th>
                <th scope="col">Status</th><th scope="col">Received</th><th scope="col">Due</th>
                <th scope="col">Scope</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((r) => (
                <tr key={r.requestId}>
                  <th scope="row"><Link to={`/regulatory-requests/${encodeURIComponent(r.requestId)}`}>{r.requestId}</Link>
                    <br /><span className="muted">{r.reference}</span></th>
                  <td>{r.authority.name} ({r.authority.jurisdiction})</td>
                  <td>{humanize(r.kind)}</td>
                  <td>{humanize(r.status)}</td>
                  <td><time dateTime={r.receivedAt.toISOString()}>{r.receivedAt.toLocaleDateString()}</time></td>
                  <td className={r.overdue ? 'sla-breached' : undefined}>
                    <time dateTime={r.dueAt.toISOString()}>{r.dueAt.toLocaleString()}</time>{r.overdue ? ' (overdue)' : ''}
                  </td>
                  <td>{r.subjectCount} subject{r.subjectCount === 1 ? '' : 's'}, {r.caseCount} case{r.caseCount === 1 ? '' : 's'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav aria-label="Request pages" className="pager">
            <button type="button" disabled={page === 0}
                    onClick={() => setParams(regulatoryQueryToParams({ ...query, page: page - 1 }))}>Previous page</button>
            <span>Page {page + 1} of {pages}</span>
            <button type="button" disabled={page + 1 >= pages}
                    onClick={() => setParams(regulatoryQueryToParams({ ...query, page: page + 1 }))}>Next page</button>
          </nav>
        </>
      ))}
    </>
  );
}
