import { describe, expect, it } from 'vitest';
import { createResolver } from './resolver';

// A typed Auth tab credential is kept in the vault and written as {{$credential.<id>}}: the builder must not flag it
// as unresolved (found by the new-user UI pass: "Unresolved: {{$credential.6f47…}} — it will be sent as written").
describe('a vault-kept credential reference', () => {
  it('is described as a hidden secret, not as unresolved', () => {
    const resolver = createResolver([], {});
    const description = resolver.describe('$credential.6f4745ac-1111-2222-3333-444455556666');
    expect(description.status).toBe('hidden-secret');
    expect(description.secret).toBe(true);
    expect(description.displayValue).toBe('••••••');
  });
});
