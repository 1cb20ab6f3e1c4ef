import { hasAny, type Role, type Session } from './session';

/**
 * The console's screens and the roles each is for, as the API's routes allow them (SecurityConfiguration,
 * `x-casebook-roles` of the OpenAPI spec). The navigation shows a person the screens of their roles; the API still
 * decides each call.
 */
export type Screen =
  | 'queue' | 'search' | 'approvals' | 'metrics' | 'regulatory' | 'erasure' | 'audit' | 'appeal' | 'admin';

interface ScreenEntry {
  screen: Screen;
  path: string;
  label: string;
  roles: readonly Role[];
}

/** Roles that read cases: every Casebook role of a person except support and privacy (docs/security.md). */
export const CASE_READERS: readonly Role[] = ['analyst', 'lead', 'legal', 'auditor', 'admin'];

export const SCREENS: readonly ScreenEntry[] = [
  { screen: 'queue', path: '/', label: 'Queue', roles: CASE_READERS },
  { screen: 'search', path: '/search', label: 'Search', roles: CASE_READERS },
  { screen: 'approvals', path: '/approvals', label: 'Approvals and enforcement', roles: ['lead'] },
  { screen: 'metrics', path: '/metrics', label: 'Metrics', roles: ['lead', 'auditor'] },
  { screen: 'regulatory', path: '/regulatory-requests', label: 'Regulatory requests', roles: ['legal'] },
  { screen: 'erasure', path: '/erasure', label: 'Erasure', roles: ['legal', 'privacy'] },
  { screen: 'audit', path: '/audit', label: 'Audit', roles: ['auditor', 'admin'] },
  { screen: 'appeal', path: '/appeals/new', label: 'File an appeal', roles: ['support'] },
  { screen: 'admin', path: '/admin', label: 'Search index', roles: ['admin'] },
];

/** The screens of a person's roles, in the navigation's order. */
export function screensFor(session: Session): ScreenEntry[] {
  return SCREENS.filter((s) => hasAny(session, ...s.roles));
}

export function canSee(session: Session, screen: Screen): boolean {
  return screensFor(session).some((s) => s.screen === screen);
}

/** Where a person starts: the queue for those who read cases, else their first screen (none: a page saying so). */
export function homeScreen(session: Session): ScreenEntry | undefined {
  return screensFor(session)[0];
}

/** Whether reading a case's history or export is recorded as this person's read, with the reason they give. */
export function readsAreRecorded(session: Session): boolean {
  return hasAny(session, 'auditor', 'legal');
}

/** Who downloads a case's export bundle (GET /cases/{id}/export). */
export function canExport(session: Session): boolean {
  return hasAny(session, 'auditor', 'legal');
}
