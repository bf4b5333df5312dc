/**
 * Template variables ({{name}}) are opaque to every parser in this folder: their text is never split, encoded or
 * decoded, because what they stand for is only known when the request is sent.
 */

interface TextSegment {
  text: string;
  /** true for a complete {{…}} run */
  variable: boolean;
}

/** Splits text into plain runs and complete {{…}} runs, in order; an unclosed "{{" is plain text. */
export function segmentVariables(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let plainStart = 0;
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('{{', i)) {
      const end = text.indexOf('}}', i + 2);
      if (end !== -1) {
        if (i > plainStart) segments.push({ text: text.slice(plainStart, i), variable: false });
        segments.push({ text: text.slice(i, end + 2), variable: true });
        i = end + 2;
        plainStart = i;
        continue;
      }
    }
    i++;
  }
  if (plainStart < text.length) segments.push({ text: text.slice(plainStart), variable: false });
  return segments;
}

/** Index of the first `char` outside {{…}} at or after `from`, or -1. */
export function indexOutsideVariables(text: string, char: string, from = 0): number {
  let i = from;
  while (i < text.length) {
    if (text.startsWith('{{', i)) {
      const end = text.indexOf('}}', i + 2);
      if (end !== -1) {
        i = end + 2;
        continue;
      }
    }
    if (text[i] === char) return i;
    i++;
  }
  return -1;
}

/** Splits on `char` wherever it is outside {{…}}. */
export function splitOutsideVariables(text: string, char: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (;;) {
    const at = indexOutsideVariables(text, char, start);
    if (at === -1) break;
    parts.push(text.slice(start, at));
    start = at + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

/** The text with each {{…}} replaced by a neutral placeholder, for checks that should not look inside variables. */
export function maskVariables(text: string, placeholder = 'x'): string {
  return segmentVariables(text)
    .map((segment) => (segment.variable ? placeholder : segment.text))
    .join('');
}
