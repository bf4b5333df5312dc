export interface DiffViewerProps {
  original: string;
  modified: string;
  language: 'json' | 'plaintext' | 'xml' | 'html';
  /** accessible name of the comparison */
  ariaLabel: string;
  height?: number | string;
}
