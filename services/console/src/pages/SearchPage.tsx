import {
  CaseStatus, Priority, RiskCategory, type CaseSearchResult,
} from '@api';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { attempt } from '../api';
import { CaseTable } from '../components/CaseTable';
import { describedBy, FieldErrors, FormProblems } from '../components/Forms';
import { useTitle } from '../components/useTitle';
import { useConsole } from '../context';
import { humanize } from '../logic/permissions';
import { placeFieldErrors, type PlacedErrors } from '../logic/problems';
import { searchFromParams, searchToParams, toRequest, type CaseQuery } from '../logic/search';

const PAGE_SIZE = 25;
const FIELDS = ['q', 'signal', 'subjectId', 'status', 'category', 'priority', 'enforcement', 'page'];

/**
 * Search by free text, a signal (device id, IP, payment fingerprint, linked account), status, category and
 * priority, with the facet counts of all matches. The search lives in the URL: it can be bookmarked and shared.
 */
export function SearchPage() {
  useTitle('Search');
  const { api } = useConsole();
  const [params, setParams] = useSearchParams();
  const request = searchFromParams(params);
  const [draft, setDraft] = useState<CaseQuery>(request);
  const [result, setResult] = useState<CaseSearchResult | null>(null);
  const [errors, setErrors] = useState<PlacedErrors | null>(null);
  const [loadedAt, setLoadedAt] = useState(new Date());
  const key = params.toString();

  useEffect(() => {
    setDraft(searchFromParams(new URLSearchParams(key)));
    let current = true; // without criteria: every case of the person's regions, P1 and the nearest deadline first
    void attempt(() => api.cases.searchCases(toRequest(searchFromParams(new URLSearchParams(key)), PAGE_SIZE)))
      .then((r) => {
        if (!current) return;
        if (r.ok) {
          setResult(r.value);
          setErrors(null);
        } else {
          setResult(null);
          setErrors(placeFieldErrors(r.problem, FIELDS));
        }
        setLoadedAt(new Date());
      });
    return () => {
      current = false;
    };
  }, [api, key]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setParams(searchToParams({ ...draft, page: undefined }));
  }

  function toggle<T extends string>(name: 'status' | 'category' | 'priority', value: T) {
    const list = (draft[name] ?? []) as T[];
    setDraft({ ...draft, [name]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] });
  }

  const page = request.page ?? 0;
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  return (
    <>
      <h1>Search cases</h1>
      <form role="search" aria-label="Cases" onSubmit={submit} className="search-form" noValidate>
        <FormProblems errors={errors} stale={null} onReload={() => undefined} />
        <div className="field">
          <label htmlFor="q">Text</label>
          <input type="search" maxLength={200} value={draft.q ?? ''}
                 onChange={(e) => setDraft({ ...draft, q: e.target.value || undefined })}
                 {...describedBy('q', errors, 'q', true)} />
          <p id="q-hint" className="hint">Subject ids, signals and note text.</p>
          <FieldErrors id="q-errors" messages={errors?.byField.q} />
        </div>
        <div className="field">
          <label htmlFor="signal">Signal</label>
          <input type="text" maxLength={256} value={draft.signal ?? ''}
                 onChange={(e) => setDraft({ ...draft, signal: e.target.value || undefined })}
                 {...describedBy('signal', errors, 'signal', true)} />
          <p id="signal-hint" className="hint">A device id, IP address, payment fingerprint or linked account.</p>
          <FieldErrors id="signal-errors" messages={errors?.byField.signal} />
        </div>
        <div className="field">
          <label htmlFor="subjectId">Subject id</label>
          <input type="text" maxLength={128} value={draft.subjectId ?? ''}
                 onChange={(e) => setDraft({ ...draft, subjectId: e.target.value || undefined })}
                 {...describedBy('subjectId', errors, 'subjectId')} />
          <FieldErrors id="subjectId-errors" messages={errors?.byField.subjectId} />
        </div>
        <Choices legend="Status" name="status" values={Object.values(CaseStatus)} chosen={draft.status ?? []}
                 onToggle={(v) => toggle('status', v)} errors={errors?.byField.status} />
        <Choices legend="Priority" name="priority" values={Object.values(Priority)} chosen={draft.priority ?? []}
                 onToggle={(v) => toggle('priority', v)} errors={errors?.byField.priority} />
        <Choices legend="Category" name="category" values={Object.values(RiskCategory)} chosen={draft.category ?? []}
                 onToggle={(v) => toggle('category', v)} errors={errors?.byField.category} />
        <div className="actions">
          <button type="submit">Search</button>
          <button type="button" onClick={() => { setDraft({}); setParams(new URLSearchParams()); }}>Clear</button>
        </div>
      </form>
      {result && (
        <>
          <section aria-labelledby="facets-title" className="panel">
            <h2 id="facets-title">All {result.total} matches by status and category</h2>
            <Facet title="Status" counts={result.facets.status}
                   onPick={(v) => setParams(searchToParams({ ...request, status: [v as CaseStatus], page: undefined }))} />
            <Facet title="Category" counts={result.facets.category}
                   onPick={(v) => setParams(searchToParams({ ...request, category: [v as RiskCategory], page: undefined }))} />
          </section>
          <CaseTable caption={`Matching cases, page ${page + 1} of ${pages}`} cases={result.items} now={loadedAt} />
          <nav aria-label="Result pages" className="pager">
            <button type="button" disabled={page === 0}
                    onClick={() => setParams(searchToParams({ ...request, page: page - 1 }))}>Previous page</button>
            <button type="button" disabled={page + 1 >= pages}
                    onClick={() => setParams(searchToParams({ ...request, page: page + 1 }))}>Next page</button>
          </nav>
        </>
      )}
    </>
  );
}

function Choices<T extends string>({ legend, name, values, chosen, onToggle, errors }: {
  legend: string; name: string; values: T[]; chosen: T[]; onToggle: (value: T) => void; errors?: string[];
}) {
  return (
    <fieldset className="choices" aria-describedby={errors?.length ? `${name}-errors` : undefined}>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v}>
          <input type="checkbox" name={name} value={v} checked={chosen.includes(v)} onChange={() => onToggle(v)} />
          {humanize(v)}
        </label>
      ))}
      <FieldErrors id={`${name}-errors`} messages={errors} />
    </fieldset>
  );
}

/** Counts over all matches; each value narrows the search to it. */
function Facet({ title, counts, onPick }: {
  title: string; counts: Record<string, number>; onPick: (value: string) => void;
}) {
  const entries = Object.entries(counts).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  return (
    <div className="facet">
      <h3>{title}</h3>
      {entries.length === 0 ? <p>none</p> : (
        <dl className="counts">
          {entries.map(([value, n]) => (
            <div key={value}>
              <dt>
                <button type="button" className="facet-value" onClick={() => onPick(value)}
                        aria-label={`Only ${humanize(value).toLowerCase()}: ${n}`}>{humanize(value)}</button>
              </dt>
              <dd>{n}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
