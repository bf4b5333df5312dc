import type { KeyValue } from '../../contract';

/** How curl sends a request, which decides what -r becomes (lib/http.c, http_range). */
export type RangeUse =
  /** GET or HEAD on the wire (also -X POST without data): a Range header */
  | { kind: 'download' }
  /** -d/--json or -T: Content-Range with the body's size; null when the body is a file still to be chosen */
  | { kind: 'upload'; bodyText: string | null }
  /** -F: curl sends no range header at all */
  | { kind: 'form' };

function utf8Length(text: string): number {
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    length += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return length;
}

const has = (headers: KeyValue[], name: string) => headers.some((header) => header.name.toLowerCase() === name);

/**
 * The header curl makes of `-r <range>`, added to `headers`, or a warning when it cannot be carried. A header of the
 * same name given with -H wins, as in curl, which then leaves the -r range out.
 */
export function addRangeHeader(range: string, use: RangeUse, headers: KeyValue[], warnings: string[]): void {
  if (use.kind === 'form') return;
  const name = use.kind === 'download' ? 'Range' : 'Content-Range';
  if (has(headers, name.toLowerCase())) {
    warnings.push(`The -r range (${range}) was left out: with a ${name} header given by -H, curl does not send it either.`);
  } else if (use.kind === 'download') {
    headers.push({ name, value: `bytes=${range}`, enabled: true });
  } else if (use.bodyText !== null) {
    headers.push({ name, value: `bytes ${range}/${utf8Length(use.bodyText)}`, enabled: true });
  } else {
    warnings.push(`curl sends "Content-Range: bytes ${range}/<size of the file>" with this upload (-r); add it once the file is chosen.`);
  }
}
