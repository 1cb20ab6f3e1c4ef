import { DisclosableField, type Disclosure, type RegulatoryRequest } from '@api';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { attempt } from '../api';
import { describedBy, FieldErrors, FormProblems, Section } from '../components/Forms';
import { useTitle } from '../components/useTitle';
import { useConsole } from '../context';
import { humanize } from '../logic/permissions';
import { placeFieldErrors, type ApiProblem, type PlacedErrors } from '../logic/problems';
import { canApproveDisclosure, caseIdsOf, requestActions } from '../logic/regulatory';
import { etagOf } from '../logic/watch';
import { ActionPanel, Problems, Submit, TextField } from './CaseActions';
import { When } from './CasePage';
import { useCaseWrite, type WriteTarget } from './caseWrites';

type LoadedRequest = { r: RegulatoryRequest; etag: string };

/** One regulatory request: what the authority asks, its scope and documents, and legal's review of it. */
export function RegulatoryRequestPage() {
  const { requestId = '' } = useParams();
  const { api, session } = useConsole();
  const [loaded, setLoaded] = useState<LoadedRequest | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const announcer = useRef<HTMLParagraphElement>(null);
  useTitle(`Regulatory request ${requestId}`);

  const load = useCallback(async () => {
    const r = await attempt(async () => {
      const response = await api.regulatory.getRegulatoryRequestRaw({ requestId });
      const value = await response.value();
      return { r: value, etag: response.raw.headers.get('ETag') ?? etagOf(value.version) };
    });
    if (r.ok) {
      setLoaded(r.value);
      setProblem(null);
    } else {
      setProblem(r.problem);
    }
  }, [api, requestId]);

  useEffect(() => {
    setLoaded(null);
    setAnnouncement('');
    void load();
  }, [load]);

  if (problem) {
    return (
      <>
        <h1>Regulatory request {requestId}</h1>
        <p role="alert" className="problem">{problem.status === 404 ? 'There is no such request.' : problem.detail}</p>
        <p><Link to="/regulatory-requests">All regulatory requests</Link></p>
      </>
    );
  }
  if (!loaded) return <p aria-live="polite">Loading request {requestId}…</p>;

  const { r } = loaded;
  const announce = (message: string) => {
    setAnnouncement(message);
    requestAnimationFrame(() => {
      if (!document.activeElement || document.activeElement === document.body) announcer.current?.focus();
    });
  };
  // the request's writes follow the case's rules: If-Match with the version read, a stale one (409) keeps what was typed
  const target: WriteTarget = {
    etag: loaded.etag,
    reload: async () => {
      await load();
      announce('The request is reloaded with the latest change. What you typed is kept: check it and send it again.');
    },
    written: async (_version, message) => {
      await load(); // the request is read from its own table, updated in the write's transaction
      announce(message);
    },
  };
  const allowed = requestActions(session, r.status);
  return (
    <>
      <h1>Regulatory request {r.requestId}</h1>
      <p className="status-line">
        <strong>{humanize(r.status)}</strong>{r.overdue ? ', overdue' : ''} · {humanize(r.kind)} · from {r.authority.name}
        {' '}({r.authority.jurisdiction}) · version {r.version}
      </p>
      <p><Link to="/regulatory-requests">All regulatory requests</Link></p>
      <p role="status" className="announcement" ref={announcer} tabIndex={-1}>{announcement}</p>
      <div className="case-layout">
        <div className="case-main">
          <Section id="request" title="The request">
            <dl className="facts">
              <dt>Authority’s reference</dt><dd>{r.reference}</dd>
              <dt>Legal basis</dt><dd className="text">{r.legalBasis}</dd>
              <dt>Received</dt><dd><When at={r.receivedAt} />, recorded by {r.receivedBy}</dd>
              <dt>Due</dt><dd className={r.overdue ? 'sla-breached' : undefined}><When at={r.dueAt} />{r.overdue ? ' (overdue)' : ''}</dd>
              {r.remindedAt && <><dt>Reminder</dt><dd><When at={r.remindedAt} /></dd></>}
              {r.clarificationQuestion && <><dt>Our question</dt><dd className="text">{r.clarificationQuestion}</dd></>}
              {r.clarificationAnswer && <><dt>Their clarification</dt><dd className="text">{r.clarificationAnswer}</dd></>}
              {r.decidedBy && <><dt>{r.status === 'REJECTED' ? 'Rejected' : 'Accepted'} by</dt>
                <dd>{r.decidedBy}{r.decidedAt && <>, <When at={r.decidedAt} /></>}</dd></>}
              {r.rejectionReason && <><dt>Why rejected</dt><dd className="text">{r.rejectionReason}</dd></>}
              {r.closedBy && <><dt>Closed by</dt><dd>{r.closedBy}{r.closedAt && <>, <When at={r.closedAt} /></>}
                {r.closingNote && <>: <span className="text">{r.closingNote}</span></>}</dd></>}
            </dl>
          </Section>
          <Section id="scope" title="Scope">
            {(r.scope.subjects ?? []).length > 0 && (
              <>
                <h3>Subjects</h3>
                <ul className="items">
                  {r.scope.subjects!.map((s) => (
                    <li key={`${s.kind}:${s.id}`}>{humanize(s.kind)} {s.id}{' '}
                      (<Link to={`/search?subjectId=${encodeURIComponent(s.id)}`}>their cases</Link>)</li>
                  ))}
                </ul>
              </>
            )}
            {(r.scope.caseIds ?? []).length > 0 && (
              <>
                <h3>Cases</h3>
                <ul className="items">
                  {r.scope.caseIds!.map((id) => <li key={id}><Link to={`/cases/${encodeURIComponent(id)}`}>{id}</Link></li>)}
                </ul>
              </>
            )}
          </Section>
          <Section id="documents" title={`Documents (${r.documents.length})`}>
            {r.documents.length === 0 ? <p>No documents.</p> : (
              <ul className="items">
                {r.documents.map((d) => <li key={d.reference}>{d.reference} <span className="muted">sha256 {d.sha256}</span></li>)}
              </ul>
            )}
          </Section>
        </div>
        <section className="case-actions" aria-labelledby="request-actions-title">
          <h2 id="request-actions-title">Review</h2>
          {allowed.size === 0 && <p>This request is {humanize(r.status).toLowerCase()}: nothing more to review.</p>}
          {allowed.has('accept') && <AcceptButton target={target} requestId={r.requestId} />}
          {allowed.has('askClarification') && (
            <OneTextForm target={target} title="Ask for a clarification" id="clarification-question" field="question"
                         label="Question to the authority" submit="Ask"
                         send={(ifMatch, text) => api.regulatory.requestClarification({ requestId, ifMatch,
                           clarificationQuestion: { question: text } })} done="The question is recorded; the request waits for the answer." />
          )}
          {allowed.has('recordClarification') && (
            <OneTextForm target={target} title="Record the clarification" id="clarification-answer" field="answer"
                         label="The authority’s answer" submit="Record" open
                         send={(ifMatch, text) => api.regulatory.recordClarification({ requestId, ifMatch,
                           clarificationAnswer: { answer: text } })} done="The clarification is recorded; the request can be accepted or rejected." />
          )}
          {allowed.has('reject') && (
            <OneTextForm target={target} title="Reject the request" id="rejection-reason" field="reason"
                         label="Reason" submit="Reject"
                         send={(ifMatch, text) => api.regulatory.rejectRegulatoryRequest({ requestId, ifMatch,
                           rejection: { reason: text } })} done="The request is rejected." />
          )}
          {allowed.has('close') && (
            <OneTextForm target={target} title="Close the fulfilled request" id="closing-note" field="note"
                         label="Closing note" submit="Close" optional
                         send={(ifMatch, text) => api.regulatory.closeRegulatoryRequest({ requestId, ifMatch,
                           regulatoryClosure: { note: text || undefined } })} done="The request is closed; its legal holds are released." />
          )}
          {allowed.has('prepareDisclosure') && <PrepareDisclosureForm request={r} />}
          <OpenDisclosureForm requestId={r.requestId} />
        </section>
      </div>
    </>
  );
}

function AcceptButton({ target, requestId }: { target: WriteTarget; requestId: string }) {
  const { api } = useConsole();
  const write = useCaseWrite(target, []);
  return (
    <div className="triage">
      <Problems write={write} thing="request" />
      <button type="button" disabled={write.busy} onClick={() => void write.run((ifMatch) =>
        api.regulatory.acceptRegulatoryRequest({ requestId, ifMatch }),
        'The request is accepted; the cases in its scope are held.')}>Accept the request</button>
    </div>
  );
}

/** One review action with one text: a question, an answer, a reason, a note. */
function OneTextForm({ target, title, id, field, label, submit, send, done, optional, open }: {
  target: WriteTarget; title: string; id: string; field: string; label: string; submit: string;
  send: (ifMatch: string, text: string) => Promise<{ version: number }>; done: string; optional?: boolean; open?: boolean;
}) {
  const write = useCaseWrite(target, [field]);
  const [text, setText] = useState('');
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const ok = await write.run((ifMatch) => send(ifMatch, text), done);
    if (ok) setText('');
  }
  return (
    <ActionPanel title={title} open={open}>
      <form onSubmit={onSubmit} noValidate>
        <Problems write={write} thing="request" />
        <TextField id={id} label={label} field={field} value={text} onChange={setText} errors={write.errors}
                   maxLength={4000} multiline required={!optional} />
        <Submit write={write}>{submit}</Submit>
      </form>
    </ActionPanel>
  );
}

const FIELDS = Object.values(DisclosableField);

/** A package for the request's authority: cases in its scope, the fields to disclose, those to redact. */
function PrepareDisclosureForm({ request }: { request: RegulatoryRequest }) {
  const { api } = useConsole();
  const navigate = useNavigate();
  const [disclosureId, setDisclosureId] = useState(() => `${request.requestId}-p${Date.now().toString(36)}`.slice(0, 128));
  const [cases, setCases] = useState((request.scope.caseIds ?? []).join('\n'));
  const [fields, setFields] = useState<Set<DisclosableField>>(new Set(['SUBJECT', 'FLAGS']));
  const [redacted, setRedacted] = useState<Set<DisclosableField>>(new Set());
  const [errors, setErrors] = useState<PlacedErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const names = ['disclosureId', 'caseIds', 'fields', 'redacted'];
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await attempt(() => api.regulatory.prepareDisclosure({ requestId: request.requestId, newDisclosure: {
        disclosureId: disclosureId.trim(), caseIds: new Set(caseIdsOf(cases)), fields, redacted } }));
      if (r.ok) {
        navigate(`/regulatory-requests/${encodeURIComponent(request.requestId)}/disclosures/${encodeURIComponent(disclosureId.trim())}`);
      } else {
        setErrors(placeFieldErrors(r.problem, names));
      }
    } finally {
      setBusy(false);
    }
  }
  const flip = (set: Set<DisclosableField>, f: DisclosableField, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(f); else next.delete(f);
    return next;
  };
  return (
    <ActionPanel title="Prepare a disclosure package">
      <form onSubmit={submit} noValidate>
        <FormProblems errors={errors} stale={null} onReload={() => undefined} />
        <div className="field">
          <label htmlFor="disclosure-id">Package id (required)</label>
          <input type="text" value={disclosureId} maxLength={128} required onChange={(e) => setDisclosureId(e.target.value)}
                 {...describedBy('disclosure-id', errors, 'disclosureId', true)} />
          <p id="disclosure-id-hint" className="hint">Letters, digits, <code>.</code>, <code>_</code>, <code>:</code>,
            <code>-</code>. The second legal user opens the package by it.</p>
          <FieldErrors id="disclosure-id-errors" messages={errors?.byField.disclosureId} />
        </div>
        <div className="field">
          <label htmlFor="disclosure-cases">Case ids (required, one per line)</label>
          <textarea rows={4} value={cases} onChange={(e) => setCases(e.target.value)}
                    {...describedBy('disclosure-cases', errors, 'caseIds', true)} />
          <p id="disclosure-cases-hint" className="hint">Each named in the request’s scope or about a subject named in it.</p>
          <FieldErrors id="disclosure-cases-errors" messages={errors?.byField.caseIds} />
        </div>
        <fieldset aria-describedby={errors?.byField.fields ? 'disclosure-fields-errors' : undefined}>
          <legend>Fields to disclose</legend>
          {FIELDS.map((f) => (
            <label key={f}><input type="checkbox" checked={fields.has(f)}
                                  onChange={(e) => setFields(flip(fields, f, e.target.checked))} />{humanize(f)}</label>
          ))}
        </fieldset>
        <FieldErrors id="disclosure-fields-errors" messages={errors?.byField.fields} />
        <fieldset aria-describedby={errors?.byField.redacted ? 'disclosure-redacted-errors' : undefined}>
          <legend>Of those, disclosed redacted</legend>
          {FIELDS.filter((f) => fields.has(f)).map((f) => (
            <label key={f}><input type="checkbox" checked={redacted.has(f)}
                                  onChange={(e) => setRedacted(flip(redacted, f, e.target.checked))} />{humanize(f)}</label>
          ))}
        </fieldset>
        <FieldErrors id="disclosure-redacted-errors" messages={errors?.byField.redacted} />
        <button type="submit" disabled={busy}>{busy ? 'Sending…' : 'Prepare the package'}</button>
      </form>
    </ActionPanel>
  );
}

/** A package is opened by its id (the API lists no packages of a request): the preparer passes it on. */
function OpenDisclosureForm({ requestId }: { requestId: string }) {
  const navigate = useNavigate();
  const [id, setId] = useState('');
  return (
    <ActionPanel title="Open a disclosure package">
      <form onSubmit={(e) => {
        e.preventDefault();
        if (id.trim()) navigate(`/regulatory-requests/${encodeURIComponent(requestId)}/disclosures/${encodeURIComponent(id.trim())}`);
      }}>
        <div className="field">
          <label htmlFor="open-disclosure-id">Package id</label>
          <input id="open-disclosure-id" type="text" maxLength={128} value={id} onChange={(e) => setId(e.target.value)} />
        </div>
        <button type="submit">Open</button>
      </form>
    </ActionPanel>
  );
}

/** A disclosure package: what it discloses, who prepared it, and its approval by a second legal user (four eyes). */
export function DisclosurePage() {
  const { requestId = '', disclosureId = '' } = useParams();
  const { api, session } = useConsole();
  const [disclosure, setDisclosure] = useState<Disclosure | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [approval, setApproval] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  useTitle(`Disclosure package ${disclosureId}`);

  const load = useCallback(async () => {
    const r = await attempt(() => api.regulatory.getDisclosure({ requestId, disclosureId }));
    if (r.ok) {
      setDisclosure(r.value);
      setProblem(null);
    } else {
      setProblem(r.problem);
    }
  }, [api, requestId, disclosureId]);

  useEffect(() => {
    void load();
  }, [load]);

  async function approve() {
    setBusy(true);
    try {
      const r = await attempt(() => api.regulatory.approveDisclosure({ requestId, disclosureId }));
      if (r.ok) {
        setApproval(null);
        await load();
        setAnnouncement('The package is approved; it is recorded on each of its cases.');
      } else {
        setApproval(r.problem);
      }
    } finally {
      setBusy(false);
    }
  }

  const requestLink = <Link to={`/regulatory-requests/${encodeURIComponent(requestId)}`}>Request {requestId}</Link>;
  if (problem) {
    return (
      <>
        <h1>Disclosure package {disclosureId}</h1>
        <p role="alert" className="problem">{problem.status === 404 ? 'There is no such package of this request.' : problem.detail}</p>
        <p>{requestLink}</p>
      </>
    );
  }
  if (!disclosure) return <p aria-live="polite">Loading package {disclosureId}…</p>;
  const d = disclosure;
  return (
    <>
      <h1>Disclosure package {d.disclosureId}</h1>
      <p className="status-line"><strong>{humanize(d.status)}</strong> · for {d.recipient.name} ({d.recipient.jurisdiction})</p>
      <p>{requestLink}</p>
      <p role="status" className="announcement">{announcement}</p>
      <Section id="package" title="The package">
        <dl className="facts">
          <dt>Legal basis</dt><dd className="text">{d.legalBasis}</dd>
          <dt>Cases</dt><dd>{d.caseIds.map((id, i) => <span key={id}>{i > 0 && ', '}<Link to={`/cases/${encodeURIComponent(id)}`}>{id}</Link></span>)}</dd>
          <dt>Fields</dt><dd>{d.fields.map(humanize).join(', ')}</dd>
          <dt>Redacted</dt><dd>{d.redacted.map(humanize).join(', ') || 'none'}</dd>
          <dt>Prepared by</dt><dd>{d.preparedBy}, <When at={d.preparedAt} /></dd>
          <dt>Approved by</dt><dd>{d.approvedBy ? <>{d.approvedBy}{d.approvedAt && <>, <When at={d.approvedAt} /></>}</> : 'not yet'}</dd>
        </dl>
        {d.status === 'PREPARED' && (canApproveDisclosure(session, d) ? (
          <div className="triage">
            {approval && <p role="alert" className="problem">{approval.code === 'four-eyes'
              ? 'You prepared this package: another legal user approves it.' : approval.detail}</p>}
            <button type="button" disabled={busy} onClick={() => void approve()}>Approve the package</button>
          </div>
        ) : <p>You prepared this package: another legal user approves it (four eyes). Give them its id, {d.disclosureId}.</p>)}
      </Section>
      {(d.cases ?? []).map((c) => (
        <Section key={c.caseId} id={`disclosed-${c.caseId}`} title={`Disclosed from case ${c.caseId}`}>
          {c.fields.map((f) => (
            <table key={f.field}>
              <caption>{humanize(f.field)}{f.redacted ? ' (redacted)' : ''}</caption>
              <thead><tr><th scope="col">Name</th><th scope="col">Value</th><th scope="col">When</th><th scope="col">By</th></tr></thead>
              <tbody>
                {f.entries.map((e, i) => (
                  <tr key={i}>
                    <th scope="row">{e.name}</th>
                    <td className="text">{e.value}</td>
                    <td>{e.at ? <When at={e.at} /> : ''}</td>
                    <td>{e.by ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </Section>
      ))}
    </>
  );
}
