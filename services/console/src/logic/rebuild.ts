import type { RebuildStatus } from '@api';

/** What the admin's index rebuild screen shows of a rebuild's status (GET /admin/projections/case-search/rebuild). */
export interface RebuildView {
  /** Whether a rebuild is under way (polling goes on). */
  running: boolean;
  /** Share of the current phase done, 0 to 100, whole; `undefined` when unknown (a `<progress>` without a value). */
  percent?: number;
  /** The phase in words. */
  phase: string;
}

/**
 * `position` of `headPosition` is the share of the current phase done (replaying the event store, then catching up
 * with what came meanwhile). A head of 0 (an empty store, or not known yet) gives no share; a finished rebuild is 100.
 */
export function rebuildView(status: Pick<RebuildStatus, 'state' | 'position' | 'headPosition'>): RebuildView {
  switch (status.state) {
    case 'IDLE':
      return { running: false, phase: 'No rebuild since this instance started.' };
    case 'SUCCEEDED':
      return { running: false, percent: 100, phase: 'Done: searches answer from the new index.' };
    case 'FAILED':
      return { running: false, phase: 'Failed: searches still answer from the old index.' };
    case 'REPLAYING':
    case 'CATCHING_UP': {
      const phase = status.state === 'REPLAYING' ? 'Replaying the event store into a new index'
        : 'Catching up with the events stored meanwhile';
      return { running: true, percent: share(status.position, status.headPosition), phase };
    }
  }
}

function share(position: number, head: number): number | undefined {
  if (!(head > 0) || !(position >= 0)) return undefined;
  return Math.min(100, Math.floor((position / head) * 100));
}
