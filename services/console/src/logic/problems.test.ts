import { describe, expect, it } from 'vitest';
import { isStaleVersion, placeFieldErrors, toProblem } from './problems';

describe('toProblem', () => {
  it('keeps the code, detail, field errors and current version of a problem body', () => {
    const p = toProblem(409, { code: 'stale-version', detail: 'the case is at version 8', currentVersion: 8 });
    expect(p).toEqual({ status: 409, code: 'stale-version', detail: 'the case is at version 8', errors: [],
      currentVersion: 8 });
    expect(isStaleVersion(p)).toBe(true);
  });

  it('stands in for a body that is not a problem (a proxy page, empty body)', () => {
    const p = toProblem(503, '<html>busy</html>');
    expect(p.code).toBe('server-error');
    expect(p.detail).toMatch(/could not answer/);
    expect(p.errors).toEqual([]);
  });

  it('drops malformed field errors instead of failing on them', () => {
    const p = toProblem(400, { code: 'invalid-request', errors: [{ field: 'text', message: 'must not be blank' },
      { field: 7 }, null, { message: 'no field' }] });
    expect(p.errors).toEqual([{ field: 'text', message: 'must not be blank' }]);
  });

  it('does not take another conflict for a stale version', () => {
    expect(isStaleVersion(toProblem(409, { code: 'rebuild-running' }))).toBe(false);
    expect(isStaleVersion(toProblem(422, { code: 'stale-version' }))).toBe(false);
  });
});

describe('placeFieldErrors', () => {
  const fields = ['verdict', 'rationale', 'actions', 'actions[0].parameters', 'policyRefs'];

  it('puts each error next to its field, nested paths under the closest field', () => {
    const placed = placeFieldErrors(toProblem(400, { errors: [
      { field: 'rationale', message: 'size must be between 1 and 5000' },
      { field: 'policyRefs[2]', message: 'must match pattern' },
      { field: 'actions[1].action', message: 'is not a valid value' },
      { field: 'actions[0].parameters[reason]', message: 'size must be at most 200' },
    ] }), fields);
    expect(placed.byField).toEqual({
      rationale: ['size must be between 1 and 5000'],
      policyRefs: ['must match pattern'],
      actions: ['is not a valid value'],
      'actions[0].parameters': ['size must be at most 200'],
    });
    expect(placed.unplaced).toEqual([]);
  });

  it('does not match a field by a bare prefix of its name', () => {
    const placed = placeFieldErrors(toProblem(400, { errors: [{ field: 'verdictReason', message: 'unknown' }] }),
      fields);
    expect(placed.byField).toEqual({});
    expect(placed.unplaced).toEqual(['verdictReason: unknown']);
  });

  it('shows a broken business rule, which has no field errors, above the form', () => {
    const placed = placeFieldErrors(toProblem(422, { code: 'legal-ground-required',
      detail: 'a violation on illegal content needs its legal ground' }), fields);
    expect(placed).toEqual({ byField: {}, unplaced: ['a violation on illegal content needs its legal ground'] });
  });
});
