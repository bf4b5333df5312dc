import { describe, expect, it } from 'vitest';
import { copyName, environmentNameProblem, findNewEnvironment } from './environment-names';

const envs = [
  { id: '1', name: 'dev' },
  { id: '2', name: 'Staging' },
];

describe('environment names', () => {
  it('requires a unique, non-empty name', () => {
    expect(environmentNameProblem('  ', envs)).toBe('Give the environment a name.');
    expect(environmentNameProblem('staging ', envs)).toBe('An environment named “Staging” already exists.');
    expect(environmentNameProblem('Dev', envs, '1')).toBeNull();
    expect(environmentNameProblem('prod', envs)).toBeNull();
    expect(environmentNameProblem('x'.repeat(201), envs)).toMatch(/200/);
  });

  it('finds a free name for a copy', () => {
    expect(copyName('dev', ['dev'])).toBe('dev copy');
    expect(copyName('dev', ['dev', 'dev copy', 'Dev Copy 2'])).toBe('dev copy 3');
    expect(copyName('x'.repeat(200), []).length).toBeLessThanOrEqual(200);
  });

  it('finds the environment just created', () => {
    expect(findNewEnvironment(envs, [...envs, { id: '3', name: 'prod' }])).toEqual({ id: '3', name: 'prod' });
    expect(findNewEnvironment(envs, envs)).toBeNull();
  });
});
