import { describe, expect, it } from 'vitest';
import { isTypedCredential, needsVaultToSave } from './typed-credential';

describe('needsVaultToSave', () => {
  it('is true for a typed Bearer token and a typed Basic password', () => {
    expect(needsVaultToSave({ kind: 'bearer', token: 'tok-123', prefix: 'Bearer' })).toBe(true);
    expect(needsVaultToSave({ kind: 'basic', username: 'alice', password: 'pa55' })).toBe(true);
  });

  it('is false for empty fields, {{references}} and vault references', () => {
    expect(needsVaultToSave({ kind: 'bearer', token: '', prefix: 'Bearer' })).toBe(false);
    expect(needsVaultToSave({ kind: 'bearer', token: '{{token}}', prefix: 'Bearer' })).toBe(false);
    expect(needsVaultToSave({ kind: 'basic', username: 'typed-user', password: '{{pass}}' })).toBe(false);
    expect(needsVaultToSave({ kind: 'apikey', name: 'X-Key', value: '{{$credential.abc-1}}', in: 'header' })).toBe(false);
    expect(needsVaultToSave({ kind: 'none' })).toBe(false);
  });

  it('treats a reference with text around it as typed (the text is part of the secret)', () => {
    expect(isTypedCredential('Bearer {{token}}')).toBe(true);
    expect(isTypedCredential('{{user}}:{{pass}}')).toBe(false);
  });
});
