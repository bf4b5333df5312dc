// Monaco's own buffer builder, used to feed a large document in slices (see build-model.ts). Not part of the public
// API, so it is typed here by hand with only what we use.
declare module 'monaco-editor/editor/common/model/pieceTreeTextBuffer/pieceTreeTextBufferBuilder' {
  export interface TextBufferFactory {
    readonly __textBufferFactory: unique symbol;
  }
  export class PieceTreeTextBufferBuilder {
    acceptChunk(chunk: string): void;
    finish(normalizeEOL?: boolean): TextBufferFactory;
  }
}
