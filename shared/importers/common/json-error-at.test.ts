import { describe, expect, it } from 'vitest';
import { jsonErrorAt } from './json-error-at';

describe('where a text stops being JSON', () => {
  it('finds the first character JSON does not allow, as line and column', () => {
    expect(jsonErrorAt('{\n  "a": 1,\n  "b": }')).toEqual({ line: 3, column: 8 });
    expect(jsonErrorAt('{"info": ')).toEqual({ line: 1, column: 10 });
    expect(jsonErrorAt('[1, 2,]')).toEqual({ line: 1, column: 7 });
    expect(jsonErrorAt('{"a": tru}')).toEqual({ line: 1, column: 10 });
    expect(jsonErrorAt('{"a": "x\ny"}')).toEqual({ line: 1, column: 9 });
    expect(jsonErrorAt('{"a": 1} x')).toEqual({ line: 1, column: 10 });
  });

  it('finds nothing in valid JSON', () => {
    for (const text of ['{}', '[]', '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}', ' [ { } ] ']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonErrorAt(text)).toBeNull();
    }
  });
});
