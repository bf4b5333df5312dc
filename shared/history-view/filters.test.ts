import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, dateRangeProblem, filterChips, filterKey, isEmptyFilter, removeChip, toHistoryFilter, toggleValue, type FilterState } from './filters';

const full: FilterState = {
  text: '  needle ',
  methods: ['post', 'GET'],
  statusClasses: ['5xx', '2xx'],
  host: ' API.Example.com ',
  from: '2026-11-01',
  to: '2026-11-02',
  pinnedOnly: true,
};

describe('filters', () => {
  it('leaves empty controls out of the store filter', () => {
    expect(toHistoryFilter(EMPTY_FILTER)).toEqual({});
    expect(isEmptyFilter(toHistoryFilter(EMPTY_FILTER))).toBe(true);
    expect(toHistoryFilter({ ...EMPTY_FILTER, text: '   ', host: ' ', from: 'nope' })).toEqual({});
  });

  it('normalises every control into the contract filter', () => {
    const filter = toHistoryFilter(full);
    expect(filter).toEqual({
      text: 'needle',
      methods: ['GET', 'POST'],
      statusClasses: ['2xx', '5xx'],
      host: 'api.example.com',
      from: new Date(2026, 10, 1).getTime(),
      to: new Date(2026, 10, 2, 23, 59, 59, 999).getTime(),
      pinnedOnly: true,
    });
  });

  it('shows one chip per active filter, and removing a chip clears exactly that filter', () => {
    const chips = filterChips(full);
    expect(chips.map((c) => c.label)).toEqual(['“needle”', 'POST', 'GET', '2xx', '5xx', 'host API.Example.com', 'from 2026-11-01', 'to 2026-11-02', 'pinned']);
    let state = full;
    for (const chip of chips) state = removeChip(state, chip);
    expect(toHistoryFilter(state)).toEqual({});
    const withoutPost = removeChip(full, chips[1]!);
    expect(withoutPost.methods).toEqual(['GET']);
    const without2xx = removeChip(full, chips[3]!);
    expect(without2xx.statusClasses).toEqual(['5xx']);
  });

  it('toggles values of multi-valued filters', () => {
    expect(toggleValue(['GET'], 'POST')).toEqual(['GET', 'POST']);
    expect(toggleValue(['GET', 'POST'], 'GET')).toEqual(['POST']);
  });

  it('names a backwards date range', () => {
    expect(dateRangeProblem({ ...EMPTY_FILTER, from: '2026-11-03', to: '2026-11-02' })).toMatch(/after/);
    expect(dateRangeProblem({ ...EMPTY_FILTER, from: '2026-11-02', to: '2026-11-02' })).toBeNull();
  });

  it('keys caches independently of field order', () => {
    expect(filterKey({ text: 'a', host: 'b' })).toBe(filterKey({ host: 'b', text: 'a' }));
    expect(filterKey({ text: 'a' })).not.toBe(filterKey({ text: 'b' }));
  });
});
