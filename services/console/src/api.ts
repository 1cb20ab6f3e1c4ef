import {
  CasesApi, Configuration, DecisionsApi, FetchError, InvestigationApi, MetricsApi, ResponseError, TriageApi,
} from '@api';
import { toProblem, type ApiProblem } from './logic/problems';

/** The generated clients, on the API of the origin that served the console, with the signed-in person's token. */
export interface Api {
  cases: CasesApi;
  triage: TriageApi;
  decisions: DecisionsApi;
  investigation: InvestigationApi;
  metrics: MetricsApi;
}

export function makeApi(token: () => Promise<string>): Api {
  const configuration = new Configuration({ basePath: window.location.origin, accessToken: token });
  return {
    cases: new CasesApi(configuration),
    triage: new TriageApi(configuration),
    decisions: new DecisionsApi(configuration),
    investigation: new InvestigationApi(configuration),
    metrics: new MetricsApi(configuration),
  };
}

export type Result<T> = { ok: true; value: T } | { ok: false; problem: ApiProblem };

/** Runs one API call; a refused call becomes its problem details instead of an exception. */
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
      return { ok: false, problem: toProblem(e.response.status, body) };
    }
    if (e instanceof FetchError) {
      return { ok: false, problem: { status: 0, code: 'network', detail: 'Casebook cannot be reached. Check your '
          + 'connection and try again.', errors: [] } };
    }
    throw e;
  }
}
