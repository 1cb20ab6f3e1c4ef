import type { CaseHistory } from '@api';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { attempt } from '../api';
import { describedBy, FieldErrors, FormProblems, Section } from '../components/Forms';
import { useTitle } from '../components/useTitle';
import { useConsole } from '../context';
import { instantFromLocalInput, localInputOf, READ_REASON_MAX, readReasonProblem } from '../logic/history';
import { humanize } from '../logic/permissions';
import { placeFieldErrors, type ApiProblem, type PlacedErrors } from '../logic/problems';
import { canExport, readsAreRecorded } from '../logic/screens';
import { eventName, SignalList, When } from './CasePage';

const FIELDS = ['asOf', 'X-Read-Reason'];

/**
 * A case's history, or the case as it was at an instant beside the events up to then (GET /cases/{id}/history?asOf=),
 * and, for auditors and legal, its export bundle. Their reads are recorded with the reason they give (X-Read-Reason).
 */
export function CaseHistoryPage() {
  const { caseId = '' } = useParams();
  const { api, session } = useConsole();
  const [params, setParams] = useSearchParams();
  const recorded = readsAreRecorded(session);
  const asOfParam = params.get('asOf');
  const [asOf, setAsOf] = useState(() => {
    const at = asOfParam ? new Date(asOfParam) : undefined;
    return at && !Number.isNaN(at.getTime()) ? localInputOf(at) : '';
  });
  const [reason, setReason] = useState('');
  const [history, setHistory] = useState<CaseHistory | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [errors, setErrors] = useState<PlacedErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState('');
  useTitle(`History of case ${caseId}`);

  const read = useCallback(async (at: Date | undefined, why: string) => {
    setBusy(true);
    try {
      const r = await attempt(() => api.cases.getCaseHistory({ caseId, asOf: at, xReadReason: why || undefined }));
      if (r.ok) {
        setHistory(r.value);
        setProblem(null);
        setErrors(null);
      } else if (r.problem.status === 400) {
        setErrors(placeFieldErrors(r.problem, FIELDS));
      } else {
        setHistory(null);
        setProblem(r.problem);
      }
    } finally {
      setBusy(false);
    }
  }, [api, caseId]);

  // people whose reads are not recorded see the whole history at once; auditors and legal first say why they read
  useEffect(() => {
    if (!recorded) void read(asOfParam ? new Date(asOfParam) : undefined, '');
  }, [read, recorded]); // not on asOfParam: a submit reads by itself

  function check(): { at?: Date; ok: boolean } {
    const byField: Record<string, string[]> = {};
    const at = asOf === '' ? undefined : instantFromLocalInput(asOf);
    if (asOf !== '' && at === undefined) byField.asOf = ['A date and time, such as 2026-12-01 14:30.'];
    const why = readReasonProblem(reason, recorded);
    if (why) byField['X-Read-Reason'] = [why];
    setErrors(Object.keys(byField).length > 0 ? { byField, unplaced: [] } : null);
    return { at, ok: Object.keys(byField).length === 0 };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { at, ok } = check();
    if (!ok) return;
    setParams(at ? { asOf: at.toISOString() } : {}, { replace: true });
    await read(at, reason.trim());
  }

  async function download() {
    setExported('');
    const { ok } = check();
    if (!ok) return;
    setBusy(true);
    try {
      const r = await attempt(async () => {
        const response = await api.audit.exportCaseRaw({ caseId, xReadReason: reason.trim() || undefined });
        return response.raw.blob(); // the bundle exactly as the API sent it: the offline verifier checks its bytes
      });
      if (!r.ok) {
        setProblem(r.problem);
        return;
      }
      const url = URL.createObjectURL(r.value);
      const link = document.createElement('a');
      link.href = url;
      link.download = `case-${caseId}-bundle.json`;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setExported(`The export of case ${caseId} is downloaded (case-${caseId}-bundle.json). Check it with the offline `
        + 'verifier (docs/verifier.md).');
    } finally {
      setBusy(false);
    }
  }

  const state = history?.state;
  const title = history?.asOf ? `Case ${caseId} as of ${history.asOf.toLocaleString()}` : `History of case ${caseId}`;
  return (
    <>
      <h1>{title}</h1>
      <p><Link to={`/cases/${encodeURIComponent(caseId)}`}>Back to the case as it is now</Link></p>
      <form onSubmit={submit} noValidate className="panel" aria-labelledby="as-of-title">
        <h2 id="as-of-title">What to read</h2>
        <FormProblems errors={errors} stale={null} onReload={() => undefined} />
        <div className="field">
          <label htmlFor="history-as-of">As of (your time zone; empty: now)</label>
          <input type="datetime-local" step={1} value={asOf} onChange={(e) => setAsOf(e.target.value)}
                 {...describedBy('history-as-of', errors, 'asOf', true)} />
          <p id="history-as-of-hint" className="hint">The events stored up to this instant and the case as Casebook
            showed it then, rebuilt from the event store.</p>
          <FieldErrors id="history-as-of-errors" messages={errors?.byField.asOf} />
        </div>
        {recorded && (
          <div className="field">
            <label htmlFor="history-reason">Reason for reading (required, recorded)</label>
            <input type="text" value={reason} maxLength={READ_REASON_MAX} required onChange={(e) => setReason(e.target.value)}
                   {...describedBy('history-reason', errors, 'X-Read-Reason', true)} />
            <p id="history-reason-hint" className="hint">An audit reference or a request id. Your read of this case is
              recorded with it, and auditors see it.</p>
            <FieldErrors id="history-reason-errors" messages={errors?.byField['X-Read-Reason']} />
          </div>
        )}
        <div className="actions">
          <button type="submit" disabled={busy}>Show the history</button>
          {canExport(session) && (
            <button type="button" disabled={busy} onClick={() => void download()}>Download the export bundle</button>
          )}
        </div>
        <p role="status" className="announcement">{exported}</p>
      </form>

      {problem && <p role="alert" className="problem">{problem.status === 404
        ? `There is no case ${caseId} that you can see.` : problem.detail}</p>}

      {history && (
        <div className="history-layout">
          <Section id="then" title={history.asOf ? 'The case then' : 'The case now'}>
            {history.asOf && !state && <p>The case did not exist yet at that instant.</p>}
            {!history.asOf && <p>Choose an instant to see the case as it was then.</p>}
            {state && (
              <dl className="facts">
                <dt>Subject</dt><dd>{humanize(state.subject.kind)} {state.subject.id}</dd>
                <dt>Status</dt><dd>{humanize(state.status)}{state.escalated ? ', escalated' : ''}</dd>
                <dt>Version</dt><dd>{state.version}</dd>
                <dt>Priority</dt><dd>{state.priority}</dd>
                <dt>Assignee</dt><dd>{state.assignee ?? 'unassigned'}</dd>
                <dt>Flags</dt><dd>{state.flagCount}, highest score {state.maxScore.toFixed(2)}</dd>
                <dt>Signals</dt><dd><SignalList signals={state.signals} /></dd>
                {state.decision && <>
                  <dt>Decision</dt>
                  <dd>{humanize(state.decision.verdict)} ({humanize(state.decision.state)}), proposed by
                    {' '}{state.decision.proposedBy}{state.decision.approvedBy ? `, approved by ${state.decision.approvedBy}` : ''}
                    {state.decision.actions.length > 0 && `: ${state.decision.actions.map((a) =>
                      `${humanize(a.action)}${a.state ? ` (${humanize(a.state)})` : ''}`).join(', ')}`}</dd>
                </>}
                <dt>Notes</dt><dd>{state.notes.length}</dd>
                <dt>Evidence</dt><dd>{state.evidence?.length ?? 0}</dd>
                <dt>Legal holds</dt><dd>{(state.holds ?? []).map((h) => h.requestId).join(', ') || 'none'}</dd>
                {state.resolution && <><dt>Resolution</dt><dd>{humanize(state.resolution)}</dd></>}
              </dl>
            )}
          </Section>
          <Section id="events" title={`Events${history.asOf ? ' up to then' : ''} (${history.events.length})`}>
            <ol className="timeline" start={history.events[0]?.sequence ?? 0}>
              {history.events.map((e) => (
                <li key={e.sequence} value={e.sequence}>
                  <p><When at={e.occurredAt} /> · <strong>{eventName(e.type)}</strong> by {e.actor}</p>
                  {e.reason && <p className="text">Why: {e.reason}</p>}
                  <details>
                    <summary>Data of event {e.sequence}</summary>
                    <pre className="text">{JSON.stringify(e.payload, null, 2)}</pre>
                    <p className="muted">correlation {e.correlationId}, caused by {e.causationId}</p>
                  </details>
                </li>
              ))}
            </ol>
          </Section>
        </div>
      )}
    </>
  );
}
