import { type BodyKind, type JsonSequenceFormat } from './content-type';
import { prettyBudgetFor, reindentJsonChunks } from './json-format';
import { formatJsonSequence } from './json-sequence';

const PREVIEW_LINES = 200;

/**
 * The first screen of a body shown as plain text before (or instead of) the editor: a JSON head indented when that
 * stays small (the re-indenter copes with a cut-off document), record by record for JSON Lines, then its first 200
 * lines. The body worker makes it for a finished body, the response viewer for the first part of one still arriving.
 */
export function previewLines(kind: BodyKind, text: string, sequence: JsonSequenceFormat | null = null): string {
  return firstLines(kind === 'json' ? prettyHead(text, sequence) : text, PREVIEW_LINES);
}

function prettyHead(text: string, sequence: JsonSequenceFormat | null): string {
  try {
    const budget = prettyBudgetFor(text);
    return (sequence ? formatJsonSequence(text, sequence, { validate: false, maxChars: budget }).chunks : reindentJsonChunks(text, '  ', budget))[0] ?? '';
  } catch {
    return text;
  }
}

function firstLines(text: string, lines: number): string {
  let index = -1;
  for (let i = 0; i < lines; i++) {
    index = text.indexOf('\n', index + 1);
    if (index === -1) return text;
  }
  return text.slice(0, index);
}
