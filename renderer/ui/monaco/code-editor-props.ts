export type CodeEditorLanguage = 'json' | 'plaintext' | 'xml' | 'html';

export interface CodeEditorProps {
  value: string;
  language: CodeEditorLanguage;
  /** The editor's accessible name; Monaco puts it on its textarea, so tests find it with getByRole('textbox', { name }). */
  ariaLabel: string;
  readOnly?: boolean;
  onChange?: (value: string) => void;
  /** CSS height; defaults to filling the parent (the parent must then have a height). */
  height?: number | string;
}
