import type { Case, EnforcementAction, OrderedAction, ResolutionCode, SubjectKind } from '@api';
import { hasAny, type Session } from './session';

/**
 * What the console offers on a case: the roles of the API's permission table (CasePermissions, SecurityConfiguration)
 * and the statuses the case's rules accept. It only hides what cannot succeed; the API still decides.
 */
export type CaseAction =
  | 'take' | 'release' | 'escalate' | 'deescalate' | 'note' | 'evidence' | 'link' | 'unlink' | 'merge'
  | 'propose' | 'approve' | 'sendBack' | 'retry' | 'close' | 'reopen' | 'decideAppeal' | 'placeHold' | 'releaseHold';

type CaseView = Pick<Case, 'status' | 'assignee' | 'escalated' | 'mergedInto' | 'decision' | 'links' | 'appeals' | 'holds'>;

export function caseActions(session: Session, c: CaseView): Set<CaseAction> {
  const actions = new Set<CaseAction>();
  const worker = hasAny(session, 'analyst', 'lead');
  const lead = hasAny(session, 'lead');
  const me = session.username;
  const working = c.status === 'OPEN' || c.status === 'IN_REVIEW';
  // legal holds (invariant 8) are legal's, on a case in any state, merged ones included
  if (hasAny(session, 'legal')) {
    actions.add('placeHold');
    if ((c.holds ?? []).length > 0) actions.add('releaseHold');
  }
  if (c.mergedInto) {
    return actions; // a merged case is read only: its work goes on in the case it was merged into
  }
  if (hasAny(session, 'analyst', 'lead', 'legal')) {
    actions.add('note');
    actions.add('evidence');
  }
  if (worker && working) {
    if (c.assignee !== me) actions.add('take');
    if (!c.escalated) actions.add('escalate');
    actions.add('link');
    if ((c.links ?? []).length > 0) actions.add('unlink');
    actions.add('merge'); // a duplicate of the same subject merges into this case
  }
  if (worker && c.status === 'IN_REVIEW' && (c.assignee === me || lead)) actions.add('release');
  if (lead && working && c.escalated) actions.add('deescalate');
  if (worker && c.status === 'IN_REVIEW' && c.assignee === me) actions.add('propose');
  if (lead && c.status === 'DECISION_PROPOSED') {
    actions.add('sendBack');
    // four eyes: the person who proposed a decision does not approve it
    if (c.decision?.proposedBy !== me) actions.add('approve');
  }
  if (lead && c.status === 'DECIDED' && (c.decision?.actions ?? []).some((a) => a.state === 'FAILED')) {
    actions.add('retry');
  }
  // invariant 6: an appeal is reviewed by someone who neither proposed nor approved the decision
  if (worker && c.status === 'APPEALED' && openAppeal(c) !== undefined
      && c.decision?.proposedBy !== me && c.decision?.approvedBy !== me) {
    actions.add('decideAppeal');
  }
  if (worker && closingResolutions(session, c).length > 0) actions.add('close');
  if (worker && c.status === 'CLOSED') actions.add('reopen');
  return actions;
}

/** The appeal waiting for its review, if any. */
export function openAppeal(c: Pick<Case, 'appeals'>) {
  return (c.appeals ?? []).find((a) => a.status === 'FILED');
}

/** The actions an appeal's review rules on: those the decision ordered (not the reversals an earlier appeal ordered). */
export function appealableActions(c: Pick<Case, 'decision'>) {
  return (c.decision?.actions ?? []).filter((a): a is OrderedAction & { actionId: string } => !a.reverses && !!a.actionId);
}

/** The resolutions a case can close with now, for this person (SUBJECT_GONE on an undecided case: leads only). */
export function closingResolutions(session: Session, c: CaseView): ResolutionCode[] {
  switch (c.status) {
    case 'DECIDED': {
      // as Decision.requireEnforcementSettled: every action applied, except those an appeal overturned
      const actions = c.decision?.actions ?? [];
      const reversed = new Set(actions.map((a) => a.reverses).filter((id): id is string => !!id));
      const originals = actions.filter((a) => !a.reverses);
      const overturned = (a: { actionId?: string; reverses?: string }) =>
        !a.reverses && a.actionId !== undefined && reversed.has(a.actionId);
      if (!actions.every((a) => a.state === 'APPLIED' || overturned(a))) {
        return []; // enforcement is still under way, or failed and waits for a retry
      }
      return [originals.length > 0 && originals.every(overturned) ? 'OVERTURNED' : 'ENFORCED'];
    }
    case 'DISMISSED':
      return ['NO_VIOLATION'];
    case 'OPEN':
    case 'IN_REVIEW':
      return hasAny(session, 'lead') ? ['SUBJECT_GONE'] : [];
    default:
      return [];
  }
}

/** The enforcement actions that fit a subject kind (invariant 5, SubjectKindPolicy). */
export const ACTIONS_BY_SUBJECT: Record<SubjectKind, readonly EnforcementAction[]> = {
  SELLER: ['WARN', 'LIMIT_LISTINGS', 'SUSPEND_SELLING', 'WITHHOLD_PAYOUTS', 'BAN'],
  CREATOR: ['WARN', 'RESTRICT_LIVE_SELLING', 'REVOKE_AFFILIATE_STATUS', 'CLAW_BACK_COMMISSION', 'BAN'],
  TRANSACTION: ['CANCEL_ORDER', 'REFUND_BUYER', 'BLOCK_PAYMENT_INSTRUMENT', 'REVERSE_INCENTIVE'],
};

/** Words for codes: `SUSPEND_SELLING` reads "Suspend selling". */
export function humanize(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
