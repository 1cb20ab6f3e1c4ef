import { describe, expect, it } from 'vitest';
import { LAST_PAGE, searchFromParams, searchToParams, toRequest } from './search';

describe('search in the URL', () => {
  it('round-trips a search with text, a signal and several statuses', () => {
    const request = { q: 'brushing ring', signal: 'dev-42', status: ['OPEN' as const, 'IN_REVIEW' as const],
      priority: ['P1' as const], enforcement: 'FAILED' as const, page: 3 };
    const params = searchToParams(request);
    expect(params.toString()).toBe('q=brushing+ring&signal=dev-42&status=OPEN&status=IN_REVIEW&priority=P1'
      + '&enforcement=FAILED&page=3');
    expect(searchFromParams(params)).toEqual(request);
  });

  it('drops what the API does not know instead of failing the search, and blank text', () => {
    const request = searchFromParams(new URLSearchParams(
      'q=%20%20&status=OPEN&status=BOGUS&status=OPEN&category=CLICK_FARM&category=clickfarm&enforcement=LOST&page=-2'));
    expect(request).toEqual({ status: ['OPEN'], category: ['CLICK_FARM'] });
  });

  it('keeps the page within what the API serves', () => {
    expect(searchFromParams(new URLSearchParams('page=100000')).page).toBe(LAST_PAGE);
    expect(searchFromParams(new URLSearchParams('page=two')).page).toBeUndefined();
    expect(searchToParams({ page: 0 }).toString()).toBe('');
  });
});

describe('toRequest', () => {
  it('gives the generated client sets for its unique-item parameters, and leaves out what is not chosen', () => {
    const request = toRequest({ q: 'x', status: ['OPEN', 'IN_REVIEW'] }, 25);
    expect(request.status).toEqual(new Set(['OPEN', 'IN_REVIEW']));
    expect(request.category).toBeUndefined();
    expect(request).toMatchObject({ q: 'x', size: 25 });
  });
});
