import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema, SNIPPET_TARGETS, type HttpRequestSpec } from '../../../shared/contract';
import { LOCAL_EXPORT_TARGETS, localExport, prepareExport, type ExportTarget } from '../../../shared/exporters';
import type { VariableLayer } from '../../../shared/variables';
import { generateSnippet } from './snippet';

// The export dialog lists what the code reads; here every target's code is read back, each in its own language.
const CANARY = 'CANARY-77f0-never-exported';
const layers: VariableLayer[] = [
  {
    scope: 'environment',
    label: 'Prod',
    variables: [
      { name: 'apiSecret', value: CANARY, secret: true },
      { name: 'host', value: 'api.example.com', secret: false },
    ],
  },
];
const typed = '{{$credential.c0ffee00-0000-4000-8000-000000000001}}';

const cases: [string, Record<string, unknown>][] = [
  ['Basic, typed password', { auth: { kind: 'basic', username: 'ann', password: typed } }],
  ['Basic, secret variable password', { auth: { kind: 'basic', username: 'ann', password: '{{apiSecret}}' } }],
  ['Basic, both halves known', { auth: { kind: 'basic', username: 'ann', password: 'open' } }],
  ['Digest, typed password', { auth: { kind: 'digest', username: 'ann', password: typed } }],
  ['Bearer, typed token', { auth: { kind: 'bearer', token: typed, prefix: 'Bearer' } }],
  ['API key in a header', { auth: { kind: 'apikey', name: 'X-Key', value: typed, in: 'header' } }],
  ['API key in the query', { auth: { kind: 'apikey', name: 'key', value: typed, in: 'query' } }],
  ['OAuth 2.0', { auth: { kind: 'oauth2', clientId: 'id', clientSecret: CANARY, tokenUrl: 'https://{{host}}/token' } }],
  ['OAuth 2.0, typed client secret', { auth: { kind: 'oauth2', clientId: 'id', clientSecret: typed, tokenUrl: 'https://{{host}}/token' } }],
  [
    'secret variable and $env in headers and body',
    {
      headers: [
        { name: 'X-T', value: '{{apiSecret}}' },
        { name: 'X-E', value: '{{$env.DEPLOY_KEY}}' },
      ],
      body: { kind: 'json', text: '{"t":"{{apiSecret}}"}' },
    },
  ],
];

/** The names a target's code reads, found as that language reads an environment variable (or a {{variable}}). */
const READERS: Record<string, RegExp> = {
  'curl-bash': /"\$([A-Za-z_]\w*)"/g,
  'curl-cmd': /%([A-Za-z_]\w*)%/g,
  // Postman's own dynamic variables ({{$guid}}) need nothing; {{$credential.…}} or {{$env.…}} would
  postman: /\{\{((?!\$[A-Za-z]+\}\})[^}]+)\}\}/g,
  har: /\{\{([^$}][^}]*)\}\}/g,
  // Bruno reads {{variables}} as Postman does; an OpenAPI skeleton names what is left to fill in the same way
  bruno: /\{\{((?!\$[A-Za-z]+\}\})[^}]+)\}\}/g,
  openapi: /\{\{((?!\$[A-Za-z]+\}\})[^}]+)\}\}/g,
  javascript: /process\.env\.(\w+)/g,
  node: /process\.env\.(\w+)/g,
  python: /os\.environ\["(\w+)"\]/g,
  go: /os\.Getenv\("(\w+)"\)/g,
  ruby: /ENV\.fetch\("(\w+)"\)/g,
  php: /getenv\('(\w+)'\)/g,
  java: /System\.getenv\("(\w+)"\)/g,
  kotlin: /System\.getenv\("(\w+)"\)/g,
  csharp: /Environment\.GetEnvironmentVariable\("(\w+)"\)/g,
  powershell: /\$env:(\w+)/g,
  shell: /"\$(\w+)"/g,
  rust: /std::env::var\("(\w+)"\)/g,
  // languages with no one-expression lookup get a visible <NAME> placeholder
  c: /<(\w+)>/g,
  swift: /<(\w+)>/g,
};

const TARGETS: ExportTarget[] = [...LOCAL_EXPORT_TARGETS.map((target) => target.id), ...SNIPPET_TARGETS.map((target) => target.id)];

function exported(target: ExportTarget, spec: HttpRequestSpec): { code: string; shown: string[] } {
  const prepared = prepareExport(spec, { layers });
  const out = target.includes(':') ? generateSnippet(prepared, target as never) : localExport(target as never, prepared, spec, 'r', '0');
  const code = 'code' in out ? out.code : out.text;
  for (const input of out.inputs) expect(input.hint.trim(), `a hint for ${input.name}`).not.toBe('');
  return { code, shown: out.inputs.map((input) => input.name) };
}

describe('every export target reads exactly the names the export dialog lists', () => {
  it('covers a reader for every target', () => {
    for (const target of TARGETS) expect(READERS[target] ?? READERS[target.split(':')[0]!], target).toBeDefined();
  });

  describe.each(TARGETS)('%s', (target) => {
    it.each(cases)('%s', (_label, partial) => {
      const spec = httpRequestSpecSchema.parse({ method: 'POST', url: 'https://{{host}}/x', ...partial });
      const { code, shown } = exported(target, spec);
      const reader = READERS[target] ?? READERS[target.split(':')[0]!]!;
      const read = [...new Set([...code.matchAll(reader)].map((match) => match[1]!))];
      expect(new Set(read)).toEqual(new Set(shown));
      expect(code).not.toContain(CANARY);
      expect(code).not.toMatch(/[\uE000-\uE003]/);
      expect(code).not.toContain('$credential.');
    });
  });
});
