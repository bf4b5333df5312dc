interface JsonProblem {
  /** e.g. 'Invalid JSON: Expected "," or "}" after property value (line 3, column 5)' */
  message: string;
  /** 1-based; null when the parser did not say where */
  line: number | null;
  column: number | null;
}

/**
 * Checks a JSON request body. Bodies are allowed to be invalid (the user may be testing a server's error handling),
 * so this only produces a notice. Empty text is not a problem: it means "no body yet".
 */
export function checkJson(text: string): JsonProblem | null {
  if (text.trim() === '') return null;
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const positionMatch = /at position (\d+)/.exec(raw);
    let line: number | null = null;
    let column: number | null = null;
    if (positionMatch) {
      const position = Math.min(Number(positionMatch[1]), text.length);
      const before = text.slice(0, position);
      line = before.split('\n').length;
      column = position - before.lastIndexOf('\n');
    } else if (/end of (JSON )?input/i.test(raw)) {
      const lines = text.split('\n');
      line = lines.length;
      column = (lines[lines.length - 1] ?? '').length + 1;
    }
    // V8 appends position details and sometimes a snippet; we state line and column ourselves.
    const reason = raw
      .replace(/^JSON\.parse: /, '')
      .replace(/,? ?"[^"]*" is not valid JSON$/, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/ \(line \d+ column \d+\)$/, '')
      .trim();
    const where = line !== null && column !== null ? ` (line ${line}, column ${column})` : '';
    return { message: `Invalid JSON: ${reason || 'the text is not valid JSON'}${where}`, line, column };
  }
}
