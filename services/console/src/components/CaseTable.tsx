import type { CaseSummary } from '@api';
import { Link } from 'react-router';
import { humanize } from '../logic/permissions';
import { slaRisk } from '../logic/sla';

/** Cases as a table: one row per case, its id a link to the case page. */
export function CaseTable({ caption, cases, now }: { caption: string; cases: CaseSummary[]; now: Date }) {
  if (cases.length === 0) {
    return <p>{caption}: none.</p>;
  }
  return (
    <table className="cases">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Subject</th>
          <th scope="col">Category</th>
          <th scope="col">Priority</th>
          <th scope="col">Status</th>
          <th scope="col">Assignee</th>
          <th scope="col">SLA</th>
          <th scope="col">Flags (max score)</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => {
          const risk = slaRisk(c, now);
          return (
            <tr key={c.caseId}>
              <th scope="row"><Link to={`/cases/${encodeURIComponent(c.caseId)}`}>{c.caseId}</Link></th>
              <td>{humanize(c.subject.kind)} {c.subject.id}</td>
              <td>{humanize(c.category)}</td>
              <td>{c.priority}</td>
              <td>{humanize(c.status)}{c.escalated ? ' (escalated)' : ''}</td>
              <td>{c.assignee ?? <span className="muted">unassigned</span>}</td>
              <td className={`sla sla-${risk.level}`}>
                {risk.dueAt ? <time dateTime={risk.dueAt.toISOString()}>{risk.label}</time> : risk.label}
              </td>
              <td>{c.flagCount} ({c.maxScore.toFixed(2)})</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
