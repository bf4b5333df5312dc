import { mediaTypeOf, type JsonSequenceFormat } from './content-type';
import { countLabel } from '../websocket/count-label';
import { JsonIndentWriter } from './json-format';

const FORMAT_NAMES: Readonly<Record<JsonSequenceFormat, string>> = {
  ndjson: 'NDJSON',
  'json-lines': 'JSON Lines',
  'json-seq': 'JSON text sequence',
};

export interface JsonRecordProblem {
  /** 1-based place of the record in the body: the Pretty view numbers lines its own way, records stay the same */
  record: number;
  /** 1-based line of the body the record starts on, as the Raw view numbers it */
  line: number;
  message: string;
}

export interface JsonSequenceSummary {
  format: JsonSequenceFormat;
  /** every record, the valid and the invalid */
  records: number;
  /** the first invalid records (at most MAX_PROBLEMS), in order */
  problems: JsonRecordProblem[];
  /** how many records are invalid in all */
  problemCount: number;
  /** the Content-Type it came with when that declared one JSON document (the lines were found, not declared) */
  declaredAs?: string;
}

const MAX_PROBLEMS = 100;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Calls `visit` with each record's text range (surrounding whitespace trimmed) and the line and column it starts on.
 * Blank lines and empty records are skipped, a line may end in CRLF, a BOM at the start is dropped.
 */
export function forEachJsonRecord(text: string, format: JsonSequenceFormat, visit: (start: number, end: number, line: number, column: number) => void): void {
  const n = text.length;
  const first = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (format !== 'json-seq') {
    let line = 1;
    for (let pos = first; pos <= n; line++) {
      let lineEnd = text.indexOf('\n', pos);
      if (lineEnd === -1) lineEnd = n;
      let start = pos;
      let end = lineEnd;
      while (start < end && isSpace(text.charCodeAt(start))) start++;
      while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
      if (start < end) visit(start, end, line, start - pos + 1);
      pos = lineEnd + 1;
    }
    return;
  }
  // RFC 7464: each record is RS, a JSON text, LF. Whatever precedes the first RS is a record too, so it is not lost.
  let line = 1;
  let lineStart = 0;
  let counted = 0;
  for (let pos = first; pos < n;) {
    let next = text.indexOf('\x1e', pos);
    if (next === -1) next = n;
    let start = pos;
    let end = next;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (start < end) {
      for (let lf = text.indexOf('\n', counted); lf !== -1 && lf < start; lf = text.indexOf('\n', lf + 1)) {
        line++;
        lineStart = lf + 1;
      }
      counted = start;
      visit(start, end, line, start - lineStart + 1);
    }
    pos = next + 1;
  }
}

export interface FormattedJsonSequence {
  /** the records re-indented, one after another, each starting on a line of its own; an invalid one as sent */
  chunks: string[];
  summary: JsonSequenceSummary;
}

/**
 * Pretty-prints every record of a JSON Lines body or JSON text sequence in order. A record that does not parse is
 * kept as sent and named by its line; the rest are still formatted. `validate: false` skips the parse, for the
 * first screen of a body whose last line may be cut off (the re-indenter copes). Past `maxChars` of output it
 * throws PrettyTooLargeError, as reindentJsonChunks does.
 */
export function formatJsonSequence(text: string, format: JsonSequenceFormat, options: { validate?: boolean; maxChars?: number } = {}): FormattedJsonSequence {
  const validate = options.validate ?? true;
  const writer = new JsonIndentWriter('  ', options.maxChars);
  const problems: JsonRecordProblem[] = [];
  let records = 0;
  let problemCount = 0;
  forEachJsonRecord(text, format, (start, end, line, column) => {
    if (records > 0) writer.append('\n');
    records++;
    if (validate) {
      try {
        // validation only, as for a single document: the text is re-indented, not re-serialised, so numbers stay exact
        JSON.parse(text.slice(start, end));
      } catch (error) {
        problemCount++;
        if (problems.length < MAX_PROBLEMS)
          problems.push({ record: records, line, message: parseErrorAt(text, start, line, column, (error as Error).message) });
        writer.append(text.slice(start, end));
        return;
      }
    }
    writer.reindent(text, start, end);
  });
  return { chunks: writer.finish(), summary: { format, records, problems, problemCount } };
}

/**
 * The parser's message with its position in the body rather than in the record: "at column 28", or "at line 4,
 * column 2" when the record spans lines (a JSON text sequence's may).
 */
function parseErrorAt(text: string, start: number, line: number, column: number, message: string): string {
  const located = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(message);
  const base = (located ? message.slice(0, located.index) : message).slice(0, 200);
  if (!located) return base;
  const offset = Number(located[1]);
  let atLine = line;
  let atColumn = column + offset;
  for (let lf = text.indexOf('\n', start); lf !== -1 && lf < start + offset; lf = text.indexOf('\n', lf + 1)) {
    atLine++;
    atColumn = start + offset - lf;
  }
  return atLine === line ? `${base} at column ${atColumn}` : `${base} at line ${atLine}, column ${atColumn}`;
}

/**
 * A body declared as one JSON document that does not parse as one, but whose every line does: JSON Lines sent as
 * application/json (httpbin's /stream/N, many log and streaming APIs). Formatted as JSON Lines, or null when it is not
 * that (a single line, or any line that is not JSON: then it is a broken document, reported as such). The first line
 * is tried alone first, so a large broken document is not given a second full pass.
 */
export function jsonLinesSentAsJson(text: string, contentType: string | null | undefined, maxChars?: number): FormattedJsonSequence | null {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstEnd = text.indexOf('\n', start);
  if (firstEnd === -1 || text.slice(firstEnd).trim() === '') return null;
  try {
    JSON.parse(text.slice(start, firstEnd));
  } catch {
    return null;
  }
  const formatted = formatJsonSequence(text, 'json-lines', { maxChars });
  const { records, problemCount } = formatted.summary;
  if (records < 2 || problemCount > 0) return null;
  formatted.summary.declaredAs = mediaTypeOf(contentType) || 'application/json';
  return formatted;
}

/** What the Body toolbar says of such a body: "12 records (NDJSON)". */
export function recordCountText(summary: JsonSequenceSummary): string {
  const sentAs = summary.declaredAs ? `, sent as ${summary.declaredAs}` : '';
  const invalid = summary.problemCount > 0 ? `, ${summary.problemCount.toLocaleString('en-US')} not valid JSON` : '';
  return `${countLabel(summary.records, 'record')}${invalid} (${FORMAT_NAMES[summary.format]}${sentAs})`;
}

const NAMED_PROBLEMS = 3;

/** The notice above the records that do not parse, each named by its line; null when every record is valid JSON. */
export function recordProblemsText(summary: JsonSequenceSummary): string | null {
  const { problems, problemCount } = summary;
  if (problemCount === 0 || problems.length === 0) return null;
  const [first] = problems;
  if (problemCount === 1 && first) return `Record ${first.record} (line ${first.line} in Raw) is not valid JSON (${first.message}); it is shown as received.`;
  const named = problems
    .slice(0, NAMED_PROBLEMS)
    .map((problem) => `record ${problem.record} (line ${problem.line} in Raw: ${problem.message})`)
    .join('; ');
  const more = problemCount - Math.min(NAMED_PROBLEMS, problems.length);
  return `${countLabel(problemCount, 'record')} are not valid JSON and are shown as received: ${named}${more > 0 ? `; and ${more.toLocaleString('en-US')} more` : ''}.`;
}
