import { describe, expect, it } from 'vitest';
import { hexDump, hexDumpRow, hexRowCount } from './hex-dump';

describe('hex dump', () => {
  it('formats a full row like hexdump -C', () => {
    const row = new TextEncoder().encode('Hello, world\n');
    const bytes = new Uint8Array([...row, 0x00, 0x01, 0xff]);
    expect(hexDumpRow(bytes, 16)).toBe('00000010  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 0a 00 01 ff  |Hello, world....|');
  });

  it('pads a short last row so the text column lines up', () => {
    const rows = hexDump(new TextEncoder().encode('0123456789abcdefXYZ'));
    expect(rows).toEqual([
      '00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|',
      '00000010  58 59 5a                                          |XYZ|',
    ]);
    expect(rows[0]!.indexOf('|')).toBe(rows[1]!.indexOf('|'));
  });

  it('offsets by the base and counts rows', () => {
    expect(hexDump(new Uint8Array([0x7f]), 0x1000)[0]).toBe('00001000  7f                                                |.|');
    expect(hexRowCount(0)).toBe(0);
    expect(hexRowCount(16)).toBe(1);
    expect(hexRowCount(17)).toBe(2);
  });
});
