/**
 * A large text handed to the viewer in UTF-8 pieces (as a worker transferred them), so it never has to exist as one
 * giant string on the main thread before Monaco has it.
 */
export interface DocumentSource {
  /** changes whenever the content does */
  key: string;
  chunks: readonly ArrayBuffer[];
  language: 'json' | 'plaintext' | 'xml' | 'html';
  /** a big document: folding, bracket colours and similar whole-document features are turned off */
  lite: boolean;
}

export interface DocumentViewerProps {
  source: DocumentSource;
  ariaLabel: string;
  height?: number | string;
  /** called once the document is in the editor and painted, with how long building the model took */
  onShown?: (stats: { buildMs: number; lineCount: number }) => void;
}
