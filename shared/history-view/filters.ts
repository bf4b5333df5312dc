import type { HistoryFilter, StatusClass } from '../contract';
import { STATUS_CLASSES } from '../contract/values';
import { dayBounds } from './days';
import { STATUS_CLASS_LABELS } from './status-tone';

/** What the filter controls hold: view state, turned into a HistoryFilter for the store. */
export interface FilterState {
  text: string;
  methods: string[];
  statusClasses: StatusClass[];
  host: string;
  /** "YYYY-MM-DD" (an <input type="date"> value) or "" */
  from: string;
  to: string;
  pinnedOnly: boolean;
}

export const EMPTY_FILTER: FilterState = {
  text: '',
  methods: [],
  statusClasses: [],
  host: '',
  from: '',
  to: '',
  pinnedOnly: false,
};

/** The store's filter for these controls: empty fields are left out, dates become inclusive local-day bounds. */
export function toHistoryFilter(state: FilterState): HistoryFilter {
  const filter: HistoryFilter = {};
  const text = state.text.trim();
  if (text !== '') filter.text = text;
  if (state.methods.length > 0) filter.methods = [...state.methods].map((m) => m.toUpperCase()).sort();
  if (state.statusClasses.length > 0) filter.statusClasses = STATUS_CLASSES.filter((c) => state.statusClasses.includes(c));
  const host = state.host.trim().toLowerCase();
  if (host !== '') filter.host = host;
  const from = dayBounds(state.from);
  if (from) filter.from = from.start;
  const to = dayBounds(state.to);
  if (to) filter.to = to.end;
  if (state.pinnedOnly) filter.pinnedOnly = true;
  return filter;
}

/** True when nothing narrows the list. */
export function isEmptyFilter(filter: HistoryFilter): boolean {
  return Object.keys(filter).length === 0;
}

type ChipKey = 'text' | 'method' | 'status' | 'host' | 'from' | 'to' | 'pinned';

/** One active filter, shown as a removable chip. */
interface FilterChip {
  key: ChipKey;
  /** for method and status chips: which one */
  value?: string;
  label: string;
}

/** The active filters as chips, in the order the controls appear. */
export function filterChips(state: FilterState): FilterChip[] {
  const chips: FilterChip[] = [];
  if (state.text.trim() !== '') chips.push({ key: 'text', label: `“${state.text.trim()}”` });
  for (const method of state.methods) chips.push({ key: 'method', value: method, label: method.toUpperCase() });
  for (const cls of STATUS_CLASSES) {
    if (state.statusClasses.includes(cls)) chips.push({ key: 'status', value: cls, label: STATUS_CLASS_LABELS[cls] });
  }
  if (state.host.trim() !== '') chips.push({ key: 'host', label: `host ${state.host.trim()}` });
  if (dayBounds(state.from)) chips.push({ key: 'from', label: `from ${state.from}` });
  if (dayBounds(state.to)) chips.push({ key: 'to', label: `to ${state.to}` });
  if (state.pinnedOnly) chips.push({ key: 'pinned', label: 'pinned' });
  return chips;
}

/** The controls with one chip's filter taken away. */
export function removeChip(state: FilterState, chip: FilterChip): FilterState {
  switch (chip.key) {
    case 'text':
      return { ...state, text: '' };
    case 'method':
      return { ...state, methods: state.methods.filter((m) => m !== chip.value) };
    case 'status':
      return { ...state, statusClasses: state.statusClasses.filter((c) => c !== chip.value) };
    case 'host':
      return { ...state, host: '' };
    case 'from':
      return { ...state, from: '' };
    case 'to':
      return { ...state, to: '' };
    case 'pinned':
      return { ...state, pinnedOnly: false };
  }
}

/** Adds or removes one value of a multi-valued filter (a method or a status class). */
export function toggleValue<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

/** A date range whose start is after its end matches nothing; say so rather than show an empty list. */
export function dateRangeProblem(state: FilterState): string | null {
  const from = dayBounds(state.from);
  const to = dayBounds(state.to);
  if (from && to && from.start > to.end) return 'The “from” date is after the “to” date.';
  return null;
}

/** A stable, order-independent key for query caches. */
export function filterKey(filter: HistoryFilter): string {
  return JSON.stringify(
    Object.keys(filter)
      .sort()
      .map((k) => [k, filter[k as keyof HistoryFilter]]),
  );
}
