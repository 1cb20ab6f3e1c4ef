import {
  AdminApi, AppealsApi, AuditApi, CasesApi, Configuration, DecisionsApi, ErasureApi, FetchError, InvestigationApi,
  LegalHoldsApi, MetricsApi, RegulatoryApi, ResponseError, TriageApi,
} from '@api';
import { toProblem, type ApiProblem } from './logic/problems';
import { retryAfterSeconds } from './logic/watch';

/** The generated clients, on the API of the origin that served the console, with the signed-in person's token. */
export interface Api {
  cases: CasesApi;
  triage: TriageApi;
  decisions: DecisionsApi;
  investigation: InvestigationApi;
  metrics: MetricsApi;
  appeals: AppealsApi;
  audit: AuditApi;
  regulatory: RegulatoryApi;
  legalHolds: LegalHoldsApi;
  erasure: ErasureApi;
  admin: AdminApi;
}

export function makeApi(token: () => Promise<string>): Api {
  const configuration = new Configuration({ basePath: window.location.origin, accessToken: token });
  return {
    cases: new CasesApi(configuration),
    triage: new TriageApi(configuration),
    decisions: new DecisionsApi(configuration),
    investigation: new InvestigationApi(configuration),
    metrics: new MetricsApi(configuration),
    appeals: new AppealsApi(configuration),
    audit: new AuditApi(configuration),
    regulatory: new RegulatoryApi(configuration),
    legalHolds: new LegalHoldsApi(configuration),
    erasure: new ErasureApi(configuration),
    admin: new AdminApi(configuration),
  };
}

export type Result<T> = { ok: true; value: T } | { ok: false; problem: ApiProblem };

/**
 * Runs one API call; a refused call becomes its problem details instead of an exception. The generated client throws
 * any status outside 2xx, `304 Not Modified` of a conditional read included: it comes back as a problem of status 304
 * (see `logic/watch.ts`, `pollOutcome`).
 */
export async function attempt<T>(call: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (e) {
    if (e instanceof ResponseError) {
      let body: unknown;
      try {
        body = await e.response.json();
      } catch {
        body = undefined;
      }
      const problem = toProblem(e.response.status, body);
      const retryAfter = retryAfterSeconds(e.response.headers.get('Retry-After'), new Date());
      return { ok: false, problem: retryAfter === undefined ? problem : { ...problem, retryAfter } };
    }
    if (e instanceof FetchError) {
      return { ok: false, problem: { status: 0, code: 'network', detail: 'Casebook cannot be reached. Check your '
          + 'connection and try again.', errors: [] } };
    }
    throw e;
  }
}
