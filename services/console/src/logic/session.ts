/** Who is signed in, read from the access token's claims exactly as the API reads them (docs/adr/0007). */
export interface Session {
  username: string;
  roles: ReadonlySet<Role>;
  /** The regions the person works in; `*` is every region. */
  regions: readonly string[];
}

export const ROLES = ['analyst', 'lead', 'legal', 'privacy', 'auditor', 'admin', 'support', 'appeals', 'detection'] as const;
export type Role = (typeof ROLES)[number];

/** The claims of a Keycloak access token of the casebook realm: `roles` and `regions` are Casebook's mappers. */
export function sessionFromClaims(claims: Record<string, unknown> | undefined): Session {
  const username = typeof claims?.preferred_username === 'string' ? claims.preferred_username
    : typeof claims?.sub === 'string' ? claims.sub : 'unknown';
  const roles = new Set<Role>(strings(claims?.roles).map((r) => r.toLowerCase())
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r)));
  return { username, roles, regions: strings(claims?.regions) };
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function hasAny(session: Session, ...roles: Role[]): boolean {
  return roles.some((r) => session.roles.has(r));
}

/** The regions as people say them: "all regions" for `*`. */
export function regionsLabel(session: Session): string {
  if (session.regions.includes('*')) return 'all regions';
  return session.regions.length === 0 ? 'no region' : session.regions.join(', ');
}
