import { describe, expect, it } from 'vitest';
import { regionsLabel, sessionFromClaims } from './session';

describe('sessionFromClaims', () => {
  it('reads the roles and regions claims of a Casebook token, ignoring roles Casebook does not know', () => {
    const s = sessionFromClaims({ preferred_username: 'lee.sea', roles: ['lead', 'ANALYST', 'default-roles-casebook',
      'offline_access'], regions: ['SEA'] });
    expect([...s.roles].sort()).toEqual(['analyst', 'lead']);
    expect(s.regions).toEqual(['SEA']);
    expect(regionsLabel(s)).toBe('SEA');
  });

  it('gives no role and no region for a token without Casebook claims', () => {
    const s = sessionFromClaims({ sub: 'f00', realm_access: { roles: ['lead'] } });
    expect(s.username).toBe('f00');
    expect(s.roles.size).toBe(0);
    expect(regionsLabel(s)).toBe('no region');
  });

  it('reads a single-valued claim and the every-region wildcard', () => {
    const s = sessionFromClaims({ preferred_username: 'lex', roles: 'legal', regions: ['*'] });
    expect([...s.roles]).toEqual(['legal']);
    expect(regionsLabel(s)).toBe('all regions');
  });
});
