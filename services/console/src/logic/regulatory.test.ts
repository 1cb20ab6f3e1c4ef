import { describe, expect, it } from 'vitest';
import {
  canApproveDisclosure, caseIdsOf, regulatoryQueryFromParams, regulatoryQueryToParams, regulatoryRequestOf,
  requestActions,
} from './regulatory';
import { sessionFromClaims } from './session';

const lex = sessionFromClaims({ preferred_username: 'lex', roles: ['legal'], regions: ['*'] });
const lena = sessionFromClaims({ preferred_username: 'lena', roles: ['legal'], regions: ['*'] });
const auditor = sessionFromClaims({ preferred_username: 'audrey', roles: ['auditor'], regions: ['*'] });

describe('the regulatory requests search in the URL', () => {
  it('reads back what it wrote', () => {
    const query = { authority: 'BKA', status: ['RECEIVED' as const, 'ACCEPTED' as const], dueAfter: '2026-12-01',
      dueBefore: '2026-12-31', page: 2 };
    expect(regulatoryQueryFromParams(regulatoryQueryToParams(query))).toEqual(query);
  });

  it('drops what the API would refuse: unknown statuses, days that do not exist, negative pages', () => {
    const params = new URLSearchParams('status=LOST&status=CLOSED&dueAfter=2026-02-30&dueBefore=soon&page=-3');
    expect(regulatoryQueryFromParams(params)).toEqual({ status: ['CLOSED'] });
  });

  it('searches due before the end of the last day chosen', () => {
    const request = regulatoryRequestOf({ dueAfter: '2026-12-01', dueBefore: '2026-12-31' });
    expect(request.dueAfter).toEqual(new Date(2026, 11, 1));
    expect(request.dueBefore).toEqual(new Date(2027, 0, 1));
    expect(request.size).toBe(20);
  });
});

describe('requestActions', () => {
  it('offers the review of a received request, the answer to a clarification, the closing of an accepted one', () => {
    expect([...requestActions(lex, 'RECEIVED')].sort()).toEqual(['accept', 'askClarification', 'reject']);
    expect([...requestActions(lex, 'CLARIFICATION_REQUESTED')].sort()).toEqual(['recordClarification', 'reject']);
    expect([...requestActions(lex, 'ACCEPTED')].sort()).toEqual(['close', 'prepareDisclosure']);
  });

  it('offers nothing on a request that is over, nor to other roles', () => {
    expect(requestActions(lex, 'REJECTED').size).toBe(0);
    expect(requestActions(lex, 'CLOSED').size).toBe(0);
    expect(requestActions(auditor, 'RECEIVED').size).toBe(0);
  });
});

describe('canApproveDisclosure', () => {
  it('lets a second legal user approve a prepared package, never the one who prepared it', () => {
    expect(canApproveDisclosure(lena, { status: 'PREPARED', preparedBy: 'lex' })).toBe(true);
    expect(canApproveDisclosure(lex, { status: 'PREPARED', preparedBy: 'lex' })).toBe(false);
    expect(canApproveDisclosure(lena, { status: 'APPROVED', preparedBy: 'lex' })).toBe(false);
    expect(canApproveDisclosure(auditor, { status: 'PREPARED', preparedBy: 'lex' })).toBe(false);
  });
});

describe('caseIdsOf', () => {
  it('reads ids one per line or separated by commas, once each', () => {
    expect(caseIdsOf('a\nb, c  a;')).toEqual(['a', 'b', 'c']);
    expect(caseIdsOf('  ')).toEqual([]);
  });
});
