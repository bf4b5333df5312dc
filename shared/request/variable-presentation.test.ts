import { describe, expect, it } from 'vitest';
import type { VariableDescription } from '../variables';
import { PRECEDENCE_TEXT, processEnvFromPresence, referenceHoverText, referenceTone } from './variable-presentation';

const base: Pick<VariableDescription, 'secret' | 'source' | 'shadows'> = { secret: false, source: null, shadows: [] };
const d = (partial: Partial<VariableDescription> & Pick<VariableDescription, 'name' | 'status'>): VariableDescription => ({
  displayValue: '',
  ...base,
  ...partial,
});

describe('referenceHoverText', () => {
  it('shows the value, where it came from and what it shadows', () => {
    const host = d({
      name: 'host',
      status: 'resolved',
      displayValue: 'api.dev.example',
      source: { scope: 'environment', label: 'dev' },
      shadows: [{ scope: 'global', label: 'Globals' }],
    });
    expect(referenceHoverText(host)).toBe('host = api.dev.example · from Environment “dev” (shadows Globals)');
    // an empty value is amber and says where to fill it in (new-user finding #48: green like a real value before)
    const empty = d({ name: 'bearerToken', status: 'resolved', source: { scope: 'collection', label: 'Shop', container: 'collection' } });
    expect(referenceHoverText(empty)).toBe('bearerToken is empty · from Collection “Shop”: it is sent as nothing until a value is set there');
    expect(referenceTone(empty)).toBe('empty');
  });

  it('never shows a secret', () => {
    const token = d({ name: 'token', status: 'hidden-secret', secret: true, displayValue: '••••••', source: { scope: 'collection', label: 'Workspace' } });
    expect(referenceHoverText(token)).toBe('token = •••••• (secret) · from Workspace');
    expect(referenceTone(token)).toBe('secret');
  });

  it('says what happens to problems', () => {
    expect(referenceHoverText(d({ name: 'nope', status: 'unresolved' }))).toBe(`nope is not defined (${PRECEDENCE_TEXT}); it will be sent as written`);
    expect(referenceHoverText(d({ name: 'k', status: 'locked', secret: true, source: { scope: 'global', label: 'Globals' } }))).toMatch(
      /vault is locked · from Globals\. Unlock/,
    );
    expect(referenceHoverText(d({ name: 'a', status: 'cycle', message: 'a → b → a' }))).toMatch(/\(a → b → a\)/);
    // finding 42: the send is refused, so the hint must not say "it will be sent as written"
    expect(referenceHoverText(d({ name: 'a', status: 'cycle', message: 'a → b → a' }))).toBe(
      'a: refers back to itself (a → b → a); the request is refused until the loop is broken',
    );
    expect(referenceTone(d({ name: 'a', status: 'cycle' }))).toBe('problem');
    expect(referenceTone(d({ name: 'a', status: 'unreadable' }))).toBe('problem');
  });

  it('tells whether a process environment variable is set, never its value', () => {
    const home = d({ name: '$env.HOME', status: 'process-env' });
    expect(referenceHoverText(home, { HOME: true })).toMatch(/set in Courier's process environment \(value not shown\)/);
    expect(referenceTone(home)).toBe('dynamic');
    const missing = d({ name: '$env.NOPE', status: 'unresolved' });
    expect(referenceHoverText(missing, { NOPE: false })).toMatch(/NOPE is not set/);
    expect(referenceTone(missing)).toBe('problem');
  });

  it('lets the resolver see a process environment variable as set until the main process says otherwise', () => {
    const lookup = processEnvFromPresence({ A: true, B: false });
    expect(lookup('A')).toBe('');
    expect(lookup('B')).toBeUndefined();
    expect(lookup('C')).toBe('');
  });

  it('reads the precedence highest first', () => {
    // findings 16 and 25: collection and folder variables are a scope of their own, consulted after the environment
    expect(PRECEDENCE_TEXT).toBe('Request › Environment › Folder › Collection › Workspace › Globals');
  });
});
