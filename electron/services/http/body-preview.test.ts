import { describe, expect, it } from 'vitest';
import { StreamingPreview } from './body-preview';

describe('StreamingPreview', () => {
  it('shows the first lines of a JSON Lines body still arriving record by record, each on lines of its own', () => {
    const preview = new StreamingPreview('application/x-ndjson', []);
    preview.push(Buffer.from('{"a":1}\n{"b":2}\n{"c":'));
    expect(preview.take()).toMatchObject({ kind: 'json', text: '{\n  "a": 1\n}\n{\n  "b": 2\n}\n{\n  "c": ' });
  });
});
