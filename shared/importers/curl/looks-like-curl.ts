// Apart from the parser: a paste handler asks this of every paste, and the parser (with the contract's schemas it
// fills in) is loaded only when a paste is a curl command.

/** The first line that is neither blank nor a comment, found without splitting the whole text (a 58 MB file). */
function firstCommandLine(text: string): string | undefined {
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) return line;
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}

const CURL_START = /^\s*(\$\s+)?((?![a-z][a-z0-9+.-]*:\/\/)\S*[\\/])?curl(\.exe)?(\s|$)/i;

/**
 * A cheap test for paste handlers: does this text start like a curl command? Comment and shebang lines may come
 * first, a "$ " prompt or a path to curl (/usr/bin/curl, C:\\…\\curl.exe) too, and `echo … | curl` pipes; a URL
 * ending in /curl does not count.
 */
export function looksLikeCurl(text: string): boolean {
  const first = firstCommandLine(text);
  if (first === undefined) return false;
  if (CURL_START.test(first)) return true;
  // `echo '{…}' | curl …` and `cat body.json | curl …`
  return /^\s*(\$\s+)?(echo|printf|cat)\s/.test(first) && /\|\s*((?![a-z][a-z0-9+.-]*:\/\/)\S*[\\/])?curl(\.exe)?\s/i.test(text);
}

/**
 * Does any line start a curl command? For a text that is neither a JSON nor a YAML collection: a shell script whose
 * curl commands come after other lines (`set -e`, `export TOKEN=…`), which parseCurl reads, skipping those lines.
 */
export function hasCurlCommandLine(text: string): boolean {
  return text.split('\n').some((line) => CURL_START.test(line));
}
