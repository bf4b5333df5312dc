import { describe, expect, it } from 'vitest';
import { createResolver } from './resolver';
import { recordDynamicValues } from './replay-dynamic';
import type { VariableLayer } from './types';

const layers: VariableLayer[] = [
  {
    scope: 'environment',
    label: 'dev',
    variables: [
      { name: 'pass', value: 'passwd', secret: true },
      { name: 'nested', value: 'n-{{pass}}', secret: false },
      { name: 'outer', value: 'o-{{pass}}', secret: true },
      { name: 'user', value: 'user', secret: false },
    ],
  },
];

describe('maskSecret: a secret marked where it is substituted', () => {
  it('marks every substitution of a secret (also the memoised second one and inside a plain variable), never literal text', () => {
    const resolver = createResolver(layers, { maskSecret: () => 'M' });
    expect(resolver.resolve('/{{user}}/passwd/{{pass}}/{{pass}}/{{nested}}/{{outer}}')).toBe('/user/passwd/M/M/n-M/M');
    // the resolution still knows the plain values, for masking echoes
    expect(resolver.resolution().secretValues).toContain('passwd');
  });

  it('marks a process environment value the same way', () => {
    const resolver = createResolver([], { processEnv: (name) => (name === 'KEY' ? 'k3y' : undefined), maskSecret: () => 'M' });
    expect(resolver.resolve('a={{$env.KEY}}')).toBe('a=M');
  });

  it('a replayed resolution sees the same dynamic values as the first', () => {
    const { first, replay } = recordDynamicValues({});
    const once = createResolver([], first).resolve('{{$uuid}} {{$randomInt}} {{$timestamp}} {{$uuid}}');
    expect(createResolver([], replay()).resolve('{{$uuid}} {{$randomInt}} {{$timestamp}} {{$uuid}}')).toBe(once);
  });
});
