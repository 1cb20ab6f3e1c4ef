import { describe, expect, it } from 'vitest';
import { instantFromLocalInput, localInputOf, readReasonProblem } from './history';

describe('as-of instants', () => {
  it('reads a datetime-local value as local time, to the minute or the second', () => {
    const at = instantFromLocalInput('2026-12-06T14:05');
    expect(at).toEqual(new Date(2026, 11, 6, 14, 5, 0));
    expect(instantFromLocalInput('2026-12-06T14:05:09')).toEqual(new Date(2026, 11, 6, 14, 5, 9));
  });

  it('gives nothing for an empty or broken value', () => {
    expect(instantFromLocalInput('')).toBeUndefined();
    expect(instantFromLocalInput('yesterday')).toBeUndefined();
    expect(instantFromLocalInput('2026-13-45T99:99')).toBeUndefined();
  });

  it('writes an instant back as the same local value', () => {
    const at = new Date(2026, 0, 2, 3, 4, 5);
    expect(localInputOf(at)).toBe('2026-01-02T03:04:05');
    expect(instantFromLocalInput(localInputOf(at))).toEqual(at);
  });
});

describe('readReasonProblem', () => {
  it('asks auditors and legal for a reason', () => {
    expect(readReasonProblem('  ', true)).toMatch(/Say why/);
    expect(readReasonProblem('', false)).toBeUndefined();
    expect(readReasonProblem('AUD-2026-17 sample review', true)).toBeUndefined();
  });

  it('refuses what the API would refuse', () => {
    expect(readReasonProblem('x'.repeat(501), true)).toMatch(/500/);
    expect(readReasonProblem('two\nlines', true)).toMatch(/control/);
  });
});
