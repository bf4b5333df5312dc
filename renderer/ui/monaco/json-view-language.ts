import { type monaco as Monaco } from './monaco-setup';

/**
 * A read-only JSON mode for response bodies: Monarch colouring, bracket pairs and indentation folding, all on the
 * main thread in small budgeted steps. The full 'json' language would copy the whole document to its worker for
 * validation on every open (a long task for multi-MB responses) to report errors nobody can fix in a response.
 */
export const JSON_VIEW_LANGUAGE = 'json-view';

export function registerJsonViewLanguage(monaco: typeof Monaco): void {
  monaco.languages.register({ id: JSON_VIEW_LANGUAGE });
  monaco.languages.setLanguageConfiguration(JSON_VIEW_LANGUAGE, {
    brackets: [
      ['{', '}'],
      ['[', ']'],
    ],
    autoClosingPairs: [],
  });
  monaco.languages.setMonarchTokensProvider(JSON_VIEW_LANGUAGE, {
    defaultToken: '',
    tokenPostfix: '.json',
    tokenizer: {
      root: [
        // The token names of Monaco's own JSON mode, so a body is coloured alike in the request and response editors.
        [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'string.key'],
        [/"(?:[^"\\]|\\.)*"/, 'string.value'],
        [/-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/, 'number'],
        [/\b(?:true|false|null)\b/, 'keyword'],
        [/[{}[\]]/, '@brackets'],
        [/[,:]/, 'delimiter'],
      ],
    },
  });
}
