import type { RelatedCase } from '@api';
import { describe, expect, it } from 'vitest';
import { edgeLabel, graphLayout, GRAPH_MAX_NODES, sharedSignals } from './graph';

function related(caseId: string, shared: RelatedCase['shared']): RelatedCase {
  return {
    _case: {
      caseId, subject: { kind: 'SELLER', id: `shop-${caseId}` }, region: 'SEA', category: 'BRUSHING',
      status: 'OPEN', priority: 'P2', flagCount: 1, maxScore: 0.5, openedAt: new Date(), slaDueAt: new Date(),
      updatedAt: new Date(), version: 1,
    },
    shared,
  } as RelatedCase;
}

describe('edge labels', () => {
  it('say the signal shared, or the first and how many more', () => {
    expect(edgeLabel({ deviceIds: ['d-1'] })).toBe('device d-1');
    expect(edgeLabel({ ips: ['10.0.0.1'], linkedAccounts: ['acc-9'], deviceIds: ['d-1'] })).toBe('device d-1 +2');
    expect(sharedSignals({ ips: ['10.0.0.1'], linkedAccounts: ['acc-9'] })).toEqual(['IP 10.0.0.1', 'account acc-9']);
  });

  it('shorten a long signal', () => {
    const label = edgeLabel({ paymentFingerprints: ['f'.repeat(64)] });
    expect(label.length).toBe(28);
    expect(label.endsWith('…')).toBe(true);
  });
});

describe('graphLayout', () => {
  it('puts the first related case above the centre and the others around it, edges labelled between the boxes', () => {
    const layout = graphLayout([related('a', { deviceIds: ['d-1'] }), related('b', { ips: ['1.2.3.4'] })], 400, 300);
    expect(layout.centerX).toBe(200);
    // the edge runs from y 150 to 40; it leaves the centre's box at 134 and enters the node's at 54: label at 94
    expect(layout.nodes[0]).toMatchObject({ caseId: 'a', x: 200, y: 40, edgeX: 200, edgeY: 94, edgeLabel: 'device d-1' });
    expect(layout.nodes[1]).toMatchObject({ caseId: 'b', x: 200, y: 260 });
  });

  it('keeps the nodes left and right of the centre clear of it (an ellipse: nodes are wide)', () => {
    const four = ['a', 'b', 'c', 'd'].map((id) => related(id, { deviceIds: ['d'] }));
    const layout = graphLayout(four);
    expect(layout.nodes[1].x - 95).toBeGreaterThan(layout.centerX + 80); // right node's left edge past the centre's
    expect(layout.nodes[3].x + 95).toBeLessThan(layout.centerX - 80);
    expect(layout.left).toBe(0);
  });

  it('draws at most twelve and counts the rest', () => {
    const many = Array.from({ length: 20 }, (_, i) => related(`c${i}`, { deviceIds: ['d'] }));
    const layout = graphLayout(many);
    expect(layout.nodes).toHaveLength(GRAPH_MAX_NODES);
    expect(layout.left).toBe(8);
  });

  it('draws nothing around a case with no related case', () => {
    expect(graphLayout([]).nodes).toEqual([]);
  });
});
