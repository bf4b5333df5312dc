import { HEX_BYTES_PER_ROW, hexDumpRow, hexRowCount } from '../../../shared/response';
import { VirtualList } from '../../ui/virtual-list';
import styles from './response-body.module.css';

const ROW_HEIGHT = 18;

/** A hex dump of any size: only the rows in view are formatted and in the DOM. */
export function HexView({ bytes }: { bytes: Uint8Array }) {
  return (
    <VirtualList
      count={hexRowCount(bytes.length)}
      estimateSize={ROW_HEIGHT}
      overscan={20}
      className={styles.hex}
      role="region"
      aria-label="Hex view"
      tabIndex={0}
    >
      {(row) => {
        const start = row.index * HEX_BYTES_PER_ROW;
        return (
          <div key={row.index} className={styles.hexRow} data-testid="hex-row" style={{ position: 'absolute', top: row.start, height: ROW_HEIGHT }}>
            {hexDumpRow(bytes.subarray(start, start + HEX_BYTES_PER_ROW), start)}
          </div>
        );
      }}
    </VirtualList>
  );
}
