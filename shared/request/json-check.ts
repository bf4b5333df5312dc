import { jsonErrorOffset } from './json-error-offset';
import { maskJsonPlaceholders } from './json-placeholders';

interface JsonProblem {
  /** e.g. 'Invalid JSON: Expected "," or "}" after property value (line 3, column 5)' */
  message: string;
  /** 1-based; null when the parser did not say where */
  line: number | null;
  column: number | null;
}

/**
 * Checks a JSON request body. Bodies are allowed to be invalid (the user may be testing a server's error handling),
 * so this only produces a notice. Empty text is not a problem: it means "no body yet". `references`: the text's
 * {{references}} are resolved before it is sent (a request body), so they count as the values they will become and
 * `{"n": {{count}}}` is not a problem; a WebSocket message is sent as written, so there it is.
 */
export function checkJson(text: string, { references = false }: { references?: boolean } = {}): JsonProblem | null {
  if (text.trim() === '') return null;
  const masked = references ? maskJsonPlaceholders(text) : text;
  try {
    JSON.parse(masked);
    return null;
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    // V8 says where for some errors only; the scanner finds the place for the others (and agrees where both do).
    const positionMatch = /at position (\d+)/.exec(raw);
    const position = positionMatch ? Number(positionMatch[1]) : jsonErrorOffset(masked);
    let line: number | null = null;
    let column: number | null = null;
    if (position !== null) {
      const before = text.slice(0, Math.min(position, text.length));
      line = before.split('\n').length;
      column = before.length - before.lastIndexOf('\n');
    }
    // V8 appends position details and sometimes a snippet; we state line and column ourselves.
    const reason = raw
      .replace(/^JSON\.parse: /, '')
      // the snippet V8 quotes is of the checked copy, where {{references}} read as digits
      .replace(/,\s*(\.\.\.)?".*" is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/ \(line \d+ column \d+\)$/, '')
      .trim();
    const where = line !== null && column !== null ? ` (line ${line}, column ${column})` : '';
    return { message: `Invalid JSON: ${reason || 'the text is not valid JSON'}${where}`, line, column };
  }
}
