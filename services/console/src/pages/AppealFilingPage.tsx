import type { CaseChange } from '@api';
import { useState, type FormEvent } from 'react';
import { attempt } from '../api';
import { describedBy, FieldErrors, FormProblems } from '../components/Forms';
import { useTitle } from '../components/useTitle';
import { useConsole } from '../context';
import { placeFieldErrors, type PlacedErrors } from '../logic/problems';

const FIELDS = ['caseId', 'appealId', 'decisionId', 'statement', 'evidenceRefs'];

function newAppealId(): string {
  return `support-${new Date().toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Support files a subject's appeal against a decided case: the case and decision ids come from the subject's
 * statement of reasons (support reads no case). The appeal id is the filer's own: sending the same one again is
 * the same appeal, so a retry after a lost answer files nothing twice.
 */
export function AppealFilingPage() {
  useTitle('File an appeal');
  const { api } = useConsole();
  const [caseId, setCaseId] = useState('');
  const [decisionId, setDecisionId] = useState('');
  const [appealId, setAppealId] = useState(newAppealId);
  const [statement, setStatement] = useState('');
  const [evidence, setEvidence] = useState('');
  const [errors, setErrors] = useState<PlacedErrors | null>(null);
  const [filed, setFiled] = useState<(CaseChange & { appealId: string }) | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFiled(null);
    if (caseId.trim() === '') {
      setErrors({ byField: { caseId: ['The case id of the statement of reasons.'] }, unplaced: [] });
      return;
    }
    setBusy(true);
    try {
      const r = await attempt(() => api.appeals.fileAppeal({ caseId: caseId.trim(), newAppeal: {
        appealId: appealId.trim(), decisionId: decisionId.trim(), statement, channel: 'SUPPORT',
        evidenceRefs: evidence.split(/\s+/).filter((ref) => ref !== '') } }));
      if (r.ok) {
        setErrors(null);
        setFiled({ ...r.value, appealId: appealId.trim() });
        setCaseId('');
        setDecisionId('');
        setStatement('');
        setEvidence('');
        setAppealId(newAppealId());
      } else if (r.problem.status === 404) {
        setErrors({ byField: { caseId: ['There is no such case in your regions.'] }, unplaced: [] });
      } else {
        setErrors(placeFieldErrors(r.problem, FIELDS));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>File an appeal</h1>
      <p>For a seller or creator who contests a decision: the ids are in the statement of reasons they received.</p>
      <form onSubmit={submit} noValidate className="panel" aria-labelledby="appeal-title">
        <h2 id="appeal-title">The appeal</h2>
        <FormProblems errors={errors} stale={null} onReload={() => undefined} />
        <div className="field">
          <label htmlFor="appeal-case">Case id (required)</label>
          <input type="text" value={caseId} maxLength={36} required onChange={(e) => setCaseId(e.target.value)}
                 {...describedBy('appeal-case', errors, 'caseId')} />
          <FieldErrors id="appeal-case-errors" messages={errors?.byField.caseId} />
        </div>
        <div className="field">
          <label htmlFor="appeal-decision">Decision id (required)</label>
          <input type="text" value={decisionId} maxLength={36} required onChange={(e) => setDecisionId(e.target.value)}
                 {...describedBy('appeal-decision', errors, 'decisionId')} />
          <FieldErrors id="appeal-decision-errors" messages={errors?.byField.decisionId} />
        </div>
        <div className="field">
          <label htmlFor="appeal-statement">The subject’s statement (required)</label>
          <textarea rows={5} value={statement} maxLength={5000} required onChange={(e) => setStatement(e.target.value)}
                    {...describedBy('appeal-statement', errors, 'statement')} />
          <FieldErrors id="appeal-statement-errors" messages={errors?.byField.statement} />
        </div>
        <div className="field">
          <label htmlFor="appeal-evidence">Evidence references (one per line)</label>
          <textarea rows={3} value={evidence} onChange={(e) => setEvidence(e.target.value)}
                    {...describedBy('appeal-evidence', errors, 'evidenceRefs', true)} />
          <p id="appeal-evidence-hint" className="hint">Where the subject’s documents are kept (URIs or object keys), at
            most 20.</p>
          <FieldErrors id="appeal-evidence-errors" messages={errors?.byField.evidenceRefs} />
        </div>
        <div className="field">
          <label htmlFor="appeal-id">Appeal id</label>
          <input type="text" value={appealId} maxLength={128} onChange={(e) => setAppealId(e.target.value)}
                 {...describedBy('appeal-id', errors, 'appealId', true)} />
          <p id="appeal-id-hint" className="hint">Your reference for it (your ticket, say). The same id again is the
            same appeal: nothing is filed twice.</p>
          <FieldErrors id="appeal-id-errors" messages={errors?.byField.appealId} />
        </div>
        <button type="submit" disabled={busy}>{busy ? 'Filing…' : 'File the appeal'}</button>
      </form>
      <p role="status" className="announcement">
        {filed ? `Appeal ${filed.appealId} is filed on case ${filed.caseId}; the case is now appealed and joins its `
          + 'region’s queue for review.' : ''}
      </p>
    </>
  );
}
