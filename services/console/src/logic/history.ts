/**
 * The as-of view of a case's history: an instant typed in a `datetime-local` field (the person's own time zone)
 * and the reason an auditor or legal gives for a read (`X-Read-Reason`, recorded with it).
 */

/** The instant a `datetime-local` value names in the browser's time zone; `undefined` when empty or unreadable. */
export function instantFromLocalInput(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return undefined;
  const at = new Date(value); // a date-time without an offset is local time (ECMAScript Date Time String Format)
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** A `datetime-local` value (to the second) for an instant, in the browser's time zone. */
export function localInputOf(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:`
    + `${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

/** As the API's `X-Read-Reason`: at most 500 characters, no control characters. */
export const READ_REASON_MAX = 500;

/**
 * What is wrong with a read reason, or `undefined`. Auditors and legal give one for each recorded read (the console
 * asks for it, though the API would record a read without one: an auditor's read without a reason explains nothing).
 */
export function readReasonProblem(reason: string, required: boolean): string | undefined {
  if (required && reason.trim() === '') return 'Say why you read this case: the reason is recorded with your read.';
  if (reason.length > READ_REASON_MAX) return `At most ${READ_REASON_MAX} characters.`;
  if (/[\u0000-\u001f\u007f]/.test(reason)) return 'One line, without control characters.';
  return undefined;
}
