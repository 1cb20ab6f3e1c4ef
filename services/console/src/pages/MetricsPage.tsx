import type { RegionMetrics } from '@api';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { attempt } from '../api';
import { useTitle } from '../components/useTitle';
import { useConsole } from '../context';
import { appealSummary, bars, noisiestSources, percent, seconds, type Bar } from '../logic/metrics';
import { humanize } from '../logic/permissions';
import type { ApiProblem } from '../logic/problems';
import { hasAny } from '../logic/session';

const BACKLOG = ['OPEN', 'IN_REVIEW', 'DECISION_PROPOSED'];
const STAGES = ['FIRST_ASSIGNMENT', 'DECISION', 'APPEAL_REVIEW'];

/** A region's figures for its lead (and auditors): backlog, SLA breaches, times, detection and appeal outcomes. */
export function MetricsPage() {
  const { api, session } = useConsole();
  const [params, setParams] = useSearchParams();
  const ownRegions = session.regions.filter((r) => r !== '*');
  const region = params.get('region') ?? ownRegions[0] ?? '';
  const [draft, setDraft] = useState(region);
  const [metrics, setMetrics] = useState<RegionMetrics | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  useTitle(region ? `Metrics of ${region}` : 'Metrics');

  useEffect(() => {
    setDraft(region);
    setMetrics(null);
    setProblem(null);
    if (!region) return;
    let current = true;
    void attempt(() => api.metrics.getRegionMetrics({ region })).then((r) => {
      if (!current) return;
      if (r.ok) setMetrics(r.value);
      else setProblem(r.problem);
    });
    return () => {
      current = false;
    };
  }, [api, region]);

  if (!hasAny(session, 'lead', 'auditor')) {
    return (
      <>
        <h1>Metrics</h1>
        <p>This page is for leads and auditors.</p>
      </>
    );
  }

  function choose(e: FormEvent) {
    e.preventDefault();
    setParams({ region: draft.trim().toUpperCase() });
  }

  return (
    <>
      <h1>{region ? `Metrics of ${region}` : 'Metrics'}</h1>
      {ownRegions.length !== 1 && (
        <form onSubmit={choose} className="actions" aria-label="Region">
          <>
            <label htmlFor="metrics-region">Region</label>
            {ownRegions.length > 1 ? (
              <select id="metrics-region" value={draft} onChange={(e) => setDraft(e.target.value)}>
                {ownRegions.map((r) => <option key={r} value={r}>{r}</option>)}
              </select>
            ) : (
              <input id="metrics-region" type="text" maxLength={8} value={draft} aria-describedby="metrics-region-hint"
                     onChange={(e) => setDraft(e.target.value)} />
            )}
            <button type="submit">Show</button>
            {ownRegions.length === 0 && <span id="metrics-region-hint" className="hint">A region code, such as the
              one in a case's region.</span>}
          </>
        </form>
      )}
      {problem && <p role="alert" className="problem">{problem.status === 404 ? `No region ${region} that you can see.`
        : problem.detail}</p>}
      {metrics && (
        <>
          <p>{metrics.cases} cases; {metrics.openBreached} open cases missed an SLA deadline.</p>
          <div className="metrics-grid">
            <Chart id="backlog" title="Open backlog by status" bars={bars(metrics.backlog, BACKLOG)} />
            <Chart id="breaches" title="Cases that missed an SLA stage" bars={bars(metrics.slaBreaches, STAGES)} />
          </div>
          <section aria-labelledby="times-title" className="panel">
            <h2 id="times-title">Time from opening</h2>
            <table>
              <thead><tr><th scope="col">To</th><th scope="col">Cases</th><th scope="col">Median</th><th scope="col">90th percentile</th></tr></thead>
              <tbody>
                <tr><th scope="row">First assignment</th><td>{metrics.timeToFirstAssignment.cases}</td>
                  <td>{seconds(metrics.timeToFirstAssignment.medianSeconds)}</td>
                  <td>{seconds(metrics.timeToFirstAssignment.p90Seconds)}</td></tr>
                <tr><th scope="row">Decision</th><td>{metrics.timeToDecision.cases}</td>
                  <td>{seconds(metrics.timeToDecision.medianSeconds)}</td>
                  <td>{seconds(metrics.timeToDecision.p90Seconds)}</td></tr>
              </tbody>
            </table>
          </section>
          <section aria-labelledby="sources-title" className="panel">
            <h2 id="sources-title">Detection sources, most false positives first</h2>
            {metrics.sources.length === 0 ? <p>No flagged cases.</p> : (
              <table>
                <thead>
                  <tr><th scope="col">Source</th><th scope="col">Cases</th><th scope="col">Decided</th>
                    <th scope="col">Confirmed</th><th scope="col">False positives</th><th scope="col">False-positive rate</th></tr>
                </thead>
                <tbody>
                  {noisiestSources(metrics.sources).map((s) => (
                    <tr key={`${s.source.kind}:${s.source.id}:${s.source.version}`}>
                      <th scope="row">{humanize(s.source.kind)} {s.source.id} {s.source.version}</th>
                      <td>{s.cases}</td><td>{s.decided}</td><td>{s.confirmed}</td><td>{s.falsePositives}</td>
                      <td>{percent(s.falsePositiveRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="appeals-title" className="panel">
            <h2 id="appeals-title">Appeals</h2>
            <p>{appealSummary(metrics.appeals)}.</p>
          </section>
        </>
      )}
    </>
  );
}

/** A bar chart as native meters: each bar has its label and number in text, so it reads without the picture. */
function Chart({ id, title, bars: data }: { id: string; title: string; bars: Bar[] }) {
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{title}</h2>
      <ul className="chart">
        {data.map((b) => (
          <li key={b.key}>
            <span className="chart-label" id={`${id}-${b.key}`}>{humanize(b.key)}</span>
            <meter min={0} max={b.max} value={b.value} aria-labelledby={`${id}-${b.key}`} />
            <span className="chart-value">{b.value}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
