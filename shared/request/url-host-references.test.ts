import { describe, expect, it } from 'vitest';
import { hostReferenceProblem, hostReferences } from './url-host-references';

describe('hostReferences', () => {
  it('names the unresolved references that stand for the scheme or the host', () => {
    expect(hostReferences('{{baseUrl}}/bearer', ['baseUrl', 'token'])).toEqual(['baseUrl']);
    expect(hostReferences('https://{{host}}:{{port}}/x?q={{q}}', ['host', 'port', 'q'])).toEqual(['host', 'port']);
  });

  it('leaves out references in the path and query, and those that resolve', () => {
    expect(hostReferences('http://localhost/{{id}}?q={{q}}', ['id', 'q'])).toEqual([]);
    expect(hostReferences('{{baseUrl}}/bearer', [])).toEqual([]);
  });
});

describe('hostReferenceProblem', () => {
  it('says the request is not sent, names the variable and the environments that define it', () => {
    const message = hostReferenceProblem('{{baseUrl}}/bearer', ['baseUrl'], () => ['Local', 'Staging']);
    expect(message).toBe(
      '{{baseUrl}} is not defined in any active scope, so the URL has no host and the request is not sent. Choose an environment that defines it (Local or Staging), or add it in Vars.',
    );
    expect(message).not.toMatch(/http:\/\//);
  });

  it('without an environment that defines it, points at Vars and the environments', () => {
    expect(hostReferenceProblem('{{a}}{{b}}/x', ['a', 'b'], () => [])).toBe(
      '{{a}} and {{b}} are not defined in any active scope, so the URL has no host and the request is not sent. Define them in an environment, or add them in Vars.',
    );
  });

  it('is null when the host resolves', () => {
    expect(hostReferenceProblem('http://x/{{id}}', ['id'], () => [])).toBeNull();
  });
});
