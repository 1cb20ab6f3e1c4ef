import type { Case } from '@api';
import { useState } from 'react';
import { attempt } from '../api';
import { isStaleVersion, placeFieldErrors, type ApiProblem, type PlacedErrors } from '../logic/problems';

/** What the action forms of a case page share: the case as read, its ETag, and what to do after a write. */
export interface CaseHandle {
  c: Case;
  etag: string;
  /** Reads the case again (after a stale version: the forms keep what was typed). */
  reload: () => Promise<void>;
  /** After a write: says what happened and shows the case at the version the write answered, or later. */
  written: (version: number, message: string) => Promise<void>;
  /** Marks a write under way (the page does not poll meanwhile); call what it returns when the write is over. */
  beginWrite?: () => () => void;
}

/** What a versioned write needs of what it changes: a case, or a regulatory request (the same `If-Match` rules). */
export type WriteTarget = Pick<CaseHandle, 'etag' | 'reload' | 'written' | 'beginWrite'>;

/**
 * One write on the case (or another versioned resource) with `If-Match` from the ETag the page read: field errors go
 * next to their fields, a stale version (409) asks for a reload, which keeps what was typed.
 */
export function useCaseWrite(handle: WriteTarget, fields: readonly string[]) {
  const [errors, setErrors] = useState<PlacedErrors | null>(null);
  const [stale, setStale] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(call: (ifMatch: string) => Promise<{ version: number }>, done: string): Promise<boolean> {
    setBusy(true);
    const end = handle.beginWrite?.();
    try {
      const r = await attempt(() => call(handle.etag));
      if (r.ok) {
        setErrors(null);
        setStale(null);
        await handle.written(r.value.version, done);
        return true;
      }
      if (isStaleVersion(r.problem)) {
        setErrors(null);
        setStale(r.problem);
      } else {
        setStale(null);
        setErrors(placeFieldErrors(r.problem, fields));
      }
      return false;
    } finally {
      end?.();
      setBusy(false);
    }
  }

  async function reload() {
    setStale(null);
    await handle.reload();
  }

  return { errors, stale, busy, run, reload };
}
