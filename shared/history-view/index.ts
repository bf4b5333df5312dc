export { dayKey, dayLabel, dayBounds, fullTimestamp, startsDay, timeOfDay } from './days';
export { statusTone, statusText, STATUS_CLASS_LABELS, type StatusTone } from './status-tone';
export {
  EMPTY_FILTER,
  dateRangeProblem,
  filterChips,
  filterKey,
  isEmptyFilter,
  removeChip,
  toHistoryFilter,
  toggleValue,
  type ChipKey,
  type FilterChip,
  type FilterState,
} from './filters';
export { diffHeaders, countChanges, type DiffKind, type HeaderDiffRow } from './header-diff';
export { diffJson, childPath, previewJson, tryParseJson, type JsonChange, type JsonChangeKind, type JsonDiff } from './json-diff';
export { entriesPhrase, harFileName, importedPhrase, matchesPhrase, parseRetentionForm, retentionToForm, usageLine, type RetentionForm } from './usage';
export { draftFromSpec } from './draft-from-spec';
export { SEARCHED_BODY_BYTES, searchScopeHint } from './search-scope';
