import { PieceTreeTextBufferBuilder } from 'monaco-editor/editor/common/model/pieceTreeTextBuffer/pieceTreeTextBufferBuilder';
import { monaco } from './monaco-setup';

/** Longest slice of main-thread work before giving the browser a turn (well under the 50 ms "long task" line). */
const SLICE_MS = 12;

function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Builds a Monaco model from UTF-8 pieces without one long task: each piece is decoded and its line starts indexed
 * in a short slice, yielding in between. `monaco.editor.createModel(hugeString)` would do the same work in one go
 * (hundreds of milliseconds for tens of MB). Resolves to null if `isCancelled()` turns true part way.
 */
export async function buildModelInSlices(
  chunks: readonly ArrayBuffer[],
  languageId: string,
  isCancelled: () => boolean,
): Promise<monaco.editor.ITextModel | null> {
  const builder = new PieceTreeTextBufferBuilder();
  const decoder = new TextDecoder('utf-8');
  // Decoding in 256 KiB views keeps each slice short even when a worker handed over one big buffer.
  const PIECE = 256 * 1024;
  let sliceStart = performance.now();
  for (const chunk of chunks) {
    for (let offset = 0; offset < chunk.byteLength; offset += PIECE) {
      const view = new Uint8Array(chunk, offset, Math.min(PIECE, chunk.byteLength - offset));
      builder.acceptChunk(decoder.decode(view, { stream: true }));
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToBrowser();
        if (isCancelled()) return null;
        sliceStart = performance.now();
      }
    }
  }
  builder.acceptChunk(decoder.decode());
  await yieldToBrowser();
  if (isCancelled()) return null;
  // false: keep line endings as received; normalising would rebuild the whole text in one go.
  const factory = builder.finish(false);
  const created = performance.now();
  // createModel accepts a text buffer factory at runtime (TextModel's constructor takes string | factory).
  const model = monaco.editor.createModel(factory as unknown as string, languageId);
  // Visible in DevTools and to the performance tests: the one step that cannot be sliced.
  performance.measure('courier:create-model', { start: created, end: performance.now() });
  return model;
}
