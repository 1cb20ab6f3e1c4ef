import type { RelatedCase } from '@api';
import { CENTRE_HALF, graphLayout, NODE_HALF } from '../logic/graph';

/**
 * Related cases drawn as a graph of shared signals: the case in the middle, each related case around it, the edge
 * labelled with what they share. A picture (`role="img"` with a name); the table beside it is its text alternative,
 * with the links.
 */
export function RelatedGraph({ caseId, related }: { caseId: string; related: RelatedCase[] }) {
  const layout = graphLayout(related);
  const captionId = `related-graph-${caseId}`;
  return (
    <figure className="graph-figure">
      <svg className="graph" viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-labelledby={captionId}>
        {layout.nodes.map((n) => (
          <line key={`e-${n.caseId}`} className="edge" x1={layout.centerX} y1={layout.centerY} x2={n.x} y2={n.y} />
        ))}
        {layout.nodes.map((n) => (
          <g key={`n-${n.caseId}`}>
            <rect className="node" x={n.x - NODE_HALF.w} y={n.y - NODE_HALF.h} width={2 * NODE_HALF.w}
                  height={2 * NODE_HALF.h} rx={6} />
            <text x={n.x} y={n.y + 4} textAnchor="middle">{n.label}</text>
          </g>
        ))}
        <rect className="node-self" x={layout.centerX - CENTRE_HALF.w} y={layout.centerY - CENTRE_HALF.h}
              width={2 * CENTRE_HALF.w} height={2 * CENTRE_HALF.h} rx={8} />
        <text x={layout.centerX} y={layout.centerY + 5} textAnchor="middle">This case</text>
        {/* the labels last: on top of what they might touch */}
        {layout.nodes.map((n) => (
          <g key={`l-${n.caseId}`}>
            <title>{n.edgeTitle}</title>
            <rect x={n.edgeX - 4 - n.edgeLabel.length * 3.3} y={n.edgeY - 10} width={8 + n.edgeLabel.length * 6.6}
                  height={18} fill="#fff" opacity={0.9} />
            <text x={n.edgeX} y={n.edgeY + 4} textAnchor="middle">{n.edgeLabel}</text>
          </g>
        ))}
      </svg>
      <figcaption id={captionId}>
        Graph: this case in the middle, {layout.nodes.length} related case{layout.nodes.length === 1 ? '' : 's'} around
        it, each line labelled with a signal they share{layout.left > 0 ? ` (${layout.left} more in the table)` : ''}.
        The table below lists the same cases with every shared signal.
      </figcaption>
    </figure>
  );
}
