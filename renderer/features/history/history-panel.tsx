import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HistorySelection } from '../../../shared/contract';
import {
  EMPTY_FILTER,
  entriesPhrase,
  filterChips,
  harFileName,
  isEmptyFilter,
  matchesPhrase,
  importedPhrase,
  removeChip,
  searchScopeHint,
  toHistoryFilter,
  type FilterState,
} from '../../../shared/history-view';
import { asSentence, toBridgeErrorMessage } from './error-message';
import { saveBlob } from '../../lib/save-blob';
import { HistoryFilters } from './history-filters';
import { HistoryList, type ListCount } from './history-list';
import { focusHistorySearch } from './history-focus';
import { useClearHistory, useDeleteEntries, useExportHar, useHistoryUsage, useImportHar } from './history-queries';
import { HistoryUsage } from './history-usage';
import styles from './history-panel.module.css';
import shared from './history-shared.module.css';
import { Button, buttonClass, ConfirmDialog, type ConfirmDialogProps } from '../../ui';

const SEARCH_DEBOUNCE_MS = 150;

/** Ids grow with time, so the older entry goes left: the diff reads "before → after". */
function olderFirst(a: number, b: number): [number, number] {
  return a < b ? [a, b] : [b, a];
}

interface HistoryPanelProps {
  /** the entry shown in the response pane */
  activeId: number | null;
  onOpen: (id: number) => void;
  onCompare: (ids: [number, number]) => void;
}

type Notice = { tone: 'info' | 'error'; text: string } | null;

/**
 * Everything the user has sent: search, filters, the virtualized list, and what can be done with entries in bulk
 * (compare two, export, import, delete by filter, clear). Opening an entry is the app's business: it shows it in the
 * response pane.
 */
export function HistoryPanel({ activeId, onOpen, onCompare }: HistoryPanelProps) {
  const [search, setSearch] = useState('');
  const [filterState, setFilterState] = useState<FilterState>(EMPTY_FILTER);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [count, setCount] = useState<ListCount | null>(null);
  const total = count?.total ?? null;
  const capped = count?.capped ?? false;
  const [confirm, setConfirm] = useState<Omit<ConfirmDialogProps, 'onCancel'> | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    const timer = setTimeout(() => setFilterState((state) => (state.text === search ? state : { ...state, text: search })), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const filter = useMemo(() => toHistoryFilter(filterState), [filterState]);
  const filtered = !isEmptyFilter(filter);
  const chips = filterChips(filterState);
  const usage = useHistoryUsage();
  const exportHar = useExportHar();
  const importHar = useImportHar();
  const deleteEntries = useDeleteEntries();
  const clearHistory = useClearHistory();

  const toggleChecked = useCallback((id: number) => {
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const clearFilters = () => {
    setSearch('');
    setFilterState(EMPTY_FILTER);
  };

  const runExport = (selection: HistorySelection, scope: 'selected' | 'filtered' | 'all') => {
    setNotice(null);
    exportHar.mutate(selection, {
      onSuccess: ({ har, entries }) => {
        saveBlob(new Blob([har], { type: 'application/json' }), harFileName(Date.now(), scope));
        setNotice({ tone: 'info', text: `Exported ${entriesPhrase(entries)} as HAR.` });
      },
      onError: (error) => setNotice({ tone: 'error', text: `Export failed: ${toBridgeErrorMessage(error)}` }),
    });
  };

  const onImportFile = async (file: File) => {
    setNotice(null);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setNotice({ tone: 'error', text: `“${file.name}” could not be read.` });
      return;
    }
    importHar.mutate(text, {
      onSuccess: (result) => setNotice({ tone: 'info', text: importedPhrase(result, file.name) }),
      onError: (error) => setNotice({ tone: 'error', text: `“${file.name}” was not imported. ${asSentence(toBridgeErrorMessage(error))} Nothing was added.` }),
    });
  };

  const askDeleteMatching = () => {
    const n = total ?? 0;
    setConfirm({
      title: `Delete ${entriesPhrase(n, capped)}?`,
      description: `Every entry matching the current search and filters is deleted, pinned ones included. This cannot be undone.`,
      confirmLabel: `Delete ${entriesPhrase(n, capped)}`,
      onConfirm: () =>
        deleteEntries.mutate(
          { filter },
          {
            onSuccess: ({ deleted }) => {
              setNotice({ tone: 'info', text: `Deleted ${entriesPhrase(deleted)}.` });
              focusHistorySearch();
            },
            onError: (error) => setNotice({ tone: 'error', text: toBridgeErrorMessage(error) }),
          },
        ),
    });
  };

  const askClearAll = () => {
    const n = usage.data?.entries ?? total ?? 0;
    setConfirm({
      title: 'Clear all history?',
      description: `This deletes all ${entriesPhrase(n)}, pinned ones included. It cannot be undone.`,
      confirmLabel: `Delete all ${entriesPhrase(n)}`,
      onConfirm: () =>
        clearHistory.mutate(undefined, {
          onSuccess: ({ deleted }) => {
            setChecked(new Set());
            setNotice({ tone: 'info', text: `Cleared history: ${entriesPhrase(deleted)} deleted.` });
            focusHistorySearch();
          },
          onError: (error) => setNotice({ tone: 'error', text: toBridgeErrorMessage(error) }),
        }),
    });
  };

  const checkedIds = [...checked];
  const activeFilterCount = chips.filter((c) => c.key !== 'text').length;

  return (
    <aside className={styles.panel} id="history-panel" aria-label="History">
      <div className={styles.header}>
        <div className={styles.search}>
          <input
            type="search"
            className={styles.searchInput}
            aria-label="Search history"
            placeholder="Search history…"
            aria-describedby="hp-search-scope"
            value={search}
            spellCheck={false}
            onChange={(e) => setSearch(e.target.value)}
          />
          <Button aria-expanded={filtersOpen} aria-controls={filtersOpen ? 'hp-filters' : undefined} onClick={() => setFiltersOpen((v) => !v)}>
            Filters{activeFilterCount > 0 ? <span className={styles.count}>{activeFilterCount}</span> : null}
          </Button>
        </div>
        <p id="hp-search-scope" className={styles.searchScope}>
          {searchScopeHint()}
        </p>
        {filtersOpen ? <HistoryFilters id="hp-filters" state={filterState} onChange={setFilterState} /> : null}
        {chips.length > 0 ? (
          <div className={styles.chips} aria-label="Active filters" role="group">
            {chips.map((chip) => (
              <button
                key={`${chip.key}:${chip.value ?? ''}`}
                type="button"
                className={styles.chip}
                aria-label={`Remove filter ${chip.label}`}
                onClick={() => {
                  if (chip.key === 'text') setSearch('');
                  setFilterState((state) => removeChip(state, chip));
                }}
              >
                {chip.label} <span aria-hidden="true">×</span>
              </button>
            ))}
            <button type="button" className={shared.link} onClick={clearFilters}>
              Clear filters
            </button>
          </div>
        ) : null}
        <div className={styles.summary}>
          <span role="status" data-testid="history-count">
            {total === null ? '' : filtered ? matchesPhrase(total, capped) : entriesPhrase(total)}
          </span>
          {checked.size > 0 ? (
            <span className={styles.selection}>
              <span className={styles.selectionCount}>{checked.size} selected</span>
              <Button
                variant="primary"
                disabled={checked.size !== 2}
                title={checked.size !== 2 ? 'Select exactly two entries to compare' : undefined}
                onClick={() => onCompare(olderFirst(checkedIds[0]!, checkedIds[1]!))}
              >
                Compare
              </Button>
              <Button onClick={() => runExport({ ids: checkedIds }, 'selected')}>Export selected</Button>
              <button type="button" className={shared.link} onClick={() => setChecked(new Set())}>
                Clear selection
              </button>
            </span>
          ) : null}
        </div>
      </div>
      <HistoryList
        filter={filter}
        activeId={activeId}
        checked={checked}
        onOpen={onOpen}
        onToggleChecked={toggleChecked}
        onTotal={setCount}
        emptyText={filtered ? 'Nothing in history matches these filters.' : 'No requests yet. Everything you send is kept here.'}
      />
      {notice ? (
        <p
          className={`${styles.notice} ${notice.tone === 'error' ? styles.noticeError : styles.noticeInfo}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
          <button type="button" className={shared.link} aria-label="Dismiss message" onClick={() => setNotice(null)}>
            ×
          </button>
        </p>
      ) : null}
      <div className={styles.footer}>
        <div className={styles.actions}>
          <Button disabled={exportHar.isPending || !total} onClick={() => runExport({ filter }, filtered ? 'filtered' : 'all')}>
            {filtered ? 'Export matching' : 'Export all'}
          </Button>
          <label className={`${buttonClass()} ${styles.file}`}>
            <input
              type="file"
              className="visually-hidden"
              accept=".har,application/json"
              aria-label="Import HAR file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void onImportFile(file);
              }}
            />
            {importHar.isPending ? 'Importing…' : 'Import HAR'}
          </label>
          {filtered ? (
            <Button variant="danger-quiet" disabled={!total} onClick={askDeleteMatching}>
              Delete matching
            </Button>
          ) : null}
          <Button variant="danger-quiet" disabled={!usage.data?.entries} onClick={askClearAll}>
            Clear all
          </Button>
        </div>
        <HistoryUsage />
      </div>
      {confirm ? (
        <ConfirmDialog
          {...confirm}
          onConfirm={() => {
            confirm.onConfirm();
            setConfirm(null);
          }}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
    </aside>
  );
}
