import { type BodyKind } from './content-type';
import { prettyBudgetFor, reindentJsonChunks } from './json-format';

const PREVIEW_LINES = 200;

/**
 * The first screen of a body shown as plain text before (or instead of) the editor: a JSON head indented when that
 * stays small (the re-indenter copes with a cut-off document), then its first 200 lines. The body worker makes it for
 * a finished body, the response viewer for the first part of one still arriving.
 */
export function previewLines(kind: BodyKind, text: string): string {
  return firstLines(kind === 'json' ? prettyHead(text) : text, PREVIEW_LINES);
}

function prettyHead(text: string): string {
  try {
    return reindentJsonChunks(text, '  ', prettyBudgetFor(text))[0] ?? '';
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
