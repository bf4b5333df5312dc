import type { VariableSuggestion } from '../../../shared/variables';

export type CodeEditorLanguage = 'json' | 'plaintext' | 'xml' | 'html' | 'graphql' | 'javascript';

/** A completion, in terms free of Monaco so features can compute it anywhere (a worker, a service). */
export interface EditorSuggestion {
  label: string;
  kind: 'field' | 'method' | 'type' | 'argument' | 'enum' | 'variable' | 'keyword' | 'other';
  detail: string | null;
  documentation: string | null;
  deprecated: boolean;
  insertText: string;
}

/** A problem to underline; lines and columns are 1-based. */
export interface EditorDiagnostic {
  message: string;
  severity: 'error' | 'warning' | 'info';
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** Language smarts supplied by the caller; keep the object stable (useMemo) and replace it when its knowledge changes. */
export interface CodeEditorAssist {
  /** typing one of these opens the completion list (default: GraphQL's) */
  triggerCharacters?: readonly string[];
  complete(text: string, line: number, column: number): Promise<EditorSuggestion[]>;
  diagnose(text: string): Promise<EditorDiagnostic[]>;
}

export interface CodeEditorProps {
  value: string;
  language: CodeEditorLanguage;
  /** The editor's accessible name; Monaco puts it on its textarea, so tests find it with getByRole('textbox', { name }). */
  ariaLabel: string;
  readOnly?: boolean;
  onChange?: (value: string) => void;
  /** CSS height; defaults to filling the parent (the parent must then have a height). */
  height?: number | string;
  /** completion and markers from the caller (GraphQL against a schema) */
  assist?: CodeEditorAssist;
  /** JSON whose {{references}} are resolved before it is used (a request body): they are checked as the values they become */
  jsonReferences?: boolean;
  /** the variables in scope: "{{" then lists them (request bodies) */
  variables?: readonly VariableSuggestion[];
  /** text to type at the cursor (e.g. a field picked in the schema explorer); each new id inserts once */
  insertion?: { id: number; text: string } | null;
}
