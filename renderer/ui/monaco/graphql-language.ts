import { type monaco as Monaco } from './monaco-setup';

/**
 * GraphQL colouring as a small Monarch grammar (a few KB) rather than monaco-graphql, which would bring its own
 * worker and a second copy of the language service. Completion and validation come from the app's GraphQL worker
 * through the editor's `assist` prop (see editor-assist.ts).
 */
const GRAPHQL_LANGUAGE = 'graphql';

export function registerGraphqlLanguage(monaco: typeof Monaco): void {
  monaco.languages.register({ id: GRAPHQL_LANGUAGE, extensions: ['.graphql', '.gql'] });
  monaco.languages.setLanguageConfiguration(GRAPHQL_LANGUAGE, {
    comments: { lineComment: '#' },
    brackets: [
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '(', close: ')' },
      { open: '"', close: '"', notIn: ['string', 'comment'] },
    ],
    surroundingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '(', close: ')' },
      { open: '"', close: '"' },
    ],
    folding: { offSide: true },
  });
  monaco.languages.setMonarchTokensProvider(GRAPHQL_LANGUAGE, {
    defaultToken: '',
    tokenPostfix: '.gql',
    keywords: [
      'query',
      'mutation',
      'subscription',
      'fragment',
      'on',
      'type',
      'interface',
      'union',
      'enum',
      'input',
      'scalar',
      'schema',
      'extend',
      'implements',
      'directive',
      'repeatable',
    ],
    constants: ['true', 'false', 'null'],
    tokenizer: {
      root: [
        [/"""/, { token: 'string.quote', next: '@blockString' }],
        [/"/, { token: 'string.quote', next: '@string' }],
        [/#.*$/, 'comment'],
        [/\$[_A-Za-z][_0-9A-Za-z]*/, 'variable'],
        [/@[_A-Za-z][_0-9A-Za-z]*/, 'annotation'],
        [/\.\.\./, 'operator'],
        [/-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/, 'number'],
        // A capitalised name is almost always a type (User, ID, String); fields and arguments are lower case.
        [/[A-Z][_0-9A-Za-z]*/, { cases: { '@constants': 'keyword', '@default': 'type.identifier' } }],
        [/[_a-z][_0-9A-Za-z]*/, { cases: { '@keywords': 'keyword', '@constants': 'keyword', '@default': 'identifier' } }],
        [/[{}()[\]]/, '@brackets'],
        [/[:=!|&,]/, 'delimiter'],
        [/\s+/, 'white'],
      ],
      string: [
        [/[^"\\]+/, 'string'],
        [/\\./, 'string.escape'],
        [/"/, { token: 'string.quote', next: '@pop' }],
      ],
      blockString: [
        [/"""/, { token: 'string.quote', next: '@pop' }],
        [/[^"]+/, 'string'],
        [/"/, 'string'],
      ],
    },
  });
}
