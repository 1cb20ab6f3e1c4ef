import type { RelatedCase, Signals } from '@api';

/** The related-cases graph: this case in the middle, the related cases on a circle around it, edges labelled. */
export interface GraphNode {
  caseId: string;
  label: string;
  x: number;
  y: number;
  /** Where the edge's label goes (the middle of the edge), and what it says. */
  edgeX: number;
  edgeY: number;
  edgeLabel: string;
  /** Every shared signal, for the edge's tooltip. */
  edgeTitle: string;
}

export interface GraphLayout {
  width: number;
  height: number;
  centerX: number;
  centerY: number;
  nodes: GraphNode[];
  /** Related cases not drawn (the table lists them all). */
  left: number;
}

/** At most this many related cases are drawn; beyond it the labels would overlap. */
export const GRAPH_MAX_NODES = 12;
const EDGE_LABEL_MAX = 28;

const KINDS: [keyof Signals, string][] = [
  ['deviceIds', 'device'], ['ips', 'IP'], ['paymentFingerprints', 'payment'], ['linkedAccounts', 'account'],
];

/** Each shared signal as "device d-1", in the order of the signal kinds. */
export function sharedSignals(shared: Signals): string[] {
  return KINDS.flatMap(([key, word]) => (shared[key] ?? []).map((v) => `${word} ${v}`));
}

/** An edge's label: the one signal shared, or the first and how many more; shortened to fit. */
export function edgeLabel(shared: Signals): string {
  const all = sharedSignals(shared);
  if (all.length === 0) return '';
  const first = all[0].length > EDGE_LABEL_MAX ? `${all[0].slice(0, EDGE_LABEL_MAX - 1)}…` : all[0];
  return all.length === 1 ? first : `${first} +${all.length - 1}`;
}

/** Half the sizes of the boxes drawn (RelatedGraph): the case in the middle and each related case. */
export const CENTRE_HALF = { w: 80, h: 16 };
export const NODE_HALF = { w: 95, h: 14 };

/** How far along a line from a box's centre (as a share of `dx`, `dy`) the line leaves the box. */
function exitShare(dx: number, dy: number, half: { w: number; h: number }): number {
  return Math.min(dx === 0 ? Infinity : half.w / Math.abs(dx), dy === 0 ? Infinity : half.h / Math.abs(dy));
}

/**
 * Places the related cases (already ordered by the API: most kinds of signal shared first) evenly on an ellipse
 * around the case (the nodes are wider than tall), the first at the top, clockwise.
 */
export function graphLayout(related: readonly RelatedCase[], width = 800, height = 440): GraphLayout {
  const drawn = related.slice(0, GRAPH_MAX_NODES);
  const centerX = width / 2;
  const centerY = height / 2;
  const radiusX = width / 2 - 110;
  const radiusY = height / 2 - 40;
  const nodes = drawn.map((r, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / drawn.length;
    const x = round(centerX + radiusX * Math.cos(angle));
    const y = round(centerY + radiusY * Math.sin(angle));
    return {
      caseId: r._case.caseId,
      label: `${r._case.caseId.slice(0, 8)} · ${r._case.subject.id}`.slice(0, 30),
      x, y,
      ...labelPoint(centerX, centerY, x, y),
      edgeLabel: edgeLabel(r.shared),
      edgeTitle: sharedSignals(r.shared).join(', '),
    };
  });
  return { width, height, centerX, centerY, nodes, left: related.length - drawn.length };
}

/** The middle of the part of an edge between the two boxes, where its label is seen whole. */
function labelPoint(cx: number, cy: number, x: number, y: number): { edgeX: number; edgeY: number } {
  const dx = x - cx;
  const dy = y - cy;
  const from = exitShare(dx, dy, CENTRE_HALF);
  const to = 1 - exitShare(dx, dy, NODE_HALF);
  const t = (from + to) / 2;
  return { edgeX: round(cx + t * dx), edgeY: round(cy + t * dy) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
