export { dayKey, dayLabel, fullTimestamp, timeOfDay } from './days';
export { statusTone, statusText, STATUS_CLASS_LABELS } from './status-tone';
export { EMPTY_FILTER, dateRangeProblem, filterChips, filterKey, isEmptyFilter, removeChip, toHistoryFilter, toggleValue, type FilterState } from './filters';
export { diffHeaders, countChanges, type HeaderDiffRow } from './header-diff';
export { diffJson, tryParseJson, type JsonDiff } from './json-diff';
export { entriesPhrase, harFileName, importedPhrase, matchesPhrase, parseRetentionForm, retentionToForm, usageLine, type RetentionForm } from './usage';
export { draftFromSpec } from './draft-from-spec';
export { searchScopeHint } from './search-scope';
