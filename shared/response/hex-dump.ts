export const HEX_BYTES_PER_ROW = 16;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * One row of a classic hex dump (like `xxd -g1` / `hexdump -C`):
 * `00000010  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 0a 00 01 02  |Hello, world....|`
 * `offset` is the position of `bytes[0]` in the whole body; a short last row is padded so the text column lines up.
 */
export function hexDumpRow(bytes: Uint8Array, offset: number): string {
  let hex = '';
  let ascii = '';
  for (let i = 0; i < HEX_BYTES_PER_ROW; i++) {
    if (i === 8) hex += ' ';
    if (i < bytes.length) {
      const b = bytes[i]!;
      hex += HEX[b] + ' ';
      ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
    } else {
      hex += '   ';
    }
  }
  return `${offset.toString(16).padStart(8, '0')}  ${hex} |${ascii}|`;
}

/** All rows for a buffer that starts at `baseOffset` (used for small bodies and tests; the viewer renders rows lazily). */
export function hexDump(bytes: Uint8Array, baseOffset = 0): string[] {
  const rows: string[] = [];
  for (let i = 0; i < bytes.length; i += HEX_BYTES_PER_ROW) {
    rows.push(hexDumpRow(bytes.subarray(i, i + HEX_BYTES_PER_ROW), baseOffset + i));
  }
  return rows;
}

export function hexRowCount(size: number): number {
  return Math.ceil(size / HEX_BYTES_PER_ROW);
}
