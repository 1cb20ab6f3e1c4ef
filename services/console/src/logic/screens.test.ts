import { describe, expect, it } from 'vitest';
import { canExport, canSee, homeScreen, readsAreRecorded, screensFor } from './screens';
import type { Role, Session } from './session';

function person(...roles: Role[]): Session {
  return { username: 'someone', roles: new Set(roles), regions: ['SEA'] };
}

describe('screensFor', () => {
  it('gives an analyst the queue and search only', () => {
    expect(screensFor(person('analyst')).map((s) => s.screen)).toEqual(['queue', 'search']);
  });

  it('gives legal the case screens, regulatory requests and erasure, but not audit or approvals', () => {
    expect(screensFor(person('legal')).map((s) => s.screen)).toEqual(['queue', 'search', 'regulatory', 'erasure']);
  });

  it('gives an auditor metrics and the audit screen besides the case screens', () => {
    expect(screensFor(person('auditor')).map((s) => s.screen)).toEqual(['queue', 'search', 'metrics', 'audit']);
  });

  it('gives roles that read no case their own screens: support files appeals, privacy erases', () => {
    expect(screensFor(person('support')).map((s) => s.screen)).toEqual(['appeal']);
    expect(screensFor(person('privacy')).map((s) => s.screen)).toEqual(['erasure']);
    expect(homeScreen(person('support'))?.path).toBe('/appeals/new');
  });

  it('gives an admin the index rebuild and nothing to a token without Casebook roles', () => {
    expect(canSee(person('admin'), 'admin')).toBe(true);
    expect(canSee(person('lead'), 'admin')).toBe(false);
    expect(screensFor(person())).toEqual([]);
    expect(homeScreen(person())).toBeUndefined();
  });
});

describe('recorded reads and exports', () => {
  it('are for auditors and legal', () => {
    expect(readsAreRecorded(person('auditor'))).toBe(true);
    expect(readsAreRecorded(person('legal'))).toBe(true);
    expect(readsAreRecorded(person('analyst', 'lead'))).toBe(false);
    expect(canExport(person('legal'))).toBe(true);
    expect(canExport(person('lead'))).toBe(false);
  });
});
