import type { RequestRun } from '../../../shared/runner';
import { VirtualList } from '../../ui/virtual-list';
import { outcomeLabel, resultLine } from './result-text';
import styles from './runner.module.css';

const ROW_HEIGHT = 28;

/**
 * Every result of a run, one row each, virtualised: only the rows on screen are in the DOM, so 5,000 results
 * scroll and update like 50. A row is a button that shows the result's details.
 */
export function RunResultsList({
  results,
  selected,
  onSelect,
}: {
  results: readonly RequestRun[];
  selected: number | null;
  onSelect: (index: number) => void;
}) {
  return (
    <VirtualList
      count={results.length}
      estimateSize={ROW_HEIGHT}
      className={styles.list}
      rowsAs="ul"
      rowsProps={{ 'aria-label': 'Run results', className: styles.listInner }}
    >
      {(item) => {
        const result = results[item.index]!;
        const outcome = outcomeLabel(result);
        return (
          <li key={item.key} className={styles.row} style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
            <button
              type="button"
              className={`${styles.rowButton} ${styles[outcome.tone]} ${selected === item.index ? styles.selected : ''}`}
              aria-pressed={selected === item.index}
              onClick={() => onSelect(item.index)}
            >
              <span className={styles.outcome}>{outcome.label}</span>
              <span className={styles.method}>{result.method}</span>
              <span className={styles.name}>{result.name}</span>
              <span className={styles.note} title={resultLine(result)}>
                {resultLine(result)}
              </span>
            </button>
          </li>
        );
      }}
    </VirtualList>
  );
}
