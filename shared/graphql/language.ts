import type { GraphQLSchema } from 'graphql';
import { CompletionItemKind, getAutocompleteSuggestions, getDiagnostics, Position } from 'graphql-language-service';

/** A completion in editor terms, free of any editor library: the worker computes it, the Monaco glue shows it. */
export interface GraphqlCompletion {
  label: string;
  kind: 'field' | 'type' | 'argument' | 'enum' | 'variable' | 'keyword' | 'other';
  /** the type, e.g. "[User!]!" */
  detail: string | null;
  documentation: string | null;
  deprecated: boolean;
  insertText: string;
}

export interface GraphqlDiagnostic {
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** 1-based, as editors count */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

function kindOf(kind: number | undefined): GraphqlCompletion['kind'] {
  switch (kind) {
    case CompletionItemKind.Field:
      return 'field';
    case CompletionItemKind.Class:
    case CompletionItemKind.Interface:
    case CompletionItemKind.Struct:
      return 'type';
    case CompletionItemKind.Variable:
      return 'variable';
    case CompletionItemKind.EnumMember:
    case CompletionItemKind.Enum:
      return 'enum';
    case CompletionItemKind.Keyword:
      return 'keyword';
    default:
      return 'other';
  }
}

/** Suggestions at a 1-based line and column (the language service counts from 0). */
export function completeAt(schema: GraphQLSchema, query: string, line: number, column: number): GraphqlCompletion[] {
  const items = getAutocompleteSuggestions(schema, query, new Position(line - 1, column - 1));
  return items.map((item) => ({
    label: item.label,
    kind: kindOf(item.kind),
    detail: item.detail ?? (item.type ? String(item.type) : null),
    documentation: typeof item.documentation === 'string' ? item.documentation : null,
    deprecated: item.isDeprecated === true,
    insertText: typeof item.insertText === 'string' ? item.insertText : item.label,
  }));
}

/** Syntax errors and validation against the schema, in 1-based editor coordinates. */
export function diagnose(schema: GraphQLSchema | null, query: string): GraphqlDiagnostic[] {
  if (query.trim() === '') return [];
  return getDiagnostics(query, schema).map((diagnostic) => ({
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    severity: diagnostic.severity === 1 ? 'error' : diagnostic.severity === 2 ? 'warning' : 'info',
    startLine: diagnostic.range.start.line + 1,
    startColumn: diagnostic.range.start.character + 1,
    endLine: diagnostic.range.end.line + 1,
    // A zero-width range would draw no squiggle; widen it by one character.
    endColumn: Math.max(diagnostic.range.end.character + 1, diagnostic.range.start.character + 2),
  }));
}
