import { SubjectKind, type ErasureOutcome } from '@api';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { attempt } from '../api';
import { describedBy, FieldErrors, FormProblems } from '../components/Forms';
import { useTitle } from '../components/useTitle';
import { useConsole } from '../context';
import { humanize } from '../logic/permissions';
import { placeFieldErrors, type ApiProblem, type PlacedErrors } from '../logic/problems';
import { canSee } from '../logic/screens';

const FIELDS = ['subject.kind', 'subject.id', 'reason'];

/**
 * GDPR Art. 17 for legal and privacy: a subject's personal data becomes unreadable in all their cases (the facts and
 * histories stay). Refused while any of their cases is under a legal hold: the holds are named.
 */
export function ErasurePage() {
  useTitle('Erasure');
  const { api, session } = useConsole();
  const [kind, setKind] = useState<SubjectKind>('SELLER');
  const [id, setId] = useState('');
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<PlacedErrors | null>(null);
  const [held, setHeld] = useState<ApiProblem | null>(null);
  const [outcome, setOutcome] = useState<ErasureOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const casesLinked = canSee(session, 'queue');
  const requestsLinked = canSee(session, 'regulatory');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setOutcome(null);
    setHeld(null);
    if (!confirmed) {
      setErrors({ byField: { confirm: ['Confirm that the erasure cannot be undone.'] }, unplaced: [] });
      return;
    }
    setBusy(true);
    try {
      const r = await attempt(() => api.erasure.requestErasure({ erasureRequest: { subject: { kind, id: id.trim() }, reason } }));
      if (r.ok) {
        setErrors(null);
        setOutcome(r.value);
        setConfirmed(false);
      } else if (r.problem.code === 'subject-under-legal-hold') {
        setErrors(null);
        setHeld(r.problem);
      } else {
        setErrors(placeFieldErrors(r.problem, FIELDS));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Erase a subject’s personal data</h1>
      <p>
        The subject’s id, signals, notes, evidence references, linked entities and free text become unreadable in every
        case of the subject, in every region; the cases’ facts and histories stay. It cannot be undone.
      </p>
      <form onSubmit={submit} noValidate className="panel" aria-labelledby="erasure-title">
        <h2 id="erasure-title">Erasure request</h2>
        <FormProblems errors={errors} stale={null} onReload={() => undefined} />
        <div className="field">
          <label htmlFor="erasure-kind">Subject kind</label>
          <select value={kind} onChange={(e) => setKind(e.target.value as SubjectKind)}
                  {...describedBy('erasure-kind', errors, 'subject.kind')}>
            {Object.values(SubjectKind).map((k) => <option key={k} value={k}>{humanize(k)}</option>)}
          </select>
          <FieldErrors id="erasure-kind-errors" messages={errors?.byField['subject.kind']} />
        </div>
        <div className="field">
          <label htmlFor="erasure-id">Subject id (required)</label>
          <input type="text" value={id} maxLength={128} required onChange={(e) => setId(e.target.value)}
                 {...describedBy('erasure-id', errors, 'subject.id')} />
          <FieldErrors id="erasure-id-errors" messages={errors?.byField['subject.id']} />
        </div>
        <div className="field">
          <label htmlFor="erasure-reason">Reason (required)</label>
          <textarea rows={3} value={reason} maxLength={500} required onChange={(e) => setReason(e.target.value)}
                    {...describedBy('erasure-reason', errors, 'reason', true)} />
          <p id="erasure-reason-hint" className="hint">The request it answers, such as “Art. 17 request of 2026-12-01,
            ticket PRIV-812”.</p>
          <FieldErrors id="erasure-reason-errors" messages={errors?.byField.reason} />
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}
                   {...describedBy('erasure-confirm', errors, 'confirm')} />
            {' '}I understand that the erasure cannot be undone
          </label>
          <FieldErrors id="erasure-confirm-errors" messages={errors?.byField.confirm} />
        </div>
        <button type="submit" disabled={busy}>{busy ? 'Erasing…' : 'Erase'}</button>
      </form>

      {held && (
        <div role="alert" className="problem">
          <p>Nothing was erased: {held.holds && held.holds.length > 0
            ? `${held.holds.length === 1 ? 'a case' : `${held.holds.length} cases`} of the subject ${held.holds.length === 1 ? 'is' : 'are'} under a legal hold.`
            : held.detail}</p>
          {held.holds && held.holds.length > 0 && (
            <table>
              <caption>Legal holds on the subject’s cases</caption>
              <thead><tr><th scope="col">Case</th><th scope="col">Held for request</th></tr></thead>
              <tbody>
                {held.holds.map((h) => (
                  <tr key={`${h.caseId}:${h.requestId}`}>
                    <th scope="row">{casesLinked ? <Link to={`/cases/${encodeURIComponent(h.caseId)}`}>{h.caseId}</Link> : h.caseId}</th>
                    <td>{requestsLinked
                      ? <Link to={`/regulatory-requests/${encodeURIComponent(h.requestId)}`}>{h.requestId}</Link> : h.requestId}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>The erasure can be asked again once legal has released these holds (or closed their requests).</p>
        </div>
      )}
      {outcome && (
        <section role="status" className="panel" aria-labelledby="erasure-done-title">
          <h2 id="erasure-done-title">Erased</h2>
          <p>Erasure {outcome.erasureId}: {outcome.erasedCaseIds.length === 0
            ? 'the subject has no case left to erase.'
            : `the personal data of ${outcome.erasedCaseIds.length} case${outcome.erasedCaseIds.length === 1 ? ' is' : 's are'} erased.`}</p>
          {outcome.erasedCaseIds.length > 0 && (
            <ul className="items">
              {outcome.erasedCaseIds.slice(0, 200).map((c) => (
                <li key={c}>{casesLinked ? <Link to={`/cases/${encodeURIComponent(c)}`}>{c}</Link> : c}</li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
