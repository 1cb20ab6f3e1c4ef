import {
  DecisionGround, DismissalLabel, EntityKind, EvidenceKind,
  type EnforcementAction, type ResolutionCode, type Ruling, type Verdict,
} from '@api';
import { useState, type FormEvent, type ReactNode } from 'react';
import { describedBy, FieldErrors, FormProblems } from '../components/Forms';
import { useConsole } from '../context';
import {
  ACTIONS_BY_SUBJECT, appealableActions, closingResolutions, humanize, openAppeal, type CaseAction,
} from '../logic/permissions';
import type { PlacedErrors } from '../logic/problems';
import { useCaseWrite, type CaseHandle } from './caseWrites';

type Write = ReturnType<typeof useCaseWrite>;

/** One action as a disclosure: closed until wanted, so the case page stays short; native, so keyboards work. */
export function ActionPanel({ title, children, open }: { title: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="action" open={open}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

export function TextField({ id, label, field, value, onChange, errors, maxLength, multiline, required, hint }: {
  id: string; label: string; field: string; value: string; onChange: (value: string) => void;
  errors: PlacedErrors | null; maxLength: number; multiline?: boolean; required?: boolean; hint?: string;
}) {
  const props = {
    ...describedBy(id, errors, field, !!hint),
    value,
    maxLength,
    required,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}{required ? ' (required)' : ''}</label>
      {multiline ? <textarea rows={4} {...props} /> : <input type="text" {...props} />}
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      <FieldErrors id={`${id}-errors`} messages={errors?.byField[field]} />
    </div>
  );
}

export function Submit({ write, children }: { write: Write; children: ReactNode }) {
  return <button type="submit" disabled={write.busy}>{write.busy ? 'Sending…' : children}</button>;
}

export function Problems({ write, thing }: { write: Write; thing?: string }) {
  return <FormProblems errors={write.errors} stale={write.stale} onReload={() => void write.reload()} thing={thing} />;
}

/** Take (assign to oneself) and release: one button each. */
export function TriageButtons({ handle, allowed }: { handle: CaseHandle; allowed: Set<CaseAction> }) {
  const { api, session } = useConsole();
  const write = useCaseWrite(handle, ['assignee']);
  const caseId = handle.c.caseId;
  if (!allowed.has('take') && !allowed.has('release')) return null;
  return (
    <div className="triage">
      <Problems write={write} />
      {allowed.has('take') && (
        <button type="button" disabled={write.busy} onClick={() => void write.run((ifMatch) =>
          api.triage.assignCase({ caseId, ifMatch, assignment: { assignee: session.username } }), 'You took the case.')}>
          {handle.c.assignee ? `Take over from ${handle.c.assignee}` : 'Take the case'}
        </button>
      )}
      {allowed.has('release') && (
        <button type="button" disabled={write.busy} onClick={() => void write.run((ifMatch) =>
          api.triage.unassignCase({ caseId, ifMatch }), 'The case is back in the queue.')}>
          Release the case
        </button>
      )}
    </div>
  );
}

export function EscalationForms({ handle, allowed }: { handle: CaseHandle; allowed: Set<CaseAction> }) {
  const { api } = useConsole();
  const write = useCaseWrite(handle, ['reason']);
  const [reason, setReason] = useState('');
  const escalate = allowed.has('escalate');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const caseId = handle.c.caseId;
    const ok = await write.run((ifMatch) => escalate
      ? api.triage.escalateCase({ caseId, ifMatch, escalation: { reason } })
      : api.triage.deescalateCase({ caseId, ifMatch, reason }), escalate ? 'The case is escalated to the lead.'
      : 'The case is no longer escalated.');
    if (ok) setReason('');
  }
  return (
    <ActionPanel title={escalate ? 'Escalate to the lead' : 'End the escalation'}>
      <form onSubmit={submit} noValidate>
        <Problems write={write} />
        <TextField id="escalation-reason" label="Reason" field="reason" value={reason} onChange={setReason}
                   errors={write.errors} maxLength={500} multiline required />
        <Submit write={write}>{escalate ? 'Escalate' : 'End the escalation'}</Submit>
      </form>
    </ActionPanel>
  );
}

export function NoteForm({ handle }: { handle: CaseHandle }) {
  const { api } = useConsole();
  const write = useCaseWrite(handle, ['text']);
  const [text, setText] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await write.run((ifMatch) => api.triage.addNote({ caseId: handle.c.caseId, ifMatch, newNote: { text } }),
      'Your note is added.');
    if (ok) setText('');
  }
  return (
    <ActionPanel title="Add a note">
      <form onSubmit={submit} noValidate>
        <Problems write={write} />
        <TextField id="note-text" label="Note" field="text" value={text} onChange={setText} errors={write.errors}
                   maxLength={10000} multiline required />
        <Submit write={write}>Add the note</Submit>
      </form>
    </ActionPanel>
  );
}

export function EvidenceForm({ handle }: { handle: CaseHandle }) {
  const { api } = useConsole();
  const write = useCaseWrite(handle, ['kind', 'reference', 'sha256', 'note']);
  const [kind, setKind] = useState<EvidenceKind>('SCREENSHOT');
  const [reference, setReference] = useState('');
  const [sha256, setSha256] = useState('');
  const [note, setNote] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await write.run((ifMatch) => api.investigation.addEvidence({ caseId: handle.c.caseId, ifMatch,
      newEvidence: { kind, reference, sha256, note: note || undefined } }), 'The evidence is added.');
    if (ok) {
      setReference('');
      setSha256('');
      setNote('');
    }
  }
  return (
    <ActionPanel title="Add evidence">
      <form onSubmit={submit} noValidate>
        <Problems write={write} />
        <div className="field">
          <label htmlFor="evidence-kind">Kind</label>
          <select value={kind} onChange={(e) => setKind(e.target.value as EvidenceKind)}
                  {...describedBy('evidence-kind', write.errors, 'kind')}>
            {Object.values(EvidenceKind).map((k) => <option key={k} value={k}>{humanize(k)}</option>)}
          </select>
          <FieldErrors id="evidence-kind-errors" messages={write.errors?.byField.kind} />
        </div>
        <TextField id="evidence-reference" label="Reference" field="reference" value={reference}
                   onChange={setReference} errors={write.errors} maxLength={1000} required
                   hint="Where the evidence is kept (a document store URI); Casebook stores the reference only." />
        <TextField id="evidence-sha256" label="SHA-256 of the content" field="sha256" value={sha256}
                   onChange={setSha256} errors={write.errors} maxLength={64} required hint="64 lower-case hexadecimal digits." />
        <TextField id="evidence-note" label="Note" field="note" value={note} onChange={setNote} errors={write.errors}
                   maxLength={2000} multiline />
        <Submit write={write}>Add the evidence</Submit>
      </form>
    </ActionPanel>
  );
}

export function LinkForm({ handle }: { handle: CaseHandle }) {
  const { api } = useConsole();
  const write = useCaseWrite(handle, ['kind', 'value', 'note']);
  const [kind, setKind] = useState<EntityKind>('ACCOUNT');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await write.run((ifMatch) => api.investigation.linkEntity({ caseId: handle.c.caseId, ifMatch,
      newLinkedEntity: { kind, value, note: note || undefined } }), 'The entity is linked.');
    if (ok) {
      setValue('');
      setNote('');
    }
  }
  return (
    <ActionPanel title="Link an entity">
      <form onSubmit={submit} noValidate>
        <Problems write={write} />
        <div className="field">
          <label htmlFor="link-kind">Kind</label>
          <select value={kind} onChange={(e) => setKind(e.target.value as EntityKind)}
                  {...describedBy('link-kind', write.errors, 'kind')}>
            {Object.values(EntityKind).map((k) => <option key={k} value={k}>{humanize(k)}</option>)}
          </select>
          <FieldErrors id="link-kind-errors" messages={write.errors?.byField.kind} />
        </div>
        <TextField id="link-value" label="Value" field="value" value={value} onChange={setValue} errors={write.errors}
                   maxLength={256} required />
        <TextField id="link-note" label="Note" field="note" value={note} onChange={setNote} errors={write.errors}
                   maxLength={2000} multiline />
        <Submit write={write}>Link</Submit>
      </form>
    </ActionPanel>
  );
}

/** Take over a duplicate (same subject and region): it closes as DUPLICATE, its flags, evidence and links come here. */
export function MergeForm({ handle }: { handle: CaseHandle }) {
  const { api } = useConsole();
  const write = useCaseWrite(handle, ['duplicateCaseId', 'duplicateVersion', 'reason']);
  const [duplicate, setDuplicate] = useState('');
  const [reason, setReason] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await write.run((ifMatch) => api.investigation.mergeCase({ caseId: handle.c.caseId, ifMatch,
      merge: { duplicateCaseId: duplicate.trim(), reason } }), 'The duplicate is merged into this case.');
    if (ok) {
      setDuplicate('');
      setReason('');
    }
  }
  return (
    <ActionPanel title="Merge a duplicate into this case">
      <form onSubmit={submit} noValidate>
        <Problems write={write} />
        <TextField id="merge-duplicate" label="Duplicate case id" field="duplicateCaseId" value={duplicate}
                   onChange={setDuplicate} errors={write.errors} maxLength={36} required
                   hint="A case about the same subject in this region, open or in review." />
        <TextField id="merge-reason" label="Reason" field="reason" value={reason} onChange={setReason}
                   errors={write.errors} maxLength={500} multiline required />
        <Submit write={write}>Merge</Submit>
      </form>
    </ActionPanel>
  );
}

export function UnlinkForm({ handle }: { handle: CaseHandle }) {
  const { api } = useConsole();
  const write = useCaseWrite(handle, ['kind', 'value', 'reason']);
  const links = handle.c.links ?? [];
  const [chosen, setChosen] = useState(0);
  const [reason, setReason] = useState('');
  const link = links[Math.min(chosen, links.length - 1)];
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await write.run((ifMatch) => api.investigation.unlinkEntity({ caseId: handle.c.caseId, ifMatch,
      kind: link.kind, value: link.value, reason }), `${humanize(link.kind)} ${link.value} is no longer linked.`);
    if (ok) setReason('');
  }
  return (
    <ActionPanel title="Unlink an entity">
      <form onSubmit={submit} noValidate>
        <Problems write={write} />
        <div className="field">
          <label htmlFor="unlink-entity">Entity</label>
          <select id="unlink-entity" value={Math.min(chosen, links.length - 1)}
                  onChange={(e) => setChosen(Number(e.target.value))}>
            {links.map((l, i) => <option key={`${l.kind}:${l.value}`} value={i}>{humanize(l.kind)} {l.value}</option>)}
          </select>
          <FieldErrors id="unlink-entity-errors" messages={[...(write.errors?.byField.kind ?? []),
            ...(write.errors?.byField.value ?? [])]} />
        </div>
        <TextField id="unlink-reason" label="Reason" field="reason" value={reason} onChange={setReason}
                   errors={write.errors} maxLength={500} multiline required />
        <Submit write={write}>Unlink</Submit>
      </form>
    </ActionPanel>
  );
}

/** Propose a decision: a violation with the enforcement actions that fit the subject kind, or no violation. */
export function DecisionForm({ handle }: { handle: CaseHandle }) {
  const { api } = useConsole();
  const write = useCaseWrite(handle, ['verdict', 'policyRefs', 'rationale', 'actions', 'label', 'ground',
    'legalGround']);
  const fitting = ACTIONS_BY_SUBJECT[handle.c.subject.kind];
  const [verdict, setVerdict] = useState<Verdict>('VIOLATION');
  const [actions, setActions] = useState<EnforcementAction[]>([]);
  const [policyRefs, setPolicyRefs] = useState('');
  const [rationale, setRationale] = useState('');
  const [label, setLabel] = useState<DismissalLabel>('FALSE_POSITIVE');
  const [ground, setGround] = useState<DecisionGround>('TERMS_AND_CONDITIONS');
  const [legalGround, setLegalGround] = useState('');
  const violation = verdict === 'VIOLATION';
  async function submit(e: FormEvent) {
    e.preventDefault();
    const refs = policyRefs.split(',').map((r) => r.trim()).filter(Boolean);
    await write.run((ifMatch) => api.decisions.proposeDecision({ caseId: handle.c.caseId, ifMatch,
      decisionProposal: violation
        ? { verdict, rationale, policyRefs: refs, actions: actions.map((action) => ({ action })), ground,
            legalGround: ground === 'ILLEGAL_CONTENT' ? legalGround : undefined }
        : { verdict, rationale, label } }), 'The decision is proposed.');
  }
  return (
    <ActionPanel title="Propose a decision" open>
      <form onSubmit={submit} noValidate>
        <Problems write={write} />
        <fieldset aria-describedby={write.errors?.byField.verdict ? 'verdict-errors' : undefined}>
          <legend>Verdict</legend>
          {(['VIOLATION', 'NO_VIOLATION'] as const).map((v) => (
            <label key={v}>
              <input type="radio" name="verdict" value={v} checked={verdict === v} onChange={() => setVerdict(v)} />
              {humanize(v)}
            </label>
          ))}
          <FieldErrors id="verdict-errors" messages={write.errors?.byField.verdict} />
        </fieldset>
        {violation ? (
          <>
            <fieldset aria-describedby={write.errors?.byField.actions ? 'actions-errors' : undefined}>
              <legend>Enforcement actions for a {humanize(handle.c.subject.kind).toLowerCase()}</legend>
              {fitting.map((a) => (
                <label key={a}>
                  <input type="checkbox" name="actions" value={a} checked={actions.includes(a)}
                         onChange={() => setActions(actions.includes(a) ? actions.filter((x) => x !== a) : [...actions, a])} />
                  {humanize(a)}
                </label>
              ))}
              <FieldErrors id="actions-errors" messages={write.errors?.byField.actions} />
            </fieldset>
            <TextField id="decision-policies" label="Policy references" field="policyRefs" value={policyRefs}
                       onChange={setPolicyRefs} errors={write.errors} maxLength={4000} required
                       hint="The policies broken, separated by commas." />
            <div className="field">
              <label htmlFor="decision-ground">Ground</label>
              <select value={ground} onChange={(e) => setGround(e.target.value as DecisionGround)}
                      {...describedBy('decision-ground', write.errors, 'ground')}>
                {Object.values(DecisionGround).map((g) => <option key={g} value={g}>{humanize(g)}</option>)}
              </select>
              <FieldErrors id="decision-ground-errors" messages={write.errors?.byField.ground} />
            </div>
            {ground === 'ILLEGAL_CONTENT' && (
              <TextField id="decision-legal-ground" label="Legal ground" field="legalGround" value={legalGround}
                         onChange={setLegalGround} errors={write.errors} maxLength={2000} multiline required />
            )}
          </>
        ) : (
          <div className="field">
            <label htmlFor="decision-label">Why no violation</label>
            <select value={label} onChange={(e) => setLabel(e.target.value as DismissalLabel)}
                    {...describedBy('decision-label', write.errors, 'label')}>
              {Object.values(DismissalLabel).map((l) => <option key={l} value={l}>{humanize(l)}</option>)}
            </select>
            <FieldErrors id="decision-label-errors" messages={write.errors?.byField.label} />
          </div>
        )}
        <TextField id="decision-rationale" label="Rationale" field="rationale" value={rationale}
                   onChange={setRationale} errors={write.errors} maxLength={5000} multiline required />
        <Submit write={write}>Propose</Submit>
      </form>
    </ActionPanel>
  );
}

/** A lead's review: approve the proposed decision or send it back with comments; retry failed enforcement. */
export function ReviewForms({ handle, allowed }: { handle: CaseHandle; allowed: Set<CaseAction> }) {
  const { api } = useConsole();
  const approveWrite = useCaseWrite(handle, []);
  const sendBackWrite = useCaseWrite(handle, ['comments']);
  const retryWrite = useCaseWrite(handle, []);
  const [comments, setComments] = useState('');
  const caseId = handle.c.caseId;
  const failed = (handle.c.decision?.actions ?? []).filter((a) => a.state === 'FAILED' && a.actionId);
  async function sendBack(e: FormEvent) {
    e.preventDefault();
    const ok = await sendBackWrite.run((ifMatch) => api.decisions.sendBackDecision({ caseId, ifMatch,
      decisionSendBack: { comments } }), 'The decision is sent back to the analyst.');
    if (ok) setComments('');
  }
  return (
    <>
      {allowed.has('approve') && (
        <div className="triage">
          <Problems write={approveWrite} />
          <button type="button" disabled={approveWrite.busy} onClick={() => void approveWrite.run((ifMatch) =>
            api.decisions.approveDecision({ caseId, ifMatch }), 'The decision is approved and takes effect.')}>
            Approve the decision
          </button>
        </div>
      )}
      {!allowed.has('approve') && allowed.has('sendBack') && (
        <p>You proposed this decision: another lead approves it.</p>
      )}
      {allowed.has('sendBack') && (
        <ActionPanel title="Send the decision back">
          <form onSubmit={sendBack} noValidate>
            <Problems write={sendBackWrite} />
            <TextField id="send-back-comments" label="Comments for the analyst" field="comments" value={comments}
                       onChange={setComments} errors={sendBackWrite.errors} maxLength={2000} multiline required />
            <Submit write={sendBackWrite}>Send back</Submit>
          </form>
        </ActionPanel>
      )}
      {allowed.has('retry') && (
        <div className="triage">
          <Problems write={retryWrite} />
          {failed.map((a) => (
            <button key={a.actionId} type="button" disabled={retryWrite.busy} onClick={() => void retryWrite.run(
              (ifMatch) => api.decisions.retryEnforcement({ caseId, actionId: a.actionId!, ifMatch }),
              `${humanize(a.action)} is ordered again.`)}>
              Retry {humanize(a.action).toLowerCase()}
            </button>
          ))}
        </div>
      )}
    </>
  );
}

export function CloseForm({ handle }: { handle: CaseHandle }) {
  const { api, session } = useConsole();
  const write = useCaseWrite(handle, ['resolution', 'note']);
  const resolutions = closingResolutions(session, handle.c);
  const [resolution, setResolution] = useState<ResolutionCode>(resolutions[0]);
  const [note, setNote] = useState('');
  const chosen = resolutions.includes(resolution) ? resolution : resolutions[0];
  async function submit(e: FormEvent) {
    e.preventDefault();
    await write.run((ifMatch) => api.decisions.closeCase({ caseId: handle.c.caseId, ifMatch,
      closure: { resolution: chosen, note: note || undefined } }), 'The case is closed.');
  }
  return (
    <ActionPanel title="Close the case">
      <form onSubmit={submit} noValidate>
        <Problems write={write} />
        <div className="field">
          <label htmlFor="close-resolution">Resolution</label>
          <select value={chosen} onChange={(e) => setResolution(e.target.value as ResolutionCode)}
                  {...describedBy('close-resolution', write.errors, 'resolution')}>
            {resolutions.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
          </select>
          <FieldErrors id="close-resolution-errors" messages={write.errors?.byField.resolution} />
        </div>
        <TextField id="close-note" label="Closing note" field="note" value={note} onChange={setNote}
                   errors={write.errors} maxLength={2000} multiline />
        <Submit write={write}>Close</Submit>
      </form>
    </ActionPanel>
  );
}

export function ReopenForm({ handle }: { handle: CaseHandle }) {
  const { api } = useConsole();
  const write = useCaseWrite(handle, ['reason']);
  const [reason, setReason] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await write.run((ifMatch) => api.decisions.reopenCase({ caseId: handle.c.caseId, ifMatch, reason }),
      'The case is open again.');
    if (ok) setReason('');
  }
  return (
    <ActionPanel title="Reopen the case">
      <form onSubmit={submit} noValidate>
        <Problems write={write} />
        <TextField id="reopen-reason" label="New evidence that reopens it" field="reason" value={reason}
                   onChange={setReason} errors={write.errors} maxLength={500} multiline required />
        <Submit write={write}>Reopen</Submit>
      </form>
    </ActionPanel>
  );
}

/**
 * Review the open appeal (invariant 6: not by the decision's proposer or approver): a ruling on each action the
 * decision ordered, and the reasons. Any action overturned orders its reversal.
 */
export function AppealReviewForm({ handle }: { handle: CaseHandle }) {
  const { api } = useConsole();
  const write = useCaseWrite(handle, ['rulings', 'rationale']);
  const appeal = openAppeal(handle.c);
  const actions = appealableActions(handle.c);
  const [rulings, setRulings] = useState<Record<string, Ruling>>({});
  const [rationale, setRationale] = useState('');
  if (!appeal) return null;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await write.run((ifMatch) => api.appeals.decideAppeal({ caseId: handle.c.caseId, appealId: appeal!.appealId,
      ifMatch, appealReview: { rationale, rulings: actions.map((a) => ({ actionId: a.actionId,
        ruling: rulings[a.actionId] ?? 'UPHELD' })) } }), 'The appeal is decided.');
    if (ok) setRationale('');
  }
  return (
    <ActionPanel title="Review the appeal" open>
      <form onSubmit={submit} noValidate>
        <Problems write={write} />
        <p className="text">Filed by {appeal.filedBy} ({humanize(appeal.channel)}): {appeal.statement}</p>
        {actions.map((a, i) => (
          <fieldset key={a.actionId} aria-describedby={write.errors?.byField.rulings ? 'appeal-rulings-errors' : undefined}>
            <legend>{humanize(a.action)}</legend>
            {(['UPHELD', 'OVERTURNED'] as const).map((r) => (
              <label key={r}>
                <input type="radio" name={`ruling-${i}`} value={r} checked={(rulings[a.actionId] ?? 'UPHELD') === r}
                       onChange={() => setRulings({ ...rulings, [a.actionId]: r })} />
                {r === 'UPHELD' ? 'Upheld' : 'Overturned (reversed)'}
              </label>
            ))}
          </fieldset>
        ))}
        <FieldErrors id="appeal-rulings-errors" messages={write.errors?.byField.rulings} />
        <TextField id="appeal-rationale" label="Reasons" field="rationale" value={rationale} onChange={setRationale}
                   errors={write.errors} maxLength={5000} multiline required />
        <Submit write={write}>Decide the appeal</Submit>
      </form>
    </ActionPanel>
  );
}

/** Legal's holds on the case (invariant 8): place one for an accepted regulatory request, release a request's hold. */
export function HoldForms({ handle, allowed }: { handle: CaseHandle; allowed: Set<CaseAction> }) {
  const { api } = useConsole();
  const placeWrite = useCaseWrite(handle, ['requestId']);
  const releaseWrite = useCaseWrite(handle, []);
  const [requestId, setRequestId] = useState('');
  const caseId = handle.c.caseId;
  async function place(e: FormEvent) {
    e.preventDefault();
    const id = requestId.trim();
    const ok = await placeWrite.run(() => api.legalHolds.placeLegalHold({ caseId, legalHoldPlacement: { requestId: id } }),
      `The case is held for request ${id}.`);
    if (ok) setRequestId('');
  }
  return (
    <>
      {allowed.has('releaseHold') && (
        <div className="triage">
          <Problems write={releaseWrite} />
          {(handle.c.holds ?? []).map((h) => (
            <button key={h.requestId} type="button" disabled={releaseWrite.busy} onClick={() => void releaseWrite.run(
              () => api.legalHolds.releaseLegalHold({ caseId, requestId: h.requestId }),
              `The hold of request ${h.requestId} is released.`)}>
              Release the hold of {h.requestId}
            </button>
          ))}
        </div>
      )}
      <ActionPanel title="Place a legal hold">
        <form onSubmit={place} noValidate>
          <Problems write={placeWrite} />
          <TextField id="hold-request" label="Regulatory request id" field="requestId" value={requestId}
                     onChange={setRequestId} errors={placeWrite.errors} maxLength={128} required
                     hint="An accepted, open request. Accepting a request holds the cases of its scope by itself." />
          <Submit write={placeWrite}>Place the hold</Submit>
        </form>
      </ActionPanel>
    </>
  );
}
