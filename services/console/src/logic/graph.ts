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

/** Where on its edge a label sits, from the centre: a little nearer the centre than the middle, clear of the nodes. */
const LABEL_AT = 0.45;

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
      edgeX: round(centerX + LABEL_AT * (x - centerX)),
      edgeY: round(centerY + LABEL_AT * (y - centerY)),
      edgeLabel: edgeLabel(r.shared),
      edgeTitle: sharedSignals(r.shared).join(', '),
    };
  });
  return { width, height, centerX, centerY, nodes, left: related.length - drawn.length };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
