import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { HEX_BYTES_PER_ROW, hexDumpRow, hexRowCount } from '../../../shared/response';

const ROW_HEIGHT = 18;

/** A hex dump of any size: only the rows in view are formatted and in the DOM. */
export function HexView({ bytes }: { bytes: Uint8Array }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders this component itself; nothing it returns is passed to memoized children.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: hexRowCount(bytes.length),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  return (
    <div ref={scrollRef} className="response-hex" role="region" aria-label="Hex view" tabIndex={0}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const start = row.index * HEX_BYTES_PER_ROW;
          return (
            <div key={row.index} className="response-hex__row" style={{ position: 'absolute', top: row.start, height: ROW_HEIGHT }}>
              {hexDumpRow(bytes.subarray(start, start + HEX_BYTES_PER_ROW), start)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
