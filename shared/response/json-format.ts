type PrettyJsonResult = { ok: true; text: string } | { ok: false; error: string };

const CHUNK_CHARS = 1 << 20;

/**
 * Re-indents JSON text that is already known to be valid, token by token. Unlike JSON.stringify(JSON.parse(x)) it
 * keeps the document exactly as sent: big integers (beyond 2^53), number spellings (1.0, 1e3), duplicate keys and
 * key order all survive. Output arrives as chunks of about 1M characters so a caller can hand them on piecemeal.
 * Indentation grows with depth, so a deeply nested document (100,000 nested arrays: 195 KB) would indent into
 * gigabytes: past `maxChars` of output it throws PrettyTooLargeError and the caller shows the text as sent.
 */
export function reindentJsonChunks(text: string, indentUnit = '  ', maxChars = Number.POSITIVE_INFINITY): string[] {
  const writer = new JsonIndentWriter(indentUnit, maxChars);
  writer.reindent(text, 0, text.length);
  return writer.finish();
}

/**
 * The output side of reindentJsonChunks, for a body of many JSON texts (a JSON Lines stream): each one re-indented
 * in turn into one run of chunks, with text of the caller's (a separator, a line left as sent) between them, all
 * counted against one budget.
 */
export class JsonIndentWriter {
  private readonly chunks: string[] = [];
  private readonly indents: string[] = ['\n'];
  private out = '';
  private written = 0;

  constructor(
    private readonly indentUnit = '  ',
    private readonly maxChars = Number.POSITIVE_INFINITY,
  ) {}

  /** Re-indents the JSON text in text[start, end); whitespace around it is dropped. */
  reindent(text: string, start: number, end: number): void {
    const indents = this.indents;
    const indentAt = (depth: number): string => {
      while (indents.length <= depth) indents.push(indents[indents.length - 1] + this.indentUnit);
      return indents[depth]!;
    };
    // a local string, not the field: this loop is the whole cost of showing a 200 MB document
    let out = this.out;
    let depth = 0;
    const n = end;
    let i = start;
    while (i < n) {
      const c = text.charCodeAt(i);
      switch (c) {
        case 0x20:
        case 0x09:
        case 0x0a:
        case 0x0d: // whitespace between tokens is replaced by our own
          i++;
          break;
        case 0x7b:
        case 0x5b: {
          // { [
          const close = c === 0x7b ? 0x7d : 0x5d;
          let j = i + 1;
          while (j < n) {
            const w = text.charCodeAt(j);
            if (w !== 0x20 && w !== 0x09 && w !== 0x0a && w !== 0x0d) break;
            j++;
          }
          if (j < n && text.charCodeAt(j) === close) {
            out += c === 0x7b ? '{}' : '[]';
            i = j + 1;
          } else {
            depth++;
            out += (c === 0x7b ? '{' : '[') + indentAt(depth);
            i++;
          }
          break;
        }
        case 0x7d:
        case 0x5d: // } ]
          depth = Math.max(0, depth - 1);
          out += indentAt(depth) + (c === 0x7d ? '}' : ']');
          i++;
          break;
        case 0x2c: // ,
          out += ',' + indentAt(depth);
          i++;
          break;
        case 0x3a: // :
          out += ': ';
          i++;
          break;
        case 0x22: {
          // a string, copied verbatim (escapes included)
          let j = i + 1;
          while (j < n) {
            const s = text.charCodeAt(j);
            if (s === 0x5c) j += 2;
            else if (s === 0x22) break;
            else j++;
          }
          out += text.slice(i, Math.min(j + 1, n));
          i = j + 1;
          break;
        }
        default: {
          // number, true, false, null: copied verbatim up to the next delimiter
          let j = i + 1;
          while (j < n) {
            const s = text.charCodeAt(j);
            if (s === 0x2c || s === 0x7d || s === 0x5d || s === 0x3a || s === 0x20 || s === 0x0a || s === 0x0d || s === 0x09) break;
            j++;
          }
          out += text.slice(i, j);
          i = j;
        }
      }
      if (out.length >= CHUNK_CHARS) {
        this.flush(out);
        out = '';
      }
    }
    this.out = out;
  }

  /** Adds text as it is. */
  append(piece: string): void {
    this.out += piece;
    if (this.out.length >= CHUNK_CHARS) {
      this.flush(this.out);
      this.out = '';
    }
  }

  /** The output so far, in chunks; at least one, possibly empty. */
  finish(): string[] {
    if (this.out.length > 0 || this.chunks.length === 0) this.chunks.push(this.out);
    this.out = '';
    return this.chunks;
  }

  private flush(out: string): void {
    this.written += out.length;
    if (this.written > this.maxChars) throw new PrettyTooLargeError();
    this.chunks.push(out);
  }
}

export class PrettyTooLargeError extends Error {
  constructor() {
    super('nested too deeply to indent');
    this.name = 'PrettyTooLargeError';
  }
}

/** The output budget for indenting a body in the viewer: a few times the body, never gigabytes. */
export function prettyBudgetFor(text: string): number {
  return 4 * text.length + (16 << 20);
}

/** Pretty-prints JSON (2 spaces), or reports why it is not JSON. The BOM, if any, is dropped. */
export function prettyJson(text: string): PrettyJsonResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    JSON.parse(source);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  return { ok: true, text: reindentJsonChunks(source).join('') };
}
