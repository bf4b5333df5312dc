import { describe, expect, it } from 'vitest';
import { DataFileError, parseDataFile } from './data-file';

describe('runner data files', () => {
  it('reads CSV with a header line, quoted commas and a BOM', () => {
    const rows = parseDataFile('\uFEFFuser,note\nada,"a, b"\n\nbob,"say ""hi"""\n', 'users.csv');
    expect(rows).toEqual([
      { user: 'ada', note: 'a, b' },
      { user: 'bob', note: 'say "hi"' },
    ]);
  });

  it('reads a JSON array of objects, numbers and objects as text', () => {
    expect(parseDataFile('[{"id": 1, "tags": ["x"], "ok": true, "none": null}]', 'd.json')).toEqual([{ id: '1', tags: '["x"]', ok: 'true', none: '' }]);
  });

  it('refuses what is not rows, naming the file and the place', () => {
    expect(() => parseDataFile('{"a": 1}', 'd.json')).toThrow(/d\.json must hold a JSON array/);
    expect(() => parseDataFile('[1]', 'd.json')).toThrow(/item 1 is not an object/);
    expect(() => parseDataFile('[{"a": 1}', 'd.json')).toThrow(DataFileError);
    expect(() => parseDataFile('a,b\n', 'e.csv')).toThrow(/e\.csv has no rows/);
    expect(() => parseDataFile('a,b\n1,2,3\n', 'f.csv')).toThrow(/f\.csv: line 2/);
  });
});
