import { describe, expect, it } from 'vitest';
import { weakSecretWarning } from './weak-secret';

describe('weakSecretWarning', () => {
  it('warns about a short value: its letters occur by chance in responses and history', () => {
    expect(weakSecretWarning('passwd')).toBe('This value is short; it will be masked wherever it appears in responses and history.');
    expect(weakSecretWarning('abc')).toMatch(/^This value is short/);
  });
  it('warns about a common word even when long enough', () => {
    expect(weakSecretWarning('Password')).toBe('This value is a common word; it will be masked wherever it appears in responses and history.');
    expect(weakSecretWarning('changeme')).toMatch(/common word/);
  });
  it('says nothing for a long, unusual value, an empty one, or one made of references', () => {
    expect(weakSecretWarning('kq9-Zt!x44-pQ')).toBeNull();
    expect(weakSecretWarning('')).toBeNull();
    expect(weakSecretWarning('{{pw}}')).toBeNull();
    expect(weakSecretWarning('{{user}}:{{pw}}')).toBeNull();
  });
});
