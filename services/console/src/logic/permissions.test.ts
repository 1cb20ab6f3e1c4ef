import { describe, expect, it } from 'vitest';
import type { Case, OrderedAction } from '@api';
import { appealableActions, caseActions, closingResolutions } from './permissions';
import { sessionFromClaims } from './session';

const analyst = sessionFromClaims({ preferred_username: 'ana.sea', roles: ['analyst'], regions: ['SEA'] });
const lead = sessionFromClaims({ preferred_username: 'lee.sea', roles: ['lead', 'analyst'], regions: ['SEA'] });
const legal = sessionFromClaims({ preferred_username: 'lex', roles: ['legal'], regions: ['*'] });
const auditor = sessionFromClaims({ preferred_username: 'audrey', roles: ['auditor'], regions: ['*'] });

type View = Pick<Case, 'status' | 'assignee' | 'escalated' | 'mergedInto' | 'decision' | 'links' | 'appeals' | 'holds'>;
const open: View = { status: 'OPEN' };
const decision = (proposedBy: string, actions: OrderedAction[] = []) => ({
  decisionId: 'd', verdict: 'VIOLATION' as const, state: 'PROPOSED' as const, policyRefs: ['P-1'], rationale: 'r',
  actions, proposedBy, approvalRequired: true });
const applied = (id: string, reverses?: string): OrderedAction =>
  ({ actionId: id, action: 'BAN', parameters: {}, state: 'APPLIED', reverses });

describe('caseActions', () => {
  it('lets an analyst take an open case, escalate it and write on it, but not decide it yet', () => {
    expect([...caseActions(analyst, open)].sort()).toEqual(['escalate', 'evidence', 'link', 'merge', 'note', 'take']);
  });

  it('offers unlinking only when something is linked, and no investigation once the case is decided', () => {
    const linked: View = { status: 'IN_REVIEW', assignee: 'ana.sea',
      links: [{ kind: 'DEVICE', value: 'dev-1', linkedBy: 'ana.sea' }] };
    expect(caseActions(analyst, linked)).toContain('unlink');
    expect(caseActions(analyst, { ...linked, status: 'DECIDED' })).not.toContain('unlink');
    expect(caseActions(analyst, { ...linked, status: 'DECIDED' })).not.toContain('merge');
  });

  it('lets only the assignee propose, and release their own case', () => {
    const mine: View = { status: 'IN_REVIEW', assignee: 'ana.sea' };
    const theirs: View = { status: 'IN_REVIEW', assignee: 'nina.sea' };
    expect(caseActions(analyst, mine)).toContain('propose');
    expect(caseActions(analyst, mine)).toContain('release');
    expect(caseActions(analyst, mine)).not.toContain('take');
    expect(caseActions(analyst, theirs)).not.toContain('propose');
    expect(caseActions(analyst, theirs)).not.toContain('release');
    expect(caseActions(analyst, theirs)).toContain('take');
    expect(caseActions(lead, theirs)).toContain('release');
  });

  it('offers approval to a lead other than the proposer (four eyes), sending back to any lead', () => {
    const proposedByLead: View = { status: 'DECISION_PROPOSED', assignee: 'lee.sea', decision: decision('lee.sea') };
    const proposedByAnalyst: View = { ...proposedByLead, decision: decision('ana.sea') };
    expect(caseActions(lead, proposedByAnalyst)).toContain('approve');
    expect(caseActions(lead, proposedByLead)).not.toContain('approve');
    expect(caseActions(lead, proposedByLead)).toContain('sendBack');
    expect(caseActions(analyst, proposedByAnalyst)).not.toContain('approve');
    expect(caseActions(analyst, proposedByAnalyst)).not.toContain('sendBack');
  });

  it('offers a retry to leads when an action failed, and no closing until it is applied', () => {
    const failed: View = { status: 'DECIDED', decision: { ...decision('ana.sea', [
      { actionId: 'a1', action: 'BAN', parameters: {}, state: 'FAILED', failure: 'timeout' }]), state: 'TAKEN' } };
    expect(caseActions(lead, failed)).toContain('retry');
    expect(caseActions(analyst, failed)).not.toContain('retry');
    expect(caseActions(lead, failed)).not.toContain('close');
  });

  it('gives legal notes, evidence and legal holds only, and auditors nothing to do', () => {
    expect([...caseActions(legal, open)].sort()).toEqual(['evidence', 'note', 'placeHold']);
    expect(caseActions(auditor, open).size).toBe(0);
  });

  it('offers nothing on a merged case and de-escalation to leads only', () => {
    expect(caseActions(lead, { status: 'CLOSED', mergedInto: 'c2' }).size).toBe(0);
    const escalated: View = { status: 'OPEN', escalated: true };
    expect(caseActions(lead, escalated)).toContain('deescalate');
    expect(caseActions(analyst, escalated)).not.toContain('deescalate');
    expect(caseActions(analyst, escalated)).not.toContain('escalate');
  });
});

describe('closingResolutions', () => {
  it('closes a decided case as enforced once every action is applied', () => {
    const c: View = { status: 'DECIDED', decision: { ...decision('a', [applied('a1')]), state: 'TAKEN' } };
    expect(closingResolutions(analyst, c)).toEqual(['ENFORCED']);
    const ordered: View = { status: 'DECIDED', decision: { ...decision('a', [
      { actionId: 'a1', action: 'BAN', parameters: {}, state: 'ORDERED' }]), state: 'TAKEN' } };
    expect(closingResolutions(analyst, ordered)).toEqual([]);
  });

  it('closes as overturned when an appeal reversed every action (the overturned ones need not be applied)', () => {
    const c: View = { status: 'DECIDED', decision: { ...decision('a', [
      { actionId: 'a1', action: 'BAN', parameters: {}, state: 'FAILED' }, applied('r1', 'a1')]), state: 'TAKEN' } };
    expect(closingResolutions(lead, c)).toEqual(['OVERTURNED']);
  });

  it('closes a dismissed case as no violation, and an undecided one as subject gone for leads only', () => {
    expect(closingResolutions(analyst, { status: 'DISMISSED' })).toEqual(['NO_VIOLATION']);
    expect(closingResolutions(analyst, { status: 'IN_REVIEW' })).toEqual([]);
    expect(closingResolutions(lead, { status: 'IN_REVIEW' })).toEqual(['SUBJECT_GONE']);
  });
});

describe('appeals', () => {
  const filed = { appealId: 'ap-1', decisionId: 'd', status: 'FILED' as const, filedAt: new Date(), filedBy: 'sue',
    channel: 'SUPPORT' as const, statement: 's', evidenceRefs: [], reviewDueAt: new Date() };
  const appealed = (proposedBy: string, approvedBy?: string): View => ({ status: 'APPEALED', appeals: [filed],
    decision: { ...decision(proposedBy, [applied('a1'), applied('a1r', 'a1')]), state: 'TAKEN', approvedBy } });

  it('lets an analyst or lead who neither proposed nor approved the decision review the open appeal', () => {
    expect(caseActions(analyst, appealed('nina.sea', 'lee.sea'))).toContain('decideAppeal');
    expect(caseActions(lead, appealed('nina.sea', 'other.lead'))).toContain('decideAppeal');
  });

  it('keeps the proposer, the approver and other roles from reviewing it', () => {
    expect(caseActions(analyst, appealed('ana.sea'))).not.toContain('decideAppeal');
    expect(caseActions(lead, appealed('nina.sea', 'lee.sea'))).not.toContain('decideAppeal');
    expect(caseActions(legal, appealed('nina.sea'))).not.toContain('decideAppeal');
    expect(caseActions(auditor, appealed('nina.sea'))).not.toContain('decideAppeal');
  });

  it('offers no review once the appeal is decided', () => {
    const decided = { ...appealed('nina.sea'), appeals: [{ ...filed, status: 'DECIDED' as const }] };
    expect(caseActions(analyst, decided)).not.toContain('decideAppeal');
  });

  it('rules on the actions the decision ordered, not on reversals', () => {
    expect(appealableActions(appealed('nina.sea')).map((a) => a.actionId)).toEqual(['a1']);
  });
});

describe('legal holds', () => {
  const held: View = { status: 'CLOSED', holds: [{ requestId: 'bka-1', placedBy: 'lex', placedAt: new Date() }] };

  it('lets legal place a hold on any case and release one the case has', () => {
    expect(caseActions(legal, open)).toContain('placeHold');
    expect(caseActions(legal, open)).not.toContain('releaseHold');
    expect(caseActions(legal, held)).toContain('releaseHold');
    expect(caseActions(legal, { ...held, mergedInto: 'other' })).toContain('releaseHold');
  });

  it('gives holds to no other role', () => {
    for (const who of [analyst, lead, auditor]) {
      expect(caseActions(who, held)).not.toContain('placeHold');
      expect(caseActions(who, held)).not.toContain('releaseHold');
    }
  });
});
