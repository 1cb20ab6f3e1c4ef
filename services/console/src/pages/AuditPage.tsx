import type { AuditLogVerification, CaseReads } from '@api';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { attempt } from '../api';
import { Section } from '../components/Forms';
import { useTitle } from '../components/useTitle';
import { useConsole } from '../context';
import type { ApiProblem } from '../logic/problems';
import { hasAny } from '../logic/session';
import { When } from './CasePage';

const READS_PAGE_SIZE = 50;

/**
 * The auditor's screen: who read which case, when and why (GET /audit/case-reads); the tamper-evident log's latest
 * signed checkpoint and verifier key, a checkpoint issued now, and a verification of the whole log.
 */
export function AuditPage() {
  useTitle('Audit');
  const { session } = useConsole();
  return (
    <>
      <h1>Audit</h1>
      {hasAny(session, 'auditor') && <CaseReadsSection />}
      <LogSection />
    </>
  );
}

function CaseReadsSection() {
  const { api } = useConsole();
  const [params, setParams] = useSearchParams();
  const caseId = params.get('caseId') ?? '';
  const reader = params.get('reader') ?? '';
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const [draft, setDraft] = useState({ caseId, reader });
  const [reads, setReads] = useState<CaseReads | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  useEffect(() => {
    setDraft({ caseId, reader });
    let current = true;
    void attempt(() => api.audit.searchCaseReads({ caseId: caseId || undefined, reader: reader || undefined, page,
      size: READS_PAGE_SIZE })).then((r) => {
      if (!current) return;
      if (r.ok) {
        setReads(r.value);
        setProblem(null);
      } else {
        setProblem(r.problem);
      }
    });
    return () => {
      current = false;
    };
  }, [api, caseId, reader, page]);

  function go(next: { caseId: string; reader: string; page: number }) {
    const p = new URLSearchParams();
    if (next.caseId.trim()) p.set('caseId', next.caseId.trim());
    if (next.reader.trim()) p.set('reader', next.reader.trim());
    if (next.page > 0) p.set('page', String(next.page));
    setParams(p);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    go({ ...draft, page: 0 });
  }

  return (
    <Section id="reads" title="Reads of cases by auditors and legal">
      <form onSubmit={submit} className="actions" aria-label="Filter the reads">
        <label htmlFor="reads-case">Case id</label>
        <input id="reads-case" type="text" maxLength={36} value={draft.caseId}
               onChange={(e) => setDraft({ ...draft, caseId: e.target.value })} />
        <label htmlFor="reads-reader">Reader</label>
        <input id="reads-reader" type="text" maxLength={255} value={draft.reader}
               onChange={(e) => setDraft({ ...draft, reader: e.target.value })} />
        <button type="submit">Show the reads</button>
      </form>
      {problem && <p role="alert" className="problem">{problem.detail}</p>}
      {reads && (reads.items.length === 0 ? <p>No read matches.</p> : (
        <table>
          <caption>Reads, newest first (page {page + 1})</caption>
          <thead>
            <tr>
              <th scope="col">When</th><th scope="col">Reader</th><th scope="col">Case</th><th scope="col">What</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {reads.items.map((r, i) => (
              <tr key={`${r.readAt.toISOString()}-${i}`}>
                <th scope="row"><When at={r.readAt} /></th>
                <td>{r.reader} <span className="muted">({r.roles.join(', ')})</span></td>
                <td><Link to={`/cases/${encodeURIComponent(r.caseId)}`}>{r.caseId}</Link></td>
                <td>{r.operation}{r.asOf && <> as of <When at={r.asOf} /></>}</td>
                <td className="text">{r.reason ?? <span className="muted">none given</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {reads && (
        <nav aria-label="Read pages" className="pager">
          <button type="button" disabled={page === 0} onClick={() => go({ caseId, reader, page: page - 1 })}>Previous page</button>
          <span>Page {page + 1}</span>
          <button type="button" disabled={reads.items.length < READS_PAGE_SIZE}
                  onClick={() => go({ caseId, reader, page: page + 1 })}>Next page</button>
        </nav>
      )}
    </Section>
  );
}

function LogSection() {
  const { api } = useConsole();
  const [checkpoint, setCheckpoint] = useState<string | null>(null);
  const [key, setKey] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [verification, setVerification] = useState<AuditLogVerification | null>(null);
  const [busy, setBusy] = useState<'' | 'issue' | 'verify'>('');
  const [status, setStatus] = useState('');

  const load = useCallback(async () => {
    const [cp, vk] = await Promise.all([
      attempt(() => api.audit.getLatestCheckpoint()),
      attempt(() => api.audit.getVerifierKey()),
    ]);
    setCheckpoint(cp.ok ? cp.value : null);
    setKey(vk.ok ? vk.value : null);
    setProblem(!cp.ok && cp.problem.status !== 404 ? cp.problem : !vk.ok ? vk.problem : null);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  async function issue() {
    setBusy('issue');
    setStatus('');
    try {
      const r = await attempt(() => api.audit.issueCheckpoint());
      if (r.ok) {
        setCheckpoint(r.value);
        setStatus('A checkpoint is issued: the latest checkpoint below is it.');
      } else {
        setProblem(r.problem);
      }
    } finally {
      setBusy('');
    }
  }

  async function verify() {
    setBusy('verify');
    setStatus('Verifying the whole log: this reads every sealed event…');
    try {
      const r = await attempt(() => api.audit.verifyAuditLog());
      if (r.ok) {
        setVerification(r.value);
        setStatus(r.value.verified ? `The log is verified: ${r.value.events} events match the checkpoint.`
          : `The log does not verify: ${r.value.problems.length} problem${r.value.problems.length === 1 ? '' : 's'} found.`);
      } else {
        setProblem(r.problem);
        setStatus('');
      }
    } finally {
      setBusy('');
    }
  }

  return (
    <Section id="log" title="The tamper-evident log">
      {problem && <p role="alert" className="problem">{problem.detail}</p>}
      <h3>Latest signed checkpoint</h3>
      {checkpoint === null ? <p>No checkpoint yet.</p> : <pre className="text">{checkpoint}</pre>}
      <h3>Verifier key</h3>
      {key === null ? <p>The key could not be read.</p> : (
        <>
          <pre className="text">{key}</pre>
          <p className="hint">Compare it with the key the operator publishes; the offline verifier (docs/verifier.md)
            checks checkpoints and exports against it.</p>
        </>
      )}
      <div className="actions">
        <button type="button" disabled={busy !== ''} onClick={() => void issue()}>Issue a checkpoint now</button>
        <button type="button" disabled={busy !== ''} onClick={() => void verify()}>Verify the log</button>
      </div>
      <p role="status" className="announcement">{status}</p>
      {verification && (
        <>
          <dl className="facts">
            <dt>Result</dt><dd className={verification.verified ? undefined : 'sla-breached'}>
              {verification.verified ? 'verified' : 'NOT verified'}</dd>
            <dt>Events checked</dt><dd>{verification.events}</dd>
            {verification.checkpointSize !== undefined && <><dt>Checkpoint size</dt><dd>{verification.checkpointSize}</dd></>}
          </dl>
          {verification.problems.length > 0 && (
            <table>
              <caption>What the verification found</caption>
              <thead><tr><th scope="col">Stream</th><th scope="col">Sequence</th><th scope="col">Event</th><th scope="col">Problem</th></tr></thead>
              <tbody>
                {verification.problems.map((p, i) => (
                  <tr key={i}>
                    <th scope="row">{p.streamId ?? ''}</th>
                    <td>{p.sequenceNumber ?? ''}</td>
                    <td>{p.eventIdentifier ?? ''}</td>
                    <td className="text">{p.problem}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Section>
  );
}
