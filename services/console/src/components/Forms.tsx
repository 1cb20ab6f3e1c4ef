import type { ReactNode } from 'react';
import type { ApiProblem, PlacedErrors } from '../logic/problems';

/** The messages the API gave for one field, tied to it by `aria-describedby` (see {@link describedBy}). */
export function FieldErrors({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages || messages.length === 0) return null;
  return (
    <ul id={id} className="field-errors">
      {messages.map((m) => <li key={m}>{m}</li>)}
    </ul>
  );
}

/** The props that tie an input to its hint and error messages. */
export function describedBy(id: string, errors: PlacedErrors | null, field: string, hint?: boolean) {
  const ids = [hint ? `${id}-hint` : '', errors?.byField[field]?.length ? `${id}-errors` : ''].filter(Boolean);
  return {
    id,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
    'aria-invalid': errors?.byField[field]?.length ? true : undefined,
  };
}

/**
 * What went wrong with a form as a whole: a stale version (409) with a reload that keeps what was typed, or the
 * problems no field of the form claims.
 */
export function FormProblems({ errors, stale, onReload, thing = 'case' }: {
  errors: PlacedErrors | null;
  stale: ApiProblem | null;
  onReload: () => void;
  /** What was changed meanwhile: "case", "request". */
  thing?: string;
}) {
  if (stale) {
    return (
      <div role="alert" className="problem">
        <p>
          Someone changed this {thing} while you were working on it
          {stale.currentVersion !== undefined ? ` (it is now at version ${stale.currentVersion})` : ''}, so nothing
          was saved. Reload the {thing} to see the change; what you typed here stays, and you can send it again.
        </p>
        <button type="button" onClick={onReload}>Reload the {thing}</button>
      </div>
    );
  }
  if (!errors || errors.unplaced.length === 0) {
    return errors && Object.keys(errors.byField).length > 0
      ? <p role="alert" className="problem">Some fields need a change: see the messages next to them.</p>
      : null;
  }
  return (
    <div role="alert" className="problem">
      <ul>{errors.unplaced.map((m) => <li key={m}>{m}</li>)}</ul>
    </div>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
