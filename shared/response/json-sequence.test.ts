import { describe, expect, it } from 'vitest';
import { PrettyTooLargeError } from './json-format';
import { formatJsonSequence, forEachJsonRecord, jsonLinesSentAsJson, recordCountText, recordProblemsText, type JsonSequenceSummary } from './json-sequence';

const pretty = (text: string, format: 'ndjson' | 'json-lines' | 'json-seq' = 'ndjson') => {
  const result = formatJsonSequence(text, format);
  return { text: result.chunks.join(''), summary: result.summary };
};

describe('formatJsonSequence, NDJSON and JSON Lines', () => {
  it('pretty-prints every record in order, each on lines of its own, and counts them', () => {
    const { text, summary } = pretty('{"id":1,"tags":["a"]}\n{"id":2,"tags":[]}\n[3]\n"four"\n');
    expect(text).toBe('{\n  "id": 1,\n  "tags": [\n    "a"\n  ]\n}\n{\n  "id": 2,\n  "tags": []\n}\n[\n  3\n]\n"four"');
    expect(summary).toEqual({ format: 'ndjson', records: 4, problems: [], problemCount: 0 });
  });

  it('keeps numbers exactly as sent, as the JSON view does', () => {
    expect(pretty('{"big":12345678901234567890,"f":1.0}').text).toBe('{\n  "big": 12345678901234567890,\n  "f": 1.0\n}');
  });

  it('skips blank lines, takes CRLF line ends and a missing or trailing newline, drops a BOM', () => {
    const { text, summary } = pretty('\uFEFF{"a":1}\r\n\r\n   \r\n{"b":2}\r\n\n');
    expect(text).toBe('{\n  "a": 1\n}\n{\n  "b": 2\n}');
    expect(summary.records).toBe(2);
    expect(pretty('{"a":1}').summary.records).toBe(1);
    expect(pretty('').summary.records).toBe(0);
  });

  it('names a line that is not JSON by its line number, keeps it as sent and still formats the rest', () => {
    const body = '{"id":1}\n\n{"id":2, "name": "broken" "x"}\r\noops\n{"id":3}\n';
    const { text, summary } = pretty(body, 'json-lines');
    expect(text).toBe('{\n  "id": 1\n}\n{"id":2, "name": "broken" "x"}\noops\n{\n  "id": 3\n}');
    expect(summary.records).toBe(4);
    expect(summary.problemCount).toBe(2);
    // the lines as the Raw view numbers them (line 2 is blank), the column in the body's line
    expect(summary.problems.map((p) => p.line)).toEqual([3, 4]);
    // the Pretty view numbers its lines differently: the record's place is said as well as its line in Raw
    expect(summary.problems.map((p) => p.record)).toEqual([2, 3]);
    expect(summary.problems[0]!.message).toMatch(/^Expected ',' or '}' after property value at column 27$/);
    expect(summary.problems[1]!.message).toMatch(/oops/);
  });

  it('gives a column counted from the start of the line when the record is indented', () => {
    const { summary } = pretty('   {"a":1,}');
    expect(summary.problems).toEqual([{ record: 1, line: 1, message: expect.stringMatching(/at column 11$/) }]);
  });

  it('lists at most 100 problems but counts them all', () => {
    const { summary } = pretty(Array.from({ length: 250 }, (_, i) => `bad ${i}`).join('\n'));
    expect(summary.problemCount).toBe(250);
    expect(summary.problems).toHaveLength(100);
    expect(summary.problems[99]!.line).toBe(100);
  });

  it('stops past its output budget, as a single document does', () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    expect(() => formatJsonSequence(`${deep}\n${deep}`, 'ndjson', { maxChars: 1_000_000 })).toThrow(PrettyTooLargeError);
  });

  it('without validation indents a cut-off last line for the first screen', () => {
    const result = formatJsonSequence('{"a":1}\n{"b":[1,', 'ndjson', { validate: false });
    expect(result.chunks.join('')).toBe('{\n  "a": 1\n}\n{\n  "b": [\n    1,\n    ');
    expect(result.summary.problemCount).toBe(0);
  });
});

describe('formatJsonSequence, JSON text sequences (RFC 7464)', () => {
  it('splits on RS, whatever the whitespace, and formats each record', () => {
    const { text, summary } = pretty('\x1e{"a":1}\n\x1e[1,\n 2]\n\x1e\n\x1e"s"\r\n', 'json-seq');
    expect(text).toBe('{\n  "a": 1\n}\n[\n  1,\n  2\n]\n"s"');
    expect(summary).toEqual({ format: 'json-seq', records: 3, problems: [], problemCount: 0 });
  });

  it('names a bad record by the line it starts on, and where in it the parser stopped', () => {
    const { summary } = pretty('\x1e{"a":1}\n\x1e{"b":\n  }\n\x1e{"c":3}\n', 'json-seq');
    expect(summary.records).toBe(3);
    expect(summary.problems).toHaveLength(1);
    expect(summary.problems[0]!.line).toBe(2);
    expect(summary.problems[0]!.message).toMatch(/'}'/);
  });

  it('reports the line and column of a parse error past the record’s first line', () => {
    const { summary } = pretty('\x1e{"a":1}\n\x1e{"b":1,\n "c":2,}\n', 'json-seq');
    expect(summary.problems).toEqual([{ record: 2, line: 2, message: 'Expected double-quoted property name at line 3, column 8' }]);
  });
});

describe('forEachJsonRecord', () => {
  it('gives each record its range, line and column', () => {
    const seen: Array<[string, number, number]> = [];
    const text = '{"a":1}\r\n  [2]\n\n3';
    forEachJsonRecord(text, 'ndjson', (start, end, line, column) => seen.push([text.slice(start, end), line, column]));
    expect(seen).toEqual([
      ['{"a":1}', 1, 1],
      ['[2]', 2, 3],
      ['3', 4, 1],
    ]);
  });
});

describe('what the viewer says', () => {
  const summary = (over: Partial<JsonSequenceSummary>): JsonSequenceSummary => ({ format: 'ndjson', records: 12, problems: [], problemCount: 0, ...over });

  it('counts the records and names the format', () => {
    expect(recordCountText(summary({}))).toBe('12 records (NDJSON)');
    expect(recordCountText(summary({ records: 1, format: 'json-lines' }))).toBe('1 record (JSON Lines)');
    expect(recordCountText(summary({ records: 0, format: 'json-seq' }))).toBe('0 records (JSON text sequence)');
    expect(recordCountText(summary({ records: 471_875 }))).toBe('471,875 records (NDJSON)');
    // the new-user pass read "12 records" as twelve good ones
    expect(recordCountText(summary({ problemCount: 1 }))).toBe('12 records, 1 not valid JSON (NDJSON)');
  });

  it('names the invalid records by their place and their line in Raw (Pretty numbers lines its own way), the first three of many', () => {
    expect(recordProblemsText(summary({}))).toBeNull();
    expect(recordProblemsText(summary({ problems: [{ record: 5, line: 5, message: 'Unexpected token' }], problemCount: 1 }))).toBe(
      'Record 5 (line 5 in Raw) is not valid JSON (Unexpected token); it is shown as received.',
    );
    const problems = [2, 4, 6, 8].map((line) => ({ record: line / 2, line, message: `bad ${line}` }));
    expect(recordProblemsText(summary({ problems, problemCount: 9 }))).toBe(
      '9 records are not valid JSON and are shown as received: record 1 (line 2 in Raw: bad 2); record 2 (line 4 in Raw: bad 4); record 3 (line 6 in Raw: bad 6); and 6 more.',
    );
  });
});

// A new-user pass would meet it first: httpbin's /stream/N sends one JSON object a line as application/json.
describe('jsonLinesSentAsJson: a body declared as one JSON document that is JSON Lines', () => {
  it('formats and counts it when every line is JSON on its own, and says it came as application/json', () => {
    const formatted = jsonLinesSentAsJson('{"id":0}\n{"id":1}\n{"id":2}\n', 'application/json');
    expect(formatted?.chunks.join('')).toBe('{\n  "id": 0\n}\n{\n  "id": 1\n}\n{\n  "id": 2\n}');
    expect(formatted && recordCountText(formatted.summary)).toBe('3 records (JSON Lines, sent as application/json)');
  });

  it('is null for a body that is one broken document, a single line, or lines of which one is not JSON', () => {
    expect(jsonLinesSentAsJson('{"a":1,\n"b":2}', 'application/json')).toBeNull();
    expect(jsonLinesSentAsJson('{"a":1', 'application/json')).toBeNull();
    expect(jsonLinesSentAsJson('{"a":1}\n{"b":', 'application/json')).toBeNull();
    expect(jsonLinesSentAsJson('{"a":1}\nnope\n{"c":3}', 'application/json')).toBeNull();
    // the first line not JSON: no pass over the rest at all
    expect(jsonLinesSentAsJson(`[\n${'1,\n'.repeat(10)}2]x`, 'application/json')).toBeNull();
  });
});
