import { maskJsonPlaceholders } from './json-placeholders';

const INDENT = '  ';

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/**
 * Pretty-prints a JSON body with two-space indents; returns null when the text is not valid JSON.
 * {{references}} count as the values they will become and are kept as written: `{"n":{{count}}}` formats.
 * The text is re-indented token by token rather than parsed and re-serialised, so what the user wrote survives:
 * numbers beyond double precision, key order, duplicate keys and escapes stay exactly as typed.
 */
export function formatJson(text: string): string | null {
  // Positions in the masked copy are positions in the text, so its structure tells where the text's tokens are.
  const masked = maskJsonPlaceholders(text);
  try {
    JSON.parse(masked);
  } catch {
    return null;
  }
  let out = '';
  let depth = 0;
  let index = 0;
  const length = masked.length;
  const newline = () => '\n' + INDENT.repeat(depth);
  while (index < length) {
    const char = masked[index]!;
    if (isSpace(masked.charCodeAt(index))) {
      index += 1;
    } else if (char === '{' || char === '[') {
      let next = index + 1;
      while (next < length && isSpace(masked.charCodeAt(next))) next += 1;
      if (masked[next] === (char === '{' ? '}' : ']')) {
        out += char + masked[next];
        index = next + 1;
      } else {
        depth += 1;
        out += char + newline();
        index += 1;
      }
    } else if (char === '}' || char === ']') {
      depth -= 1;
      out += newline() + char;
      index += 1;
    } else if (char === ',') {
      out += ',' + newline();
      index += 1;
    } else if (char === ':') {
      out += ': ';
      index += 1;
    } else if (char === '"') {
      let end = index + 1;
      while (masked[end] !== '"') end += masked[end] === '\\' ? 2 : 1;
      out += text.slice(index, end + 1);
      index = end + 1;
    } else {
      // a number, true, false or null, or a reference standing for one
      let end = index;
      while (end < length && !isSpace(masked.charCodeAt(end)) && !',:]}'.includes(masked[end]!)) end += 1;
      out += text.slice(index, end);
      index = end;
    }
  }
  return out;
}
