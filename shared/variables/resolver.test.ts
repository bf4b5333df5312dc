import { describe, expect, it } from 'vitest';
import { CourierError } from '../contract/errors';
import { createResolver, MAX_EXPANDED_LENGTH } from './resolver';
import type { VariableDefinition, VariableLayer } from './types';

const plain = (name: string, value: string): VariableDefinition => ({ name, value, secret: false });
const secret = (name: string, value: string | null, unavailable?: 'locked' | 'unreadable'): VariableDefinition =>
  unavailable ? { name, value, secret: true, unavailable } : { name, value, secret: true };

function layers(parts: Partial<Record<VariableLayer['scope'], VariableDefinition[]>>): VariableLayer[] {
  const labels = { request: 'Request', environment: 'Staging', collection: 'Shop API', global: 'Globals' } as const;
  return (['request', 'environment', 'collection', 'global'] as const)
    .filter((scope) => parts[scope])
    .map((scope) => ({ scope, label: labels[scope], variables: parts[scope]! }));
}

function caught(fn: () => unknown): CourierError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CourierError) return error;
    throw error;
  }
  throw new Error('expected a CourierError');
}

describe('precedence', () => {
  const all = layers({
    request: [plain('a', 'request')],
    environment: [plain('a', 'env'), plain('b', 'env')],
    collection: [plain('a', 'collection'), plain('b', 'collection'), plain('c', 'collection')],
    global: [plain('a', 'global'), plain('b', 'global'), plain('c', 'global'), plain('d', 'global')],
  });

  it('takes request over environment over collection over global', () => {
    expect(createResolver(all).resolve('{{a}} {{b}} {{c}} {{d}}')).toBe('request env collection global');
  });

  it('describes where a value came from and what it hides', () => {
    const resolver = createResolver(all);
    expect(resolver.describe('a')).toEqual({
      name: 'a',
      status: 'resolved',
      displayValue: 'request',
      secret: false,
      source: { scope: 'request', label: 'Request' },
      shadows: [
        { scope: 'environment', label: 'Staging' },
        { scope: 'collection', label: 'Shop API' },
        { scope: 'global', label: 'Globals' },
      ],
    });
    expect(resolver.describe(' c ').shadows).toEqual([{ scope: 'global', label: 'Globals' }]);
    expect(resolver.describe('d').shadows).toEqual([]);
  });

  it('lets the last definition in a layer win, and names are case-sensitive', () => {
    const resolver = createResolver(layers({ global: [plain('x', '1'), plain('x', '2'), plain('X', 'upper')] }));
    expect(resolver.resolve('{{x}}{{X}}')).toBe('2upper');
  });

  it('lists what was used, once each, in order of first use', () => {
    const resolver = createResolver(all);
    resolver.resolve('{{d}}{{a}}{{d}}');
    expect(resolver.resolution().used).toEqual([
      { name: 'd', source: 'global', label: 'Globals', secret: false },
      { name: 'a', source: 'request', label: 'Request', secret: false },
    ]);
  });
});

describe('references', () => {
  it('allows whitespace inside the braces and keeps the text around them', () => {
    const resolver = createResolver(layers({ global: [plain('host', 'example.com')] }));
    expect(resolver.resolve('https://{{ host }}/{{\thost\t}}')).toBe('https://example.com/example.com');
  });

  it('leaves unclosed and empty braces alone', () => {
    const resolver = createResolver(layers({ global: [plain('a', 'A')] }));
    expect(resolver.resolve('{{a')).toBe('{{a');
    expect(resolver.resolve('{{a}')).toBe('{{a}');
    expect(resolver.resolve('{{}} {{a}}')).toBe('{{}} A');
    expect(resolver.resolve('{"x":{{a}}}')).toBe('{"x":A}');
    expect(resolver.resolution().unresolved).toEqual([]);
  });

  it('keeps unresolved references as written and lists them once, in order', () => {
    const resolver = createResolver(layers({ global: [plain('a', 'A')] }));
    expect(resolver.resolve('{{ missing }}/{{a}}/{{other}}/{{missing}}')).toBe('{{ missing }}/A/{{other}}/{{missing}}');
    expect(resolver.resolve('{{third}}')).toBe('{{third}}');
    expect(resolver.resolution().unresolved).toEqual(['missing', 'other', 'third']);
  });

  it('returns text without references unchanged', () => {
    expect(createResolver([]).resolve('plain text {')).toBe('plain text {');
  });
});

describe('nested values', () => {
  it('resolves references inside values with the same precedence', () => {
    const resolver = createResolver(
      layers({
        request: [plain('base', 'https://{{host}}:{{port}}')],
        environment: [plain('host', 'staging.example.com')],
        global: [plain('host', 'example.com'), plain('port', '8443'), plain('url', '{{base}}/v1')],
      }),
    );
    expect(resolver.resolve('{{url}}/users')).toBe('https://staging.example.com:8443/v1/users');
    expect(resolver.resolution().used.map((use) => use.name)).toEqual(['url', 'base', 'host', 'port']);
  });

  it('lists references it cannot resolve inside values', () => {
    const resolver = createResolver(layers({ global: [plain('a', 'x{{nope}}')] }));
    expect(resolver.resolve('{{a}}')).toBe('x{{nope}}');
    expect(resolver.resolution().unresolved).toEqual(['nope']);
  });

  it('names a self-reference', () => {
    const error = caught(() => createResolver(layers({ global: [plain('a', 'x{{a}}')] })).resolve('{{a}}'));
    expect(error.code).toBe('VARIABLE_CYCLE');
    expect(error.message).toBe('Variable “a” refers to itself: a → a');
  });

  it('names every step of a longer cycle', () => {
    const resolver = createResolver(
      layers({ environment: [plain('a', '{{b}}')], global: [plain('b', '{{ c }}'), plain('c', '{{a}}'), plain('top', '{{a}}')] }),
    );
    const error = caught(() => resolver.resolve('{{top}}'));
    expect(error.code).toBe('VARIABLE_CYCLE');
    expect(error.message).toBe('Variable “a” refers to itself: a → b → c → a');
    expect(resolver.describe('b')).toMatchObject({ status: 'cycle', message: 'b → c → a → b' });
  });

  it('refuses values that expand exponentially', () => {
    const definitions = [plain('v0', 'x'.repeat(1024))];
    for (let i = 1; i <= 20; i += 1) definitions.push(plain(`v${i}`, `{{v${i - 1}}}{{v${i - 1}}}`));
    const error = caught(() => createResolver(layers({ global: definitions })).resolve('{{v20}}'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(2 ** 20 * 1024).toBeGreaterThan(MAX_EXPANDED_LENGTH);
  });
});

describe('secrets', () => {
  it('collects the plain value of every secret used, nested ones included', () => {
    const resolver = createResolver(
      layers({ environment: [secret('token', 's3cr3t-token'), plain('auth', 'Bearer {{token}}')], global: [secret('unused', 'zzz')] }),
    );
    expect(resolver.resolve('{{auth}}')).toBe('Bearer s3cr3t-token');
    expect(resolver.resolution().secretValues).toEqual(['s3cr3t-token']);
    expect(resolver.resolution().used).toContainEqual({ name: 'token', source: 'environment', label: 'Staging', secret: true });
  });

  it('masks secrets in descriptions, also inside plain values that spell them out', () => {
    const resolver = createResolver(layers({ environment: [secret('token', 's3cr3t-token'), plain('auth', 'Bearer {{token}}')] }));
    expect(resolver.describe('token')).toMatchObject({ status: 'resolved', displayValue: '••••••', secret: true });
    expect(resolver.describe('auth')).toMatchObject({ status: 'resolved', displayValue: 'Bearer ••••••', secret: false });
    expect(resolver.resolution().used).toEqual([]);
  });

  it('does not let describe() change what resolve() reports', () => {
    const resolver = createResolver(layers({ global: [plain('a', '{{b}}{{gone}}'), plain('b', 'B')] }));
    resolver.resolve('{{a}}');
    resolver.describe('a');
    resolver.describe('nothing');
    resolver.resolve('{{a}}{{b}}');
    expect(resolver.resolution().used.map((use) => use.name)).toEqual(['a', 'b']);
    expect(resolver.resolution().unresolved).toEqual(['gone']);
  });

  it('fails a send that needs a secret while the vault is locked, naming it', () => {
    const resolver = createResolver(layers({ global: [secret('apiKey', null, 'locked'), plain('h', 'k={{apiKey}}')] }));
    const error = caught(() => resolver.resolve('{{h}}'));
    expect(error.code).toBe('VAULT_LOCKED');
    expect(error.message).toBe('This request uses the secret “apiKey”, and the vault is locked. Unlock it to send.');
    expect(resolver.describe('apiKey')).toMatchObject({ status: 'locked', displayValue: '••••••', secret: true });
    expect(resolver.describe('h')).toMatchObject({ status: 'locked' });
    expect(resolver.resolve('no secrets here')).toBe('no secrets here');
  });

  it('fails on a secret that cannot be decrypted, naming it', () => {
    const resolver = createResolver(layers({ global: [secret('old', null, 'unreadable')] }));
    const error = caught(() => resolver.resolve('{{old}}'));
    expect(error.code).toBe('SECRET_UNREADABLE');
    expect(error.message).toContain('“old”');
    expect(resolver.describe('old').status).toBe('unreadable');
  });

  it('leaves a hidden secret as written without calling it unresolved', () => {
    const resolver = createResolver(layers({ global: [secret('token', null)] }));
    expect(resolver.resolve('Bearer {{ token }}')).toBe('Bearer {{ token }}');
    expect(resolver.resolution().unresolved).toEqual([]);
    expect(resolver.resolution().secretValues).toEqual([]);
    expect(resolver.describe('token')).toMatchObject({ status: 'hidden-secret', displayValue: '••••••', secret: true });
  });
});

describe('dynamic values', () => {
  it('uses the injected clock, uuid and random source', () => {
    let n = 0;
    const resolver = createResolver([], {
      now: () => Date.UTC(2024, 0, 2, 3, 4, 5, 678),
      uuid: () => `uuid-${(n += 1)}`,
      randomInt: () => 42,
    });
    expect(resolver.resolve('{{$timestamp}} {{$isoTimestamp}} {{$randomInt}}')).toBe('1704164645 2024-01-02T03:04:05.678Z 42');
    expect(resolver.resolve('{{$uuid}} {{ $uuid }}')).toBe('uuid-1 uuid-2');
    expect(resolver.resolution().used).toEqual([
      { name: '$timestamp', source: 'dynamic', label: 'Dynamic value', secret: false },
      { name: '$isoTimestamp', source: 'dynamic', label: 'Dynamic value', secret: false },
      { name: '$randomInt', source: 'dynamic', label: 'Dynamic value', secret: false },
      { name: '$uuid', source: 'dynamic', label: 'Dynamic value', secret: false },
    ]);
  });

  it('gives each occurrence a fresh uuid, also through a variable', () => {
    const resolver = createResolver(layers({ global: [plain('id', 'req-{{$uuid}}')] }));
    const [a, b, c] = resolver.resolve('{{$uuid}} {{$uuid}} {{id}}').split(' ');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    const [d] = resolver.resolve('{{id}}').split(' ');
    expect(c).not.toBe(d);
  });

  it('keeps $randomInt within 0–1000 and $timestamp in seconds', () => {
    const resolver = createResolver([]);
    const values = Array.from({ length: 2000 }, () => Number(resolver.resolve('{{$randomInt}}')));
    expect(values.every((value) => Number.isInteger(value) && value >= 0 && value <= 1000)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(500);
    expect(Math.abs(Number(resolver.resolve('{{$timestamp}}')) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('treats unknown and differently cased dynamic names as unresolved', () => {
    const resolver = createResolver([]);
    expect(resolver.resolve('{{$UUID}}{{$nope}}')).toBe('{{$UUID}}{{$nope}}');
    expect(resolver.resolution().unresolved).toEqual(['$UUID', '$nope']);
  });

  it('describes a dynamic value with a sample', () => {
    const resolver = createResolver([], { randomInt: () => 7 });
    expect(resolver.describe('$randomInt')).toEqual({
      name: '$randomInt',
      status: 'dynamic',
      displayValue: '7',
      secret: false,
      source: { scope: 'dynamic', label: 'Dynamic value' },
      shadows: [],
    });
  });
});

describe('process environment', () => {
  const processEnv = (name: string): string | undefined => ({ HOME: '/home/me' })[name];

  it('reads {{$env.NAME}} through the injected lookup', () => {
    const resolver = createResolver([], { processEnv });
    expect(resolver.resolve('{{$env.HOME}}/x {{$env.MISSING}}')).toBe('/home/me/x {{$env.MISSING}}');
    expect(resolver.resolution().unresolved).toEqual(['$env.MISSING']);
    expect(resolver.resolution().used).toEqual([{ name: '$env.HOME', source: 'process-env', label: 'Process environment', secret: true }]);
    // a secret like a vault value: its plain value is in secretValues (for masking), never in what describe shows
    expect(resolver.resolution().secretValues).toEqual(['/home/me']);
    expect(resolver.describe('$env.HOME')).toMatchObject({ status: 'process-env', displayValue: '••••••', secret: true });
    expect(resolver.describe('$env.MISSING').status).toBe('unresolved');
  });

  it('is unresolved where there is no process environment (the renderer)', () => {
    const resolver = createResolver([]);
    expect(resolver.resolve('{{$env.HOME}}')).toBe('{{$env.HOME}}');
    expect(resolver.resolution().unresolved).toEqual(['$env.HOME']);
  });
});

describe('describe', () => {
  it('reports an unknown name as unresolved', () => {
    expect(createResolver([]).describe('nope')).toEqual({
      name: 'nope',
      status: 'unresolved',
      displayValue: '',
      secret: false,
      source: null,
      shadows: [],
    });
  });

  it('shows a nested value resolved', () => {
    const resolver = createResolver(layers({ global: [plain('a', '{{b}}!'), plain('b', 'B')] }));
    expect(resolver.describe('a').displayValue).toBe('B!');
  });
});
