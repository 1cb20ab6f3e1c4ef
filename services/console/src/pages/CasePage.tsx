import type { Signals } from '@api';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Section } from '../components/Forms';
import { RelatedGraph } from '../components/RelatedGraph';
import { useTitle } from '../components/useTitle';
import { useConsole } from '../context';
import { caseActions, humanize } from '../logic/permissions';
import { canExport, canSee } from '../logic/screens';
import { hasAny } from '../logic/session';
import { slaRisk } from '../logic/sla';
import {
  AppealReviewForm, CloseForm, DecisionForm, HoldForms, EscalationForms, EvidenceForm, LinkForm, MergeForm, NoteForm, ReopenForm, ReviewForms,
  TriageButtons, UnlinkForm,
} from './CaseActions';
import type { CaseHandle } from './caseWrites';
import { useWatchedCase } from './useWatchedCase';

/** One case: what it is about, its flags, history, evidence, links, notes, related cases, and what one may do. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const { session } = useConsole();
  const { loaded, problem, events, related, now, changed, load, written, beginWrite } = useWatchedCase(caseId);
  const [announcement, setAnnouncement] = useState('');
  const announcer = useRef<HTMLParagraphElement>(null);
  useTitle(loaded ? `Case ${loaded.c.caseId}` : problem?.status === 404 ? 'Case not found' : 'Case');
  useEffect(() => setAnnouncement(''), [caseId]);
  // someone else's change, shown by a poll: said politely, the focus stays where the person is (typing, perhaps)
  useEffect(() => {
    if (changed) setAnnouncement(changed.message);
  }, [changed]);

  if (problem?.status === 404) {
    return (
      <>
        <h1>Case not found</h1>
        <p>There is no case {caseId} that you can see.</p>
        <p><Link to="/">Back to the queue</Link></p>
      </>
    );
  }
  if (problem) {
    return (
      <>
        <h1>Case {caseId}</h1>
        <p role="alert" className="problem">{problem.detail}</p>
      </>
    );
  }
  if (!loaded) {
    return <p aria-live="polite">Loading case {caseId}…</p>;
  }

  const { c } = loaded;
  /**
   * Says what happened; when the control that was used is gone (the "Take the case" button once taken, the reload
   * button of a stale version), the focus goes to the message, so a keyboard user goes on from there, not from the top.
   */
  const announce = (message: string) => {
    setAnnouncement(message);
    requestAnimationFrame(() => {
      if (!document.activeElement || document.activeElement === document.body) announcer.current?.focus();
    });
  };
  const handle: CaseHandle = {
    c,
    etag: loaded.etag,
    beginWrite,
    reload: async () => {
      await load();
      announce('The case is reloaded with the latest change. What you typed is kept: check it and send it again.');
    },
    written: async (version, message) => {
      await written(version);
      announce(message);
    },
  };
  const allowed = caseActions(session, c);
  const risk = slaRisk(c, now);
  return (
    <>
      <h1>Case {c.caseId}: {humanize(c.subject.kind)} {c.subject.id}</h1>
      <p className="status-line">
        <strong>{humanize(c.status)}</strong>{c.escalated ? ', escalated to the lead' : ''} · {c.priority} ·{' '}
        {humanize(c.category)} · region {c.region} · version {c.version}
        {c.mergedInto && <> · merged into <Link to={`/cases/${encodeURIComponent(c.mergedInto)}`}>{c.mergedInto}</Link></>}
      </p>
      <p>
        <Link to={`/cases/${encodeURIComponent(c.caseId)}/history`}>
          {canExport(session) ? 'History, the case as of an instant, and export' : 'History and the case as of an instant'}
        </Link>
      </p>
      <p role="status" className="announcement" ref={announcer} tabIndex={-1}>{announcement}</p>

      <div className="case-layout">
        <div className="case-main">
          <Section id="summary" title="Summary">
            <dl className="facts">
              <dt>Assignee</dt><dd>{c.assignee ?? 'unassigned'}</dd>
              <dt>SLA</dt>
              <dd className={`sla sla-${risk.level}`}>{risk.label}
                {c.slaBreaches && c.slaBreaches.length > 0 && ` (breached: ${c.slaBreaches.map(humanize).join(', ')})`}</dd>
              <dt>Opened</dt><dd><When at={c.openedAt} /></dd>
              <dt>Flags</dt><dd>{c.flagCount}, highest score {c.maxScore.toFixed(2)}</dd>
              {c.moneyAtRisk && <><dt>Money at risk</dt><dd>{c.moneyAtRisk.amount} {c.moneyAtRisk.currency}</dd></>}
              {c.resolution && <><dt>Resolution</dt><dd>{humanize(c.resolution)}</dd></>}
            </dl>
          </Section>

          {c.decision && (
            <Section id="decision" title={c.decision.state === 'PROPOSED' ? 'Proposed decision' : 'Decision'}>
              <dl className="facts">
                <dt>Verdict</dt><dd>{humanize(c.decision.verdict)}{c.decision.label ? ` (${humanize(c.decision.label)})` : ''}</dd>
                <dt>Proposed by</dt><dd>{c.decision.proposedBy}</dd>
                <dt>Approval</dt>
                <dd>{c.decision.approvalRequired
                  ? c.decision.approvedBy ? `approved by ${c.decision.approvedBy}` : 'needs a lead’s approval'
                  : 'not needed'}</dd>
                {c.decision.policyRefs.length > 0 && <><dt>Policies</dt><dd>{c.decision.policyRefs.join(', ')}</dd></>}
                <dt>Rationale</dt><dd className="text">{c.decision.rationale}</dd>
              </dl>
              {c.decision.actions.length > 0 && (
                <table>
                  <caption>Enforcement</caption>
                  <thead><tr><th scope="col">Action</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col">Failure</th></tr></thead>
                  <tbody>
                    {c.decision.actions.map((a, i) => (
                      <tr key={a.actionId ?? i}>
                        <th scope="row">{humanize(a.action)}{a.reverses ? ' (reversal)' : ''}</th>
                        <td>{a.state ? humanize(a.state) : 'waiting for approval'}</td>
                        <td>{a.attempt ?? 0}</td>
                        <td>{a.failure ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
          )}

          {(c.appeals ?? []).length > 0 && (
            <Section id="appeals" title={`Appeals (${c.appeals!.length})`}>
              <ul className="items">
                {c.appeals!.map((a) => (
                  <li key={a.appealId}>
                    <p><strong>{a.status === 'FILED' ? 'Waiting for review' : `Decided: ${humanize(a.outcome ?? 'UPHELD')}`}</strong>
                      {' '}· filed by {a.filedBy} ({humanize(a.channel)}), <When at={a.filedAt} />
                      {a.status === 'FILED' && <>, review due <When at={a.reviewDueAt} /></>}</p>
                    <p className="text">{a.statement}</p>
                    {a.evidenceRefs.length > 0 && <p className="muted">Evidence: {a.evidenceRefs.join(', ')}</p>}
                    {a.reviewedBy && <p className="text">Reviewed by {a.reviewedBy}
                      {a.decidedAt && <>, <When at={a.decidedAt} /></>}: {a.rationale}</p>}
                  </li>
                ))}
              </ul>
            </Section>
          )}

          {((c.holds ?? []).length > 0 || hasAny(session, 'legal', 'auditor')) && (
            <Section id="holds" title={`Legal holds (${c.holds?.length ?? 0})`}>
              {(c.holds ?? []).length === 0 ? <p>The case is under no legal hold.</p> : (
                <>
                  <p>While held, the personal data of the case’s subject cannot be erased.</p>
                  <ul className="items">
                    {c.holds!.map((h) => (
                      <li key={h.requestId}>
                        Request {canSee(session, 'regulatory')
                          ? <Link to={`/regulatory-requests/${encodeURIComponent(h.requestId)}`}>{h.requestId}</Link>
                          : h.requestId}, placed by {h.placedBy}, <When at={h.placedAt} />
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </Section>
          )}

          <Section id="flags" title={`Flags (${c.flags.length})`}>
            <table>
              <caption className="visually-hidden">Flags raised on this case</caption>
              <thead><tr><th scope="col">Flag</th><th scope="col">Source</th><th scope="col">Score</th><th scope="col">Observed</th></tr></thead>
              <tbody>
                {c.flags.map((f) => (
                  <tr key={f.flagId}>
                    <th scope="row">{f.flagId}</th>
                    <td>{humanize(f.source.kind)} {f.source.id} {f.source.version}</td>
                    <td>{f.score.toFixed(2)}</td>
                    <td><When at={f.observedAt} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>Signals</h3>
            <SignalList signals={c.signals} />
          </Section>

          <Section id="timeline" title="Timeline">
            {events === null ? <p>The history could not be read.</p> : (
              <ol className="timeline">
                {events.map((e) => (
                  <li key={e.sequence}>
                    <p><When at={e.occurredAt} /> · <strong>{eventName(e.type)}</strong> by {e.actor}</p>
                    {e.reason && <p className="text">Why: {e.reason}</p>}
                  </li>
                ))}
              </ol>
            )}
          </Section>

          <Section id="evidence" title={`Evidence (${c.evidence?.length ?? 0})`}>
            {(c.evidence ?? []).length === 0 ? <p>No evidence yet.</p> : (
              <ul className="items">
                {c.evidence!.map((e) => (
                  <li key={e.evidenceId}>
                    <strong>{humanize(e.kind)}</strong> {e.reference} <span className="muted">sha256 {e.sha256}</span>
                    <br />added by {e.addedBy}, <When at={e.addedAt} />{e.note && <>: <span className="text">{e.note}</span></>}
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section id="links" title={`Linked entities (${c.links?.length ?? 0})`}>
            {(c.links ?? []).length === 0 ? <p>No linked entities.</p> : (
              <ul className="items">
                {c.links!.map((l) => (
                  <li key={`${l.kind}:${l.value}`}>
                    <strong>{humanize(l.kind)}</strong> {l.value} <span className="muted">linked by {l.linkedBy}</span>
                    {l.note && <>: <span className="text">{l.note}</span></>}
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section id="notes" title={`Notes (${c.notes.length})`}>
            {c.notes.length === 0 ? <p>No notes yet.</p> : (
              <ul className="items">
                {c.notes.map((n) => (
                  <li key={n.noteId}>
                    <p className="muted">{n.author}, <When at={n.addedAt} /></p>
                    <p className="text">{n.text}</p>
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section id="related" title="Related cases">
            {related === null ? <p>Related cases could not be read.</p> : related.length === 0
              ? <p>No other case shares a signal with this one.</p> : (
                <>
                <RelatedGraph caseId={c.caseId} related={related} />
                <table>
                  <caption className="visually-hidden">Cases sharing signals with this case</caption>
                  <thead><tr><th scope="col">Case</th><th scope="col">Subject</th><th scope="col">Status</th><th scope="col">Shared signals</th></tr></thead>
                  <tbody>
                    {related.map((r) => (
                      <tr key={r._case.caseId}>
                        <th scope="row"><Link to={`/cases/${encodeURIComponent(r._case.caseId)}`}>{r._case.caseId}</Link></th>
                        <td>{humanize(r._case.subject.kind)} {r._case.subject.id}</td>
                        <td>{humanize(r._case.status)}</td>
                        <td><SignalList signals={r.shared} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                </>
              )}
          </Section>
        </div>

        <section className="case-actions" aria-labelledby="actions-title">
          <h2 id="actions-title">Actions</h2>
          {allowed.size === 0 && <p>Nothing for your roles to do on this case.</p>}
          <TriageButtons handle={handle} allowed={allowed} />
          {allowed.has('decideAppeal') && <AppealReviewForm handle={handle} />}
          {allowed.has('propose') && <DecisionForm handle={handle} />}
          {(allowed.has('approve') || allowed.has('sendBack') || allowed.has('retry')) &&
            <ReviewForms handle={handle} allowed={allowed} />}
          {(allowed.has('escalate') || allowed.has('deescalate')) && <EscalationForms handle={handle} allowed={allowed} />}
          {allowed.has('note') && <NoteForm handle={handle} />}
          {allowed.has('evidence') && <EvidenceForm handle={handle} />}
          {allowed.has('link') && <LinkForm handle={handle} />}
          {allowed.has('unlink') && <UnlinkForm handle={handle} />}
          {allowed.has('merge') && <MergeForm handle={handle} />}
          {allowed.has('close') && <CloseForm handle={handle} />}
          {allowed.has('reopen') && <ReopenForm handle={handle} />}
          {allowed.has('placeHold') && <HoldForms handle={handle} allowed={allowed} />}
        </section>
      </div>
    </>
  );
}

export function When({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{at.toLocaleString()}</time>;
}

const SIGNAL_NAMES: [keyof Signals, string][] = [
  ['deviceIds', 'Devices'], ['ips', 'IP addresses'], ['paymentFingerprints', 'Payment fingerprints'],
  ['linkedAccounts', 'Linked accounts'],
];

export function SignalList({ signals }: { signals: Signals }) {
  const present = SIGNAL_NAMES.filter(([key]) => (signals[key] ?? []).length > 0);
  if (present.length === 0) return <p>None.</p>;
  return (
    <dl className="facts">
      {present.map(([key, name]) => (
        <div key={key}>
          <dt>{name}</dt>
          <dd>{signals[key]!.join(', ')}</dd>
        </div>
      ))}
    </dl>
  );
}

/** `CaseAssigned` reads "Case assigned". */
export function eventName(type: string): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
