import { describe, expect, it } from 'vitest';
import { rebuildView } from './rebuild';

describe('rebuildView', () => {
  it('gives the share of the phase done, rounded down, so 100 means done', () => {
    expect(rebuildView({ state: 'REPLAYING', position: 250, headPosition: 1000 })).toEqual(
      { running: true, percent: 25, phase: 'Replaying the event store into a new index' });
    expect(rebuildView({ state: 'CATCHING_UP', position: 999, headPosition: 1000 }).percent).toBe(99);
  });

  it('never goes past 100 when the store grew past the head it read', () => {
    expect(rebuildView({ state: 'CATCHING_UP', position: 1200, headPosition: 1000 }).percent).toBe(100);
  });

  it('gives no share while the head is unknown (an indeterminate bar)', () => {
    expect(rebuildView({ state: 'REPLAYING', position: 0, headPosition: 0 }).percent).toBeUndefined();
  });

  it('stops at success and failure, and shows nothing running when idle', () => {
    expect(rebuildView({ state: 'SUCCEEDED', position: 10, headPosition: 10 })).toMatchObject({ running: false, percent: 100 });
    expect(rebuildView({ state: 'FAILED', position: 3, headPosition: 10 })).toMatchObject({ running: false });
    expect(rebuildView({ state: 'FAILED', position: 3, headPosition: 10 }).percent).toBeUndefined();
    expect(rebuildView({ state: 'IDLE', position: 0, headPosition: 0 }).running).toBe(false);
  });
});
