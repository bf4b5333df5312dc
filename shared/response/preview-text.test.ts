import { describe, expect, it } from 'vitest';
import { previewLines } from './preview-text';

describe('previewLines', () => {
  it('indents the head of a JSON document', () => {
    expect(previewLines('json', '{"a":[1,')).toBe('{\n  "a": [\n    1,\n    ');
  });

  it('indents a JSON Lines head record by record, each starting a line of its own', () => {
    expect(previewLines('json', '{"a":1}\n{"b":2}\n{"c":', 'ndjson')).toBe('{\n  "a": 1\n}\n{\n  "b": 2\n}\n{\n  "c": ');
  });
});
